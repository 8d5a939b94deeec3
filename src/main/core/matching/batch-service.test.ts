import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TIntake } from '../../../shared/cases/intake-schema'
import { submitSyntheticCase } from '#test-support/synthetic-case'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { CASEWORKER_PASSPHRASE, createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type { TVaultServices } from '../services'
import type { TSolveStep } from './batch-lazy-assignment'
import { declaredListsFromVault, declaredNamesFromVault } from './batch-pair-conflicts'
import { MatchingQueries } from './matching-queries'

const NOW = Date.parse('2026-11-30T15:00:00Z')

let licences = 0
const lawyer = (edit: Partial<TLawyerFields>): TLawyerFields => ({
  ...emptyLawyerFields(),
  firstName: 'Batchlawyer',
  email: `batch${++licences}@example.org`,
  memberships: [{ province: 'QC', licenceNumber: `B-${licences}`, status: 'practising', verifiedOn: '' }],
  practiceAreas: ['refugee_claim'],
  languages: ['ar'],
  maxActive: 1,
  ...edit,
})

describe('batch matching over the vault: proposed for approval, approved all or none', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root(), { now: () => NOW })
  })
  afterEach(() => services.vault.lock())

  const newCase = (familyName: string, edit?: (draft: TIntake) => void) => {
    const { caseId } = submitSyntheticCase(services, familyName, { edit })
    services.caseFile.changeStatus({ caseId, to: 'screening', reason: '' })
    services.caseFile.changeStatus({ caseId, to: 'awaiting_match', reason: '' })
    return caseId
  }

  /** Three cases for two places (one urgent), and a civil claim in ON that no lawyer may act on. */
  const seed = () => {
    const calmA = newCase('Calm-One')
    const urgent = newCase('Detained-Two', (draft) => {
      draft.needs.detained = 'yes'
    })
    const calmB = newCase('Calm-Three')
    const nobody = newCase('Ontario-Four', (draft) => {
      draft.location.province = 'ON'
      draft.needs.needs = ['civil_claim']
    })
    const first = services.roster.create(lawyer({ lastName: 'First' }))
    const second = services.roster.create(lawyer({ lastName: 'Second' }))
    services.roster.create(lawyer({ lastName: 'Paused', status: 'paused' }))
    return { calmA, urgent, calmB, nobody, lawyers: [first.id, second.id] }
  }

  it('proposes the optimum, urgent first, with why nobody could take the rest, and writes no referral', () => {
    const { urgent, nobody, lawyers } = seed()
    const proposal = services.batchMatching.propose()
    expect(proposal.cases).toHaveLength(4)
    expect(proposal.cases[0]).toMatchObject({ caseId: urgent, urgent: true, eligible: 2 })
    expect(proposal.cases[0]?.proposal?.reasons.length).toBeGreaterThan(0)
    expect(proposal).toMatchObject({ urgentAssigned: 1, assigned: 2, proven: true, lawyers: 2 })
    const chosen = proposal.cases.flatMap((each) => (each.proposal === null ? [] : [each.proposal.lawyerId]))
    expect(chosen.sort()).toEqual([...lawyers].sort())
    const stranded = proposal.cases.find((each) => each.caseId === nobody)
    expect(stranded).toMatchObject({ eligible: 0, proposal: null })
    expect(stranded?.excludedBy[0]).toEqual({ key: 'excluded.licence_province', lawyers: 3 })
    expect(stranded?.excludedBy.map((each) => each.key)).toContain('excluded.paused')
    expect(services.referrals.list({}).total).toBe(0)
  })

  it('reads the roster once for the whole batch, not once per case', () => {
    seed()
    const reads = vi.spyOn(MatchingQueries.prototype, 'lawyers')
    try {
      expect(services.batchMatching.propose().cases).toHaveLength(4)
      expect(reads).toHaveBeenCalledTimes(1)
    } finally {
      reads.mockRestore()
    }
  })

  it('creates the approved pairs as proposed referrals, and leaves those cases out of the next batch', () => {
    seed()
    const pairs = services.batchMatching
      .propose()
      .cases.flatMap((each) =>
        each.proposal === null ? [] : [{ caseId: each.caseId, lawyerId: each.proposal.lawyerId }],
      )
    expect(services.batchMatching.approve({ pairs })).toMatchObject({ created: 2 })
    const listed = services.referrals.list({})
    expect(listed.rows.map((row) => row.state)).toEqual(['proposed', 'proposed'])
    const next = services.batchMatching.propose()
    expect(next.cases).toHaveLength(2)
    expect(next.assigned).toBe(0)
  })

  it('writes nothing when one pair is refused: a lawyer given two cases past their places', () => {
    const { calmA, calmB, urgent, lawyers } = seed()
    const [first = '', second = ''] = lawyers
    const before = services.referrals.list({}).total
    const code = codeOf(() =>
      services.batchMatching.approve({
        pairs: [
          { caseId: urgent, lawyerId: second },
          { caseId: calmA, lawyerId: first },
          { caseId: calmB, lawyerId: first },
        ],
      }),
    )
    expect(code).toBe('CONFLICT')
    expect(services.referrals.list({}).total).toBe(before)
    expect(
      codeOf(() =>
        services.batchMatching.approve({
          pairs: [
            { caseId: calmA, lawyerId: first },
            { caseId: calmA, lawyerId: second },
          ],
        }),
      ),
    ).toBe('BAD_REQUEST')
    expect(services.referrals.list({}).total).toBe(before)
  })

  it('ranks in steps with "n of N" progress, the same proposal as at once, and stops on request or a lock', async () => {
    seed()
    const reports: string[] = []
    const stepped = await services.batchMatching.proposeInSteps({
      onProgress: ({ casesRanked, cases }) => reports.push(`${casesRanked}/${cases}`),
      isCancelled: () => false,
    })
    expect(reports[0]).toBe('0/4')
    expect(reports.at(-1)).toBe('4/4')
    const { elapsedMs: _stepped, ...steppedFigures } = stepped
    const { elapsedMs: _atOnce, ...atOnceFigures } = services.batchMatching.propose()
    expect(steppedFigures).toEqual(atOnceFigures)

    const auditBefore = services.audit.list({}).total
    const stopped = services.batchMatching.proposeInSteps({ onProgress: () => {}, isCancelled: () => true })
    await expect(stopped).rejects.toMatchObject({ code: 'CANCELLED' })
    // Nothing written: no referral, and not even the audit of the cases it read.
    expect(services.referrals.list({}).total).toBe(0)
    expect(services.audit.list({}).total).toBe(auditBefore)

    const interrupted = services.batchMatching.proposeInSteps({
      onProgress: () => {},
      isCancelled: () => false,
    })
    services.vault.lock()
    await expect(interrupted).rejects.toMatchObject({ code: 'LOCKED' })
  })

  it('looks at Stop during the solve, not only once it ends: stopped after the first survivor placed, nothing written', async () => {
    seed()
    const auditBefore = services.audit.list({}).total
    const pauses: TSolveStep[] = []
    const stopped = services.batchMatching.proposeInSteps({
      onProgress: () => {},
      // Pressed once the solve has paused the first time (ranking every case went through unstopped).
      isCancelled: () => pauses.length > 0,
      onSolveStep: (step) => pauses.push(step),
      augmentationsPerPause: 1,
    })
    await expect(stopped).rejects.toMatchObject({ code: 'CANCELLED' })
    // One pause, in the first solve, after one of the four survivors was placed: no further augmentation ran.
    expect(pauses).toEqual([{ round: 1, augmentations: 1 }])
    expect(services.referrals.list({}).total).toBe(0)
    expect(services.audit.list({}).total).toBe(auditBefore)

    // Unstopped, the pauses change nothing: the same proposal as at once, and each solve paused after each survivor.
    const all: TSolveStep[] = []
    const stepped = await services.batchMatching.proposeInSteps({
      onProgress: () => {},
      isCancelled: () => false,
      onSolveStep: (step) => all.push(step),
      augmentationsPerPause: 1,
    })
    expect(all.slice(0, 3)).toEqual([1, 2, 3].map((augmentations) => ({ round: 1, augmentations })))
    const { elapsedMs: _stepped, ...steppedFigures } = stepped
    const { elapsedMs: _atOnce, ...atOnceFigures } = services.batchMatching.propose()
    expect(steppedFigures).toEqual(atOnceFigures)
  })

  it('never proposes a conflicted lawyer, even the best-scoring one, and says when a conflict leaves a case nobody', () => {
    const adverse = (draft: TIntake) => {
      draft.adverseParties = [
        { kind: 'person', name: '', originalScriptName: 'محمد الحسن', country: 'SY', notes: '' },
      ]
    }
    const refugee = newCase('Conflict-Refugee', adverse)
    const civil = newCase('Conflict-Civil', (draft) => {
      adverse(draft)
      draft.needs.needs = ['civil_claim']
    })
    const urgent = newCase('Plain-Detained', (draft) => {
      draft.needs.detained = 'yes'
    })
    // The conflicted lawyer speaks the survivors' language and scores higher; the clear one needs an interpreter
    // and is licensed outside Québec (enough for a refugee claim, not for a civil claim there). The urgent case
    // takes the conflicted lawyer's one place, so no solve proposes that lawyer for the civil claim: only the check
    // of the cases left over finds that conflict.
    const conflicted = services.roster.create(
      lawyer({
        lastName: 'Conflicted',
        conflicts: [{ kind: 'person', name: 'Mohammed Al-Hassan' }],
      }),
    )
    const clear = services.roster.create(
      lawyer({
        lastName: 'Clear',
        languages: ['fa'],
        memberships: [{ province: 'ON', licenceNumber: 'B-ON-1', status: 'practising', verifiedOn: '' }],
      }),
    )
    const proposal = services.batchMatching.propose()
    const byCase = new Map(proposal.cases.map((each) => [each.caseId, each]))
    expect(byCase.get(refugee)?.proposal?.lawyerId).toBe(clear.id)
    expect(byCase.get(urgent)?.proposal?.lawyerId).toBe(conflicted.id)
    expect(byCase.get(civil)).toMatchObject({ eligible: 0, proposal: null })
    expect(byCase.get(civil)?.excludedBy).toEqual(
      expect.arrayContaining([
        { key: 'excluded.conflict', lawyers: 1 },
        { key: 'excluded.licence_province', lawyers: 1 },
      ]),
    )
    expect(proposal).toMatchObject({ assigned: 2, urgentAssigned: 1, proven: true, lawyers: 2 })
  })

  it('solves again past a conflicted best lawyer: the next best clear one is proposed', () => {
    const caseId = newCase('Conflict-Only', (draft) => {
      draft.adverseParties = [
        { kind: 'person', name: 'Muhammad Alhasan', originalScriptName: '', country: '', notes: '' },
      ]
    })
    services.roster.create(
      lawyer({ lastName: 'Better', conflicts: [{ kind: 'person', name: 'محمد الحسن' }] }),
    )
    const next = services.roster.create(lawyer({ lastName: 'Next', languages: ['fa'] }))
    const proposal = services.batchMatching.propose()
    expect(proposal.cases).toEqual([expect.objectContaining({ caseId, eligible: 1 })])
    expect(proposal.cases[0]?.proposal?.lawyerId).toBe(next.id)
  })

  it('reads several lawyers’ declared lists in one query as it reads them one by one, in each list’s order', () => {
    const many = services.roster.create(
      lawyer({
        lastName: 'Many',
        conflicts: [
          { kind: 'state', name: 'Republic of Testland' },
          { kind: 'person', name: 'Testina Lopez' },
          { kind: 'unit', name: 'Hassan Brigade' },
        ],
      }),
    )
    const none = services.roster.create(lawyer({ lastName: 'None' }))
    const one = services.roster.create(
      lawyer({ lastName: 'One', conflicts: [{ kind: 'organization', name: 'Kuznetsov Testing Group' }] }),
    )
    const db = services.vault.session().db
    const ids = [one.id, none.id, many.id, 'no-such-lawyer']
    const lists = declaredListsFromVault(db)(ids)
    for (const id of ids) expect(lists.get(id) ?? []).toEqual([...declaredNamesFromVault(db)(id)])
    expect(lists.get(many.id)?.map((name) => name.names[0])).toEqual([
      'Republic of Testland',
      'Testina Lopez',
      'Hassan Brigade',
    ])
  })

  it('is for caseworkers and admins only, in core itself', async () => {
    const { calmA, lawyers } = seed()
    await services.accounts.add({
      username: 'vera.batch',
      displayName: 'Vera Viewer',
      role: 'viewer',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    services.vault.lock()
    await services.vault.unlock('vera.batch', CASEWORKER_PASSPHRASE)
    expect(codeOf(() => services.batchMatching.propose())).toBe('FORBIDDEN')
    expect(codeOf(() => services.batchMatching.requireAccess())).toBe('FORBIDDEN')
    await expect(
      services.batchMatching.proposeInSteps({ onProgress: () => {}, isCancelled: () => false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(
      codeOf(() =>
        services.batchMatching.approve({ pairs: [{ caseId: calmA, lawyerId: lawyers[0] ?? '' }] }),
      ),
    ).toBe('FORBIDDEN')
  })
})
