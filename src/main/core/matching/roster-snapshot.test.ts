import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TIntake } from '../../../shared/cases/intake-schema'
import { syntheticIntake } from '#test-support/synthetic-case'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { ADMIN_PASSPHRASE, createTestVault, newVaultServices } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { CaseRepository } from '../cases/case-repository'
import { sql } from '../db/sql'
import { LawyerRepository } from '../roster/lawyer-repository'
import type { TVaultServices } from '../services'
import type { TSession } from '../session/session'
import { rankCaseOver, readRoster, readRosterFromVault, rosterOver } from './case-ranking'
import { rosterSnapshotsOf } from './roster-snapshot'

// Monday 10:00 in Montréal.
const NOW = Date.parse('2026-11-30T15:00:00Z')

let licences = 0
const lawyer = (edit: Partial<TLawyerFields>): TLawyerFields => ({
  ...emptyLawyerFields(),
  firstName: 'Testlawyer',
  memberships: [{ province: 'QC', licenceNumber: `B-${++licences}`, status: 'practising', verifiedOn: '' }],
  practiceAreas: ['refugee_claim'],
  languages: ['ar', 'fr'],
  maxActive: 3,
  ...edit,
})

const intake = (givenNames: string, familyName: string, adverse: readonly string[]): TIntake =>
  syntheticIntake(familyName, {
    givenNames,
    edit: (draft) => {
      draft.adverseParties = adverse.map((name) => ({
        kind: 'person',
        name,
        originalScriptName: '',
        country: 'SY',
        notes: '',
      }))
    },
  })

describe('the roster kept between rankings', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices
  let session: TSession
  let survivorCase = ''
  let otherCase = ''

  beforeEach(async () => {
    services = await createTestVault(root(), { now: () => NOW })
    session = services.vault.sessions.require()
    const lawyers = new LawyerRepository(session.db)
    const at = new Date(NOW).toISOString()
    session.db.transaction(() => {
      lawyers.insert('l-a', lawyer({ lastName: 'Alpha', maxActive: 1 }), at, null)
      lawyers.insert('l-b', lawyer({ lastName: 'Beta' }), at, null)
    })
    const submit = (draft: TIntake): string =>
      services.intake.submit({ intake: draft, decision: { kind: 'new' }, reviewedCandidates: [] }).caseId
    // The survivor ranked; the other case's survivor is the first one's adverse party.
    survivorCase = submit(intake('Testina', 'Survivorson', ['Olga Kuznetsova']))
    otherCase = submit(intake('Olga', 'Kuznetsova', []))
  })
  afterEach(() => services.vault.lock())

  /** Each lawyer's standing for the survivor: their score, or the keys of why they are excluded. */
  const standing = (): Map<string, number | string[]> => {
    const view = services.matching.rank(survivorCase)
    return new Map<string, number | string[]>([
      ...view.ranked.map((entry): [string, number] => [entry.lawyerId, entry.score]),
      ...view.excluded.map((entry): [string, string[]] => [
        entry.lawyerId,
        entry.reasons.map((reason) => reason.key).sort(),
      ]),
    ])
  }

  /** The kept roster ranks the survivor exactly as a roster read afresh from the vault does. */
  const expectAsRead = (): void => {
    const kept = rankCaseOver(session, survivorCase, readRoster(session)).ranking
    const fresh = rankCaseOver(
      session,
      survivorCase,
      rosterOver(session, readRosterFromVault(session)),
    ).ranking
    expect(kept).toEqual(fresh)
  }

  it('is read once and kept while nothing changes, ranking as a fresh read does', () => {
    const first = readRoster(session).lawyers
    standing()
    expect(readRoster(session).lawyers).toBe(first)
    expectAsRead()
  })

  it('is read again after a lawyer is edited, paused, created, or changed by any write at all', () => {
    const before = standing()
    expect(before.get('l-a')).toBeTypeOf('number')

    services.roster.update('l-a', lawyer({ lastName: 'Alpha', maxActive: 1, languages: ['fr'] }))
    const edited = standing()
    expect(edited.get('l-a')).toBeLessThan(before.get('l-a') as number)
    expectAsRead()

    services.roster.setStatus('l-a', 'paused')
    expect(standing().get('l-a')).toContain('excluded.paused')
    expectAsRead()

    const created = services.roster.create(lawyer({ lastName: 'Gamma' }))
    expect(standing().get(created.id)).toBeTypeOf('number')
    expectAsRead()

    // Not through the repository (an import, a migration, the admin CLI's SQL): the triggers still see it.
    session.db.run(sql`UPDATE lawyers SET max_active = 0 WHERE id = 'l-b'`)
    expect(standing().get('l-b')).toContain('excluded.full')
    session.db.run(sql`DELETE FROM lawyer_memberships WHERE lawyer_id = ${created.id}`)
    expect(standing().get(created.id)).toContain('excluded.licence_canada')
    expectAsRead()
  })

  it('is read again after a referral is proposed or closed, and after a referred case’s parties change', () => {
    expect(standing().get('l-a')).toBeTypeOf('number')
    // Olga Kuznetsova's referral takes l-a's only place and makes her (this survivor's adverse party) their client.
    const referral = services.referrals.propose({
      caseId: otherCase,
      recipientKind: 'lawyer',
      recipientId: 'l-a',
    })
    expect(standing().get('l-a')).toEqual(['excluded.conflict', 'excluded.full'])
    expectAsRead()
    services.referrals.act({ referralId: referral.id, action: 'close', note: 'Synthetic test reason.' })
    expect(standing().get('l-a')).toBeTypeOf('number')
    expectAsRead()

    // l-b acts for Olga; a later intake of her case names this survivor as her adverse party.
    services.referrals.propose({ caseId: otherCase, recipientKind: 'lawyer', recipientId: 'l-b' })
    expect(standing().get('l-b')).toEqual(['excluded.conflict'])
    const b = standing()
    services.intake.submit({
      intake: intake('Olga', 'Kuznetsova', ['Testina Survivorson']),
      decision: { kind: 'existing', caseId: otherCase },
      reviewedCandidates: [otherCase, survivorCase],
    })
    const conflictsOfB = (): number =>
      (services.matching.rank(survivorCase).excluded.find((entry) => entry.lawyerId === 'l-b')?.reasons ?? [])
        .length
    const withOpponent = conflictsOfB()
    expect(withOpponent).toBeGreaterThan((b.get('l-b') as string[]).length)
    expectAsRead()

    // The intake alone rewritten without its adverse party (no case file write): the hit goes.
    const cases = new CaseRepository(session.db)
    const latest = cases.intakesOf(otherCase).find((row) => row.data.includes('Testina'))
    const data = JSON.parse(latest?.data ?? '{}') as TIntake
    cases.updateIntakeData(otherCase, latest?.id ?? '', JSON.stringify({ ...data, adverseParties: [] }))
    expect(conflictsOfB()).toBeLessThan(withOpponent)
    expectAsRead()
  })

  it('is not kept from inside a transaction that rolled back', () => {
    expect(standing().get('l-b')).toBeTypeOf('number')
    expect(() =>
      session.db.transaction(() => {
        new LawyerRepository(session.db).setStatus('l-b', 'paused', new Date(NOW).toISOString())
        expect(readRoster(session).lawyers.find((each) => each.id === 'l-b')?.status).toBe('paused')
        throw new Error('rolled back')
      }),
    ).toThrow('rolled back')
    expect(standing().get('l-b')).toBeTypeOf('number')
    expectAsRead()
  })

  it('is read again after another connection (the admin CLI, another process) changes the roster', async () => {
    const other = newVaultServices(root(), { now: () => NOW })
    await other.vault.unlock('alex.example', ADMIN_PASSPHRASE)
    try {
      expect(standing().get('l-b')).toBeTypeOf('number')
      other.roster.setStatus('l-b', 'paused')
      expect(standing().get('l-b')).toContain('excluded.paused')
      expectAsRead()
    } finally {
      other.vault.lock()
    }
  })

  it('is emptied when the vault locks', () => {
    standing()
    const kept = session.scoped(rosterSnapshotsOf)
    expect(kept.holding).toBe(true)
    services.vault.lock()
    expect(kept.holding).toBe(false)
  })
})
