import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TCaseFileChanges } from '../../../shared/cases/case-file-schema'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import { createTestVault } from '#test-support/vault-fixtures'
import { codeOf, detailsOf, tempFolderPerTest } from '#test-support/per-test'
import type { TVaultServices } from '../services'

const START = Date.parse('2026-11-27T15:00:00Z')

function intake(edit: (draft: TIntake) => void): TIntake {
  const draft = emptyIntake('2026-11-20')
  edit(draft)
  return draft
}

/** The page's values, as the editor sends them back (the contract types stored choices as plain strings). */
const asChanges = (changes: Record<string, unknown>): TCaseFileChanges => changes as TCaseFileChanges

describe('editing a saved case', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    let tick = START
    services = await createTestVault(root(), { now: () => (tick += 1000) })
  })
  afterEach(() => services.vault.lock())

  const saveCase = () =>
    services.intake.submit({
      intake: intake((draft) => {
        draft.person.givenNames = 'Rania'
        draft.person.familyName = 'Testhaddad'
        draft.person.dateOfBirth = '1990-04-02'
        draft.contact.phone = '+1 514 555 0100'
        draft.needs.detained = 'yes'
        draft.consent.push({
          purpose: 'share_with_lawyer',
          granted: true,
          method: 'verbal',
          givenOn: '2026-11-20',
          expiresOn: '',
          notes: '',
        })
      }),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })

  it('changes the fields asked, names them on the timeline and in the audit trail, never their values', () => {
    const { caseId } = saveCase()
    const before = services.caseFile.get(caseId)
    const contact = services.caseFile.reveal(caseId, 'contact')
    if (contact.section !== 'contact') throw new Error('expected the contact section')
    const result = services.caseFile.edit({
      caseId,
      version: before.updatedAt,
      changes: asChanges({
        contact: { ...contact.contact, phone: '+1 514 555 0199' },
        needs: { ...before.needs, detained: 'no', removalDate: '2027-01-15' },
        person: { ...before.person, preferredName: 'Ranou' },
      }),
    })
    expect(result.changedFields).toEqual([
      'person.preferredName',
      'contact.phone',
      'needs.detained',
      'needs.removalDate',
    ])
    const after = services.caseFile.get(caseId)
    expect(after.updatedAt).toBe(result.version)
    expect(after.person.displayName).toBe('Rania Testhaddad (Ranou)')
    expect(after.needs.detained).toBe('no')
    expect(after.urgent).toBe(false)
    expect(after.tasks.map((task) => [task.origin, task.dueOn])).toEqual([['removal', '2027-01-15']])
    // Consent is history: the edit leaves every consent record as it was.
    expect(after.consentHistory).toEqual(before.consentHistory)
    const edit = after.timeline.find((entry) => entry.kind === 'edit')
    expect(edit?.details['fields']).toBe(
      'person.preferredName contact.phone needs.detained needs.removalDate',
    )
    const audit = services.audit.list().entries.find((entry) => entry.details['change'] === 'edited')
    expect(audit?.action).toBe('record.changed')
    expect(audit?.details['fields']).toEqual(result.changedFields)
    expect(JSON.stringify(services.audit.list())).not.toContain('0199')
    expect(JSON.stringify(services.audit.list())).not.toContain('Ranou')
    // The list, the search and the duplicate check know the new name.
    expect(services.caseList.list({ search: 'Ranou' }).rows.map((row) => row.id)).toEqual([caseId])
    expect(services.caseList.list({ urgency: 'urgent' }).total).toBe(0)
  })

  it('refuses an edit made on a version of the case that changed since, and writes nothing', () => {
    const { caseId } = saveCase()
    const opened = services.caseFile.get(caseId)
    services.caseFile.addTimelineEntry({ caseId, kind: 'note', body: 'Called back.' })
    const attempt = () =>
      services.caseFile.edit({
        caseId,
        version: opened.updatedAt,
        changes: asChanges({ person: { ...opened.person, familyName: 'Overwritten' } }),
      })
    expect(codeOf(attempt)).toBe('CONFLICT')
    expect(services.caseFile.get(caseId).person.familyName).toBe('Testhaddad')
  })

  it('checks the whole file with the intake rules and names the field at fault', () => {
    const { caseId } = saveCase()
    const opened = services.caseFile.get(caseId)
    const noName = () =>
      services.caseFile.edit({
        caseId,
        version: opened.updatedAt,
        changes: asChanges({
          person: { ...opened.person, givenNames: '', familyName: '', preferredName: '', aliases: [] },
        }),
      })
    expect(codeOf(noName)).toBe('BAD_REQUEST')
    expect(detailsOf(noName)).toEqual({
      field: 'person.familyName',
      message: 'vocab.validation.nameRequired',
    })
    const arrivedBeforeBirth = () =>
      services.caseFile.edit({
        caseId,
        version: opened.updatedAt,
        changes: asChanges({ location: { ...opened.location, arrivalDate: '1989-01-01' } }),
      })
    expect(detailsOf(arrivedBeforeBirth)).toMatchObject({ field: 'location.arrivalDate' })
    const after = services.caseFile.get(caseId)
    expect(after.updatedAt).toBe(opened.updatedAt)
    expect(after.timeline.some((entry) => entry.kind === 'edit')).toBe(false)
  })

  it('writes nothing when nothing changed', () => {
    const { caseId } = saveCase()
    const opened = services.caseFile.get(caseId)
    const result = services.caseFile.edit({
      caseId,
      version: opened.updatedAt,
      changes: asChanges({ person: { ...opened.person } }),
    })
    expect(result).toEqual({ version: opened.updatedAt, changedFields: [] })
    expect(services.caseFile.get(caseId).timeline.some((entry) => entry.kind === 'edit')).toBe(false)
  })
})
