import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { LawyerRepository } from '../roster/lawyer-repository'
import type { TVaultServices } from '../services'

// Monday 10:00 in Montréal.
const NOW = Date.parse('2026-11-30T15:00:00Z')

let licences = 0
const lawyer = (edit: Partial<TLawyerFields>): TLawyerFields => ({
  ...emptyLawyerFields(),
  firstName: 'Testlawyer',
  memberships: [{ province: 'QC', licenceNumber: `B-${++licences}`, status: 'practising', verifiedOn: '' }],
  practiceAreas: ['refugee_claim', 'airport_support'],
  languages: ['ar', 'fr'],
  maxActive: 3,
  ...edit,
})

describe('ranking lawyers for a case in the vault', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root(), { now: () => NOW })
    const db = services.vault.sessions.require().db
    const lawyers = new LawyerRepository(db)
    const at = new Date(NOW).toISOString()
    db.transaction(() => {
      lawyers.insert(
        'l-conflicted',
        lawyer({ lastName: 'Conflicted', conflicts: [{ kind: 'person', name: 'Mohammed Al-Hassan' }] }),
        at,
        null,
      )
      lawyers.insert(
        'l-on-call',
        lawyer({
          lastName: 'Oncall',
          airports: ['YUL'],
          onCallWindows: [{ days: ['mon'], start: '08:00', end: '18:00' }],
        }),
        at,
        null,
      )
      lawyers.insert('l-paused', lawyer({ lastName: 'Paused', status: 'paused' }), at, null)
      lawyers.insert(
        'l-suspended',
        lawyer({
          lastName: 'Suspended',
          memberships: [{ province: 'QC', licenceNumber: 'B-9999', status: 'suspended', verifiedOn: '' }],
        }),
        at,
        null,
      )
    })
  })
  afterEach(() => services.vault.lock())

  const intake = (): TIntake => {
    const draft = emptyIntake('2026-11-29')
    draft.person.familyName = 'Testsurvivor'
    draft.languages.preferred = 'ar'
    draft.location.province = 'QC'
    draft.needs.needs = ['refugee_claim', 'airport_support']
    draft.needs.atAirportNow = true
    draft.needs.airportCode = 'YUL'
    draft.needs.airport = 'Terminal 3, border services office'
    draft.adverseParties = [
      { kind: 'person', name: '', originalScriptName: 'محمد الحسن', country: 'SY', notes: '' },
    ]
    return draft
  }

  it('lists the excluded lawyers with a conflict first, each part in name order', () => {
    const db = services.vault.sessions.require().db
    db.transaction(() =>
      new LawyerRepository(db).insert(
        'l-absent',
        lawyer({ firstName: 'Aaron', lastName: 'Absent', status: 'paused' }),
        new Date(NOW).toISOString(),
        null,
      ),
    )
    const saved = services.intake.submit({
      intake: intake(),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    const view = services.matching.rank(saved.caseId)
    // By name alone "Aaron Absent" comes first; the conflict to review goes before every other exclusion.
    expect(view.excluded.map((entry) => entry.lawyerId)).toEqual([
      'l-conflicted',
      'l-absent',
      'l-paused',
      'l-suspended',
    ])
  })

  it('excludes the lawyer whose declared conflict is the adverse party written in Arabic, and ranks the one on call', () => {
    const saved = services.intake.submit({
      intake: intake(),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    const result = services.matching.rankForReference(saved.reference)
    expect(result.reference).toBe(saved.reference)
    expect(result.ranking.ranked.map((entry) => entry.lawyer.id)).toEqual(['l-on-call'])
    expect(result.ranking.ranked[0]?.reasons.map((reason) => reason.key)).toContain('airport.on_call_now')
    const excluded = new Map(
      result.ranking.excluded.map((entry) => [entry.lawyer.id, entry.reasons.map((reason) => reason.key)]),
    )
    expect(excluded.get('l-conflicted')).toEqual(['excluded.airport_not_covered', 'excluded.conflict'])
    expect(excluded.get('l-paused')).toContain('excluded.paused')
    expect(excluded.get('l-suspended')).toContain('excluded.licence_canada')
    const audit = services.audit.list().entries.find((entry) => entry.details['view'] === 'matching')
    expect(audit?.action).toBe('record.viewed')
    expect(audit?.targetId).toBe(saved.caseId)
    expect(audit?.details).toEqual({ view: 'matching', ranked: 1, excluded: 3 })
    expect(JSON.stringify(audit)).not.toContain('الحسن')
  })

  it('reads the airport code only: free text naming an airport leaves airport support without coverage', () => {
    const draft = intake()
    draft.needs.airportCode = ''
    draft.needs.airport = 'YUL'
    const saved = services.intake.submit({ intake: draft, decision: { kind: 'new' }, reviewedCandidates: [] })
    const result = services.matching.rankForReference(saved.reference)
    expect(result.ranking.ranked).toEqual([])
    const onCall = result.ranking.excluded.find((entry) => entry.lawyer.id === 'l-on-call')
    expect(onCall?.reasons).toEqual([
      { key: 'excluded.airport_unknown', params: { need: 'airport_support' } },
    ])
  })

  it('answers NOT_FOUND for a reference that does not exist', () => {
    expect(codeOf(() => services.matching.rankForReference('CCIJ-2026-9999'))).toBe('NOT_FOUND')
  })
})
