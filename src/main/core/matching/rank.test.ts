import { lawyerProfile, matchContext, survivorProfile } from '#test-support/matching-profiles'
import { describe, expect, it } from 'vitest'
import { ConflictNameIndex } from './conflict-name-index'
import { rankLawyers } from './rank'
import type { TLawyerPartyName, TLawyerProfile, TSurvivorProfile } from './types'

const rank = (
  survivor: TSurvivorProfile,
  lawyers: TLawyerProfile[],
  names: TLawyerPartyName[] = [],
  reviews = new Map<string, Map<string, 'cleared' | 'confirmed'>>(),
) => rankLawyers(survivor, lawyers, new ConflictNameIndex(names), reviews, matchContext())

const excludedKeys = (ranking: ReturnType<typeof rank>, id: string) =>
  ranking.excluded.find((entry) => entry.lawyer.id === id)?.reasons.map((reason) => reason.key)

describe('ranking lawyers for one survivor', () => {
  it('adds up the reasons into the score, best first, and says what each factor gave', () => {
    const survivor = survivorProfile({
      needs: ['refugee_claim', 'detention_review'],
      preferredLanguage: 'ar',
    })
    const ranking = rank(survivor, [
      lawyerProfile({ id: 'speaks-arabic', languages: ['ar', 'en'], practiceAreas: ['refugee_claim'] }),
      lawyerProfile({
        id: 'english-only',
        languages: ['en'],
        practiceAreas: ['refugee_claim', 'detention_review'],
      }),
    ])
    expect(ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['speaks-arabic', 'english-only'])
    for (const entry of ranking.ranked) {
      expect(entry.score).toBe(entry.reasons.reduce((total, reason) => total + reason.points, 0))
    }
    const best = ranking.ranked[0]?.reasons ?? []
    expect(best).toContainEqual({ key: 'language.preferred', points: 30, params: { language: 'ar' } })
    expect(best).toContainEqual({
      key: 'needs.covered',
      points: 20,
      params: { needs: ['refugee_claim'], total: 2 },
    })
    expect(ranking.ranked[1]?.reasons).toContainEqual({
      key: 'language.interpreter',
      points: -20,
      params: { language: 'ar' },
    })
  })

  it('leaves out a lawyer at capacity, saying how full they are', () => {
    const ranking = rank(survivorProfile(), [lawyerProfile({ capacity: 3, activeReferrals: 3 })])
    expect(ranking.ranked).toEqual([])
    expect(ranking.excluded[0]?.reasons).toEqual([
      { key: 'excluded.full', params: { capacity: 3, active: 3 } },
    ])
  })

  it('leaves out a paused lawyer, and a lawyer who set capacity 0', () => {
    const ranking = rank(survivorProfile(), [
      lawyerProfile({ id: 'paused', status: 'paused' }),
      lawyerProfile({ id: 'zero', capacity: 0 }),
      lawyerProfile({ id: 'ok' }),
    ])
    expect(ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['ok'])
    expect(excludedKeys(ranking, 'paused')).toEqual(['excluded.paused'])
    expect(excludedKeys(ranking, 'zero')).toEqual(['excluded.full'])
  })

  it('keeps a civil claim in Ontario away from a lawyer licensed only in Quebec', () => {
    const survivor = survivorProfile({ needs: ['civil_claim'], province: 'ON' })
    const ranking = rank(survivor, [
      lawyerProfile({ id: 'quebec', licensedProvinces: ['QC'], province: 'QC' }),
      lawyerProfile({ id: 'ontario', licensedProvinces: ['QC', 'ON'] }),
    ])
    expect(excludedKeys(ranking, 'quebec')).toEqual(['excluded.licence_province'])
    expect(ranking.ranked[0]?.lawyer.id).toBe('ontario')
    expect(ranking.ranked[0]?.reasons).toContainEqual({
      key: 'licence.province',
      points: 0,
      params: { province: 'ON' },
    })
  })

  it('lets any Canadian licence act on a refugee claim, but not a lawyer with none', () => {
    const ranking = rank(survivorProfile({ province: 'ON' }), [
      lawyerProfile({ id: 'bc', licensedProvinces: ['BC'], province: 'BC' }),
      lawyerProfile({ id: 'none', licensedProvinces: [] }),
    ])
    expect(ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['bc'])
    expect(excludedKeys(ranking, 'none')).toEqual(['excluded.licence_canada'])
  })

  it('needs on-call coverage of the survivor’s airport for airport support, and favours whoever is on call now', () => {
    const survivor = survivorProfile({
      needs: ['airport_support'],
      airport: 'YUL',
      province: 'QC',
      urgent: true,
    })
    // Monday 10:00 in Montréal.
    const mondayMorning = [{ days: ['mon' as const], start: '08:00', end: '12:00' }]
    const fridayNight = [{ days: ['fri' as const], start: '22:00', end: '06:00' }]
    const ranking = rank(survivor, [
      lawyerProfile({ id: 'yul-now', airports: ['YUL'], onCallWindows: mondayMorning }),
      lawyerProfile({ id: 'yul-friday', airports: ['YUL'], onCallWindows: fridayNight }),
      lawyerProfile({ id: 'yyz-now', airports: ['YYZ'], onCallWindows: mondayMorning }),
      lawyerProfile({ id: 'no-airport' }),
    ])
    expect(ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['yul-now', 'yul-friday'])
    expect(ranking.ranked[0]?.reasons).toContainEqual({
      key: 'airport.on_call_now',
      points: 30,
      params: { airport: 'YUL' },
    })
    expect(ranking.ranked[1]?.reasons.map((reason) => reason.key)).not.toContain('airport.on_call_now')
    expect(excludedKeys(ranking, 'yyz-now')).toEqual(['excluded.airport_not_covered'])
    expect(excludedKeys(ranking, 'no-airport')).toEqual(['excluded.airport_not_covered'])
  })

  it('finds nobody for an airport case when no one covers that airport, and says why for each', () => {
    const survivor = survivorProfile({ needs: ['airport_support'], airport: 'YHZ' })
    const ranking = rank(survivor, [
      lawyerProfile({ airports: ['YUL'], onCallWindows: [{ days: ['mon'], start: '00:00', end: '24:00' }] }),
    ])
    expect(ranking.ranked).toEqual([])
    expect(ranking.excluded[0]?.reasons).toEqual([
      { key: 'excluded.airport_not_covered', params: { need: 'airport_support', airport: 'YHZ' } },
    ])
  })

  it('reports every constraint a lawyer fails, not only the first', () => {
    const survivor = survivorProfile({ needs: ['civil_claim'], province: 'ON' })
    const ranking = rank(survivor, [
      lawyerProfile({ status: 'paused', capacity: 0, licensedProvinces: ['QC'] }),
    ])
    expect(ranking.excluded[0]?.reasons.map((reason) => reason.key)).toEqual([
      'excluded.paused',
      'excluded.full',
      'excluded.licence_province',
    ])
  })
})

describe('conflicts across scripts and spellings', () => {
  const adverse = (name: string): TSurvivorProfile =>
    survivorProfile({ parties: [{ role: 'adverse_party', kind: 'person', names: [name] }] })
  const declared = (lawyerId: string, name: string): TLawyerPartyName => ({
    lawyerId,
    source: 'declared',
    kind: 'person',
    names: [name],
  })
  const spellings = ['محمد الحسن', 'Mohammed Al-Hassan', 'Muhammad Alhasan']

  for (const survivorSide of spellings) {
    for (const lawyerSide of spellings) {
      if (survivorSide === lawyerSide) continue
      it(`an adverse party written “${survivorSide}” excludes a lawyer who declared “${lawyerSide}”`, () => {
        const ranking = rank(adverse(survivorSide), [lawyerProfile({ id: 'a' })], [declared('a', lawyerSide)])
        expect(ranking.ranked).toEqual([])
        const reason = ranking.excluded[0]?.reasons[0]
        expect(reason?.key).toBe('excluded.conflict')
        if (reason?.key !== 'excluded.conflict') return
        expect(reason.params.survivorName).toBe(survivorSide)
        expect(reason.params.lawyerName).toBe(lawyerSide)
        expect(reason.params.score).toBeGreaterThanOrEqual(0.5)
        expect(reason.params.evidence.some((key) => key.startsWith('name.'))).toBe(true)
      })
    }
  }

  it('does not flag an unrelated name', () => {
    const ranking = rank(
      adverse('Mohammed Al-Hassan'),
      [lawyerProfile({ id: 'a' })],
      [declared('a', 'Testina Lopez')],
    )
    expect(ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['a'])
  })

  it('two people who only share a given name are not a conflict; a state written two ways is', () => {
    const survivor = survivorProfile({
      parties: [
        { role: 'adverse_party', kind: 'person', names: ['Mohammed Karimi'] },
        { role: 'adverse_party', kind: 'state', names: ['Syrian Arab Republic'] },
      ],
    })
    const ranking = rank(
      survivor,
      [lawyerProfile({ id: 'namesake' }), lawyerProfile({ id: 'acts-for-state' })],
      [
        { lawyerId: 'namesake', source: 'declared', kind: 'person', names: ['Mohammed Hassan'] },
        { lawyerId: 'acts-for-state', source: 'declared', kind: 'state', names: ['Syria'] },
      ],
    )
    expect(ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['namesake'])
    expect(excludedKeys(ranking, 'acts-for-state')).toEqual(['excluded.conflict'])
  })

  it('a cleared review lets the lawyer be ranked with the hit shown; a confirmed one keeps them out', () => {
    const survivor = adverse('محمد الحسن')
    const names = [declared('a', 'Mohammed Al-Hassan'), declared('b', 'Muhammad Alhasan')]
    const lawyers = [lawyerProfile({ id: 'a' }), lawyerProfile({ id: 'b' })]
    const first = rank(survivor, lawyers, names)
    const keyOf = (id: string) => {
      const reason = first.excluded.find((entry) => entry.lawyer.id === id)?.reasons[0]
      return reason?.key === 'excluded.conflict' ? reason.params.hitKey : ''
    }
    const reviews = new Map<string, Map<string, 'cleared' | 'confirmed'>>([
      ['a', new Map([[keyOf('a'), 'cleared']])],
      ['b', new Map([[keyOf('b'), 'confirmed']])],
    ])
    const after = rank(survivor, lawyers, names, reviews)
    expect(after.ranked.map((entry) => entry.lawyer.id)).toEqual(['a'])
    expect(after.ranked[0]?.reasons).toContainEqual({
      key: 'conflict.cleared',
      points: 0,
      params: { survivorName: 'محمد الحسن', lawyerName: 'Mohammed Al-Hassan', hitKey: keyOf('a') },
    })
    expect(excludedKeys(after, 'b')).toEqual(['excluded.conflict_confirmed'])
  })

  it('a review of one name does not clear a different name found later', () => {
    const lawyers = [lawyerProfile({ id: 'a' })]
    const names = [declared('a', 'Mohammed Al-Hassan')]
    const first = rank(adverse('Muhammad Alhasan'), lawyers, names)
    const reason = first.excluded[0]?.reasons[0]
    const hitKey = reason?.key === 'excluded.conflict' ? reason.params.hitKey : ''
    const reviews = new Map([['a', new Map([[hitKey, 'cleared' as const]])]])
    expect(excludedKeys(rank(adverse('محمد الحسن'), lawyers, names, reviews), 'a')).toEqual([
      'excluded.conflict',
    ])
  })

  it('checks the parties of the lawyer’s other active referrals, in the direction that makes a conflict', () => {
    const survivor = survivorProfile({
      caseId: 'this-case',
      parties: [
        { role: 'survivor', kind: 'person', names: ['Testa Karimova'] },
        { role: 'adverse_party', kind: 'person', names: ['Olga Kuznetsova'] },
      ],
    })
    const ranking = rank(
      survivor,
      [
        lawyerProfile({ id: 'acts-for-perpetrator' }),
        lawyerProfile({ id: 'acts-against-survivor' }),
        lawyerProfile({ id: 'co-claimant' }),
      ],
      [
        // The lawyer's client in another referral is this survivor's adverse party.
        {
          lawyerId: 'acts-for-perpetrator',
          source: 'referral_client',
          kind: 'person',
          names: ['Ольга Кузнецова'],
          caseId: 'other',
        },
        // The lawyer's other client is suing this survivor.
        {
          lawyerId: 'acts-against-survivor',
          source: 'referral_opponent',
          kind: 'person',
          names: ['Testa Karimova'],
          caseId: 'other',
        },
        // Two survivors with the same adverse party are not in conflict.
        {
          lawyerId: 'co-claimant',
          source: 'referral_opponent',
          kind: 'person',
          names: ['Olga Kuznetsova'],
          caseId: 'other',
        },
      ],
    )
    expect(excludedKeys(ranking, 'acts-for-perpetrator')).toEqual(['excluded.conflict'])
    expect(excludedKeys(ranking, 'acts-against-survivor')).toEqual(['excluded.conflict'])
    expect(ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['co-claimant'])
  })

  it('a declared name meeting the survivor’s own name is a conflict too', () => {
    const survivor = survivorProfile({
      parties: [{ role: 'survivor', kind: 'person', names: ['Abd al-Rahman Yusuf'] }],
    })
    const ranking = rank(survivor, [lawyerProfile({ id: 'a' })], [declared('a', 'Abdulrahman Yousef')])
    expect(excludedKeys(ranking, 'a')).toEqual(['excluded.conflict'])
  })
})
