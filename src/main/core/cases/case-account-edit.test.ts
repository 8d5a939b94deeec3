import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TCaseFileChanges } from '../../../shared/cases/case-file-schema'
import type { TIntake } from '../../../shared/cases/intake-schema'
import { syntheticIntake } from '#test-support/synthetic-case'
import type { TRevealedSection } from '../../../shared/contract/cases'
import { emptyLawyerFields } from '../../../shared/roster/lawyer-schema'
import { createTestVault } from '#test-support/vault-fixtures'
import { codeOf, detailsOf, tempFolderPerTest } from '#test-support/per-test'
import { LawyerRepository } from '../roster/lawyer-repository'
import type { TVaultServices } from '../services'

const START = Date.parse('2026-11-30T15:00:00Z')

/** The page's values, as the editor sends them back (the contract types stored choices as plain strings). */
const asChanges = (changes: Record<string, unknown>): TCaseFileChanges => changes as TCaseFileChanges

const partiesOf = (revealed: TRevealedSection) =>
  revealed.section === 'adverse_parties' ? revealed.intakes.flatMap((intake) => intake.parties) : []

describe("editing an intake's account on a saved case: experiences, narrative, adverse parties", () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    let tick = START
    services = await createTestVault(root(), { now: () => (tick += 1000) })
  })
  afterEach(() => services.vault.lock())

  const saveCase = (givenNames = 'Samir', familyName = 'Testnasser') => {
    const draft: TIntake = syntheticIntake(familyName, { givenNames, on: '2026-11-20' })
    draft.experiences.entries = [{ kind: 'torture', otherKind: '', country: 'SY', period: '2013', place: '' }]
    draft.experiences.narrative = 'Held for three weeks near the testing border post.'
    draft.adverseParties = [
      { kind: 'person', name: 'Testofficer Karimov', originalScriptName: '', country: 'SY', notes: '' },
      { kind: 'unit', name: 'Test Brigade 9', originalScriptName: '', country: 'SY', notes: '' },
    ]
    draft.consent.push({
      purpose: 'share_with_lawyer',
      granted: true,
      method: 'verbal',
      givenOn: '2026-11-20',
      expiresOn: '',
      notes: '',
    })
    const saved = services.intake.submit({ intake: draft, decision: { kind: 'new' }, reviewedCandidates: [] })
    const detail = services.caseFile.get(saved.caseId)
    return { ...saved, detail, intakeId: detail.intakes[0]?.id ?? '' }
  }

  it('renames an adverse party: the field is named on the timeline and in the audit trail, never the names', () => {
    const { caseId, detail, intakeId } = saveCase()
    const parties = partiesOf(services.caseFile.reveal(caseId, 'adverse_parties'))
    const result = services.caseFile.edit({
      caseId,
      version: detail.updatedAt,
      changes: asChanges({
        intakeId,
        adverseParties: [parties[0], { ...parties[1], name: 'Test Battalion 12' }],
      }),
    })
    expect(result.changedFields).toEqual(['adverseParties.2.name'])
    expect(partiesOf(services.caseFile.reveal(caseId, 'adverse_parties')).map((party) => party.name)).toEqual(
      ['Testofficer Karimov', 'Test Battalion 12'],
    )
    const after = services.caseFile.get(caseId)
    expect(after.updatedAt).toBe(result.version)
    expect(after.timeline.find((entry) => entry.kind === 'edit')?.details['fields']).toBe(
      'adverseParties.2.name',
    )
    const audit = services.audit.list().entries.find((entry) => entry.details['change'] === 'edited')
    expect(audit?.details['fields']).toEqual(['adverseParties.2.name'])
    expect(JSON.stringify(services.audit.list())).not.toContain('Battalion')
    // Consent stays history: the edit leaves it as it was.
    expect(after.consentHistory).toEqual(detail.consentHistory)
  })

  it('adds an experience, removes a party and rewrites the narrative, each named; search reads the new narrative', () => {
    const { caseId, detail, intakeId } = saveCase()
    const parties = partiesOf(services.caseFile.reveal(caseId, 'adverse_parties'))
    const first = services.caseFile.edit({
      caseId,
      version: detail.updatedAt,
      changes: asChanges({
        intakeId,
        experiences: {
          entries: [
            { kind: 'torture', otherKind: '', country: 'SY', period: '2013', place: '' },
            { kind: 'enforced_disappearance', otherKind: '', country: 'SY', period: '2014', place: '' },
          ],
        },
        adverseParties: [parties[0]],
      }),
    })
    expect(first.changedFields).toEqual(['experiences.2.added', 'adverseParties.2.removed'])
    const second = services.caseFile.edit({
      caseId,
      version: first.version,
      changes: asChanges({ intakeId, experiences: { narrative: 'Moved to a testwarehouse in the north.' } }),
    })
    expect(second.changedFields).toEqual(['experiences.narrative'])
    const experiences = services.caseFile.reveal(caseId, 'experiences')
    // The narrative edit left the experiences as the first edit made them.
    expect(experiences.section === 'experiences' ? experiences.intakes[0]?.entries.length : 0).toBe(2)
    expect(services.caseList.list({ search: 'testwarehouse' }).rows.map((row) => row.id)).toEqual([caseId])
    expect(services.caseList.list({ search: 'testing border' }).total).toBe(0)
  })

  it("edits the intake's notes like its narrative: named, never quoted, the interview's date and method kept", () => {
    const { caseId, detail, intakeId } = saveCase()
    const result = services.caseFile.edit({
      caseId,
      version: detail.updatedAt,
      // The interview's date rides along as an insider might send it: only the notes are the edit's to change.
      changes: asChanges({
        intakeId,
        meta: { notes: 'Testnote: call back after the testhearing.', intakeDate: '1999-01-01' },
      }),
    })
    expect(result.changedFields).toEqual(['meta.notes'])
    const narrative = services.caseFile.reveal(caseId, 'narrative')
    expect(narrative.section === 'narrative' ? narrative.narratives[0] : undefined).toMatchObject({
      narrative: 'Held for three weeks near the testing border post.',
      notes: 'Testnote: call back after the testhearing.',
      intakeDate: '2026-11-20',
    })
    const after = services.caseFile.get(caseId)
    expect(after.intakes[0]?.intakeDate).toBe('2026-11-20')
    expect(after.timeline.find((entry) => entry.kind === 'edit')?.details['fields']).toBe('meta.notes')
    const audit = services.audit.list().entries.find((entry) => entry.details['change'] === 'edited')
    expect(audit?.details['fields']).toEqual(['meta.notes'])
    expect(JSON.stringify(services.audit.list())).not.toContain('testhearing')
    // The same notes again change nothing and write nothing.
    const again = services.caseFile.edit({
      caseId,
      version: result.version,
      changes: asChanges({ intakeId, meta: { notes: 'Testnote: call back after the testhearing.' } }),
    })
    expect(again.changedFields).toEqual([])
  })

  it('refuses notes over the intake limit, naming the field, and writes nothing', () => {
    const { caseId, detail, intakeId } = saveCase()
    const tooLong = () =>
      services.caseFile.edit({
        caseId,
        version: detail.updatedAt,
        changes: asChanges({ intakeId, meta: { notes: 'x'.repeat(4001) } }),
      })
    expect(codeOf(tooLong)).toBe('BAD_REQUEST')
    expect(detailsOf(tooLong)).toEqual({ field: 'meta.notes', message: 'vocab.validation.tooLong' })
    const nameless = () =>
      services.caseFile.edit({
        caseId,
        version: detail.updatedAt,
        changes: asChanges({ meta: { notes: 'Moved.' } }),
      })
    expect(codeOf(nameless)).toBe('NOT_FOUND')
    expect(services.caseFile.get(caseId).updatedAt).toBe(detail.updatedAt)
    const narrative = services.caseFile.reveal(caseId, 'narrative')
    expect(narrative.section === 'narrative' ? narrative.narratives[0]?.notes : undefined).toBe('')
  })

  it('refuses an account edit made on a version that changed since, and writes nothing', () => {
    const { caseId, detail, intakeId } = saveCase()
    services.caseFile.addTimelineEntry({ caseId, kind: 'note', body: 'Called back.' })
    const stale = () =>
      services.caseFile.edit({
        caseId,
        version: detail.updatedAt,
        changes: asChanges({ intakeId, experiences: { narrative: 'Overwritten from another window.' } }),
      })
    expect(codeOf(stale)).toBe('CONFLICT')
    const narrative = services.caseFile.reveal(caseId, 'narrative')
    expect(narrative.section === 'narrative' ? narrative.narratives[0]?.narrative : '').toBe(
      'Held for three weeks near the testing border post.',
    )
  })

  it('checks the account with the intake rules and names the entry and field at fault', () => {
    const { caseId, detail, intakeId } = saveCase()
    const nameless = () =>
      services.caseFile.edit({
        caseId,
        version: detail.updatedAt,
        changes: asChanges({
          intakeId,
          adverseParties: [{ kind: 'person', name: '', originalScriptName: '', country: '', notes: 'x' }],
        }),
      })
    expect(codeOf(nameless)).toBe('BAD_REQUEST')
    expect(detailsOf(nameless)).toEqual({
      field: 'adverseParties.0.name',
      message: 'vocab.validation.partyNameRequired',
    })
    const badKind = () =>
      services.caseFile.edit({
        caseId,
        version: detail.updatedAt,
        changes: asChanges({
          intakeId,
          experiences: { entries: [{ kind: 'nonsense', otherKind: '', country: '', period: '', place: '' }] },
        }),
      })
    expect(detailsOf(badKind)).toEqual({
      field: 'experiences.entries.0.kind',
      message: 'vocab.validation.choice',
    })
    expect(services.caseFile.get(caseId).updatedAt).toBe(detail.updatedAt)
    expect(partiesOf(services.caseFile.reveal(caseId, 'adverse_parties'))).toHaveLength(2)
  })

  it("refuses an intake that is not this case's, even one of another case", () => {
    const { caseId, detail } = saveCase()
    const other = saveCase('Lucie', 'Testbergeron')
    const elsewhere = () =>
      services.caseFile.edit({
        caseId,
        version: detail.updatedAt,
        changes: asChanges({ intakeId: other.intakeId, experiences: { narrative: 'Moved.' } }),
      })
    expect(codeOf(elsewhere)).toBe('NOT_FOUND')
    const narrative = services.caseFile.reveal(other.caseId, 'narrative')
    expect(narrative.section === 'narrative' ? narrative.narratives[0]?.narrative : '').toContain(
      'border post',
    )
  })

  it("the conflict check sees an adverse party's new name at once, and forgets the old one", () => {
    const db = services.vault.sessions.require().db
    const at = new Date(START).toISOString()
    const lawyers = new LawyerRepository(db)
    const declaring = (id: string, lastName: string, name: string) =>
      lawyers.insert(
        id,
        {
          ...emptyLawyerFields(),
          firstName: 'Testlawyer',
          lastName,
          memberships: [{ province: 'QC', licenceNumber: `B-${id}`, status: 'practising', verifiedOn: '' }],
          practiceAreas: ['refugee_claim'],
          conflicts: [{ kind: 'person', name }],
        },
        at,
        null,
      )
    db.transaction(() => {
      declaring('l-old', 'Oldconflict', 'Testofficer Karimov')
      declaring('l-new', 'Newconflict', 'Testcolonel Rahimzadeh')
    })
    const { caseId, reference, detail, intakeId } = saveCase()
    const conflicted = () =>
      services.matching
        .rankForReference(reference)
        .ranking.excluded.filter((entry) =>
          entry.reasons.some((reason) => reason.key === 'excluded.conflict'),
        )
        .map((entry) => entry.lawyer.id)
    expect(conflicted()).toEqual(['l-old'])
    const parties = partiesOf(services.caseFile.reveal(caseId, 'adverse_parties'))
    services.caseFile.edit({
      caseId,
      version: detail.updatedAt,
      changes: asChanges({
        intakeId,
        adverseParties: [{ ...parties[0], name: 'Testcolonel Rahimzadeh' }, parties[1]],
      }),
    })
    expect(conflicted()).toEqual(['l-new'])
  })
})
