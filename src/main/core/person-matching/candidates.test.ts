import { describe, expect, it } from 'vitest'
import { findCandidates } from './candidates'
import { preparePerson } from './prepare'
import { buildSearchKeys } from './search-keys'
import type { Person } from './types'

const caseload: Person[] = [
  { names: ['Maria Lopez'], dateOfBirth: '1985-02-03' },
  { names: ['محمد الحسن', 'Abu Ali'], dateOfBirth: '1980-05-12' },
  { names: ['Olga Kuznetsova'] },
  { names: ['Mohammed Hassan Ali'], dateOfBirth: '1962-11-20' },
  { names: ['Abebe Bikila'] },
]

describe('findCandidates: the side-by-side list on saving a new survivor', () => {
  const intake: Person = { names: ['Muhammad Alhasan'], dateOfBirth: '1980-05-12' }

  it('puts the same person first and leaves unrelated people out', () => {
    const found = findCandidates(intake, caseload)
    expect(found[0]?.index).toBe(1)
    expect(found[0]?.match.isLikelySame).toBe(true)
    expect(found.map((candidate) => candidate.index)).not.toContain(0)
  })

  it('honours the limit and the minimum score', () => {
    expect(findCandidates(intake, caseload, { limit: 1 })).toHaveLength(1)
    expect(findCandidates(intake, caseload, { limit: 0 })).toEqual([])
    expect(findCandidates(intake, caseload, { minScore: 0 })).toHaveLength(caseload.length)
  })

  it('gives the same answer for prepared people as for plain ones', () => {
    const prepared = caseload.map((person) => preparePerson(person))
    const plain = findCandidates(intake, caseload, { minScore: 0 })
    const fast = findCandidates(intake, prepared, { minScore: 0 })
    expect(fast.map((candidate) => [candidate.index, candidate.match.score])).toEqual(
      plain.map((candidate) => [candidate.index, candidate.match.score]),
    )
    expect(fast[0]?.person).toBe(caseload[1])
  })
})

describe('buildSearchKeys: blocking keys for the vault index', () => {
  const shareAKey = (a: Person, b: Person): boolean => {
    const keys = new Set(buildSearchKeys(a))
    return buildSearchKeys(b).some((key) => keys.has(key))
  }

  it.each([
    ['Mohammed Al-Hassan', 'محمد الحسن'],
    ['Mohammed Al-Hassan', 'Muhammad Alhasan'],
    ['Abd al-Rahman Yusuf', 'عبد الرحمن يوسف'],
    ['Olga Kuznetsova', 'Ольга Кузнецова'],
    ['አበበ ቢቂላ', 'Abebe Bikila'],
    ['Hassan Mohammed', 'Mohammed Hassan'],
  ])('%s and %s share a key, so the later database search fetches one for the other', (a, b) => {
    expect(shareAKey({ names: [a] }, { names: [b] })).toBe(true)
  })

  it('includes phone and email keys', () => {
    const keys = buildSearchKeys({ names: [], phones: ['+1 613 555 0142'], emails: ['A@Example.org'] })
    expect(keys).toEqual(['tel:135550142', 'mail:a@example.org'])
  })

  it('shares no key between clearly different people', () => {
    expect(shareAKey({ names: ['Maria Lopez'] }, { names: ['Mohammed Al-Hassan'] })).toBe(false)
  })
})
