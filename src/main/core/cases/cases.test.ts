import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  addTestCaseworker,
} from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { lawyerConsent, syntheticImportRows } from '#test-support/synthetic'
import type { TVaultServices } from '../services'

const START = Date.parse('2026-11-27T15:00:00Z')

function intake(edit: (draft: TIntake) => void): TIntake {
  const draft = emptyIntake('2026-11-20')
  edit(draft)
  return draft
}

const alHassan = (names: Partial<TIntake['person']>) =>
  intake((draft) => {
    Object.assign(draft.person, names)
    draft.person.dateOfBirth = '1984-03-12'
  })

describe('the case services', () => {
  const root = tempFolderPerTest()
  let vault: TVaultServices['vault']
  let cases: TVaultServices

  beforeEach(async () => {
    // A clock that moves a little at every reading, so "most recent first" has an answer.
    let tick = START
    const now = () => (tick += 1000)
    cases = await createTestVault(root(), { now })
    vault = cases.vault
  })
  afterEach(() => vault.lock())

  const submitNew = (value: TIntake) =>
    cases.intake.submit({ intake: value, decision: { kind: 'new' }, reviewedCandidates: [] })

  it('saves an intake as a new case with the next reference number of its year', () => {
    const first = submitNew(intake((draft) => (draft.person.familyName = 'Testperson')))
    const second = submitNew(intake((draft) => (draft.person.preferredName = 'Other Example')))
    expect(first.reference).toBe('CCIJ-2026-0001')
    expect(second.reference).toBe('CCIJ-2026-0002')
    expect(first.createdCase).toBe(true)
    const detail = cases.caseFile.get(first.caseId)
    expect(detail.status).toBe('new')
    expect(detail.person.displayName).toBe('Testperson')
    expect(detail.timeline.map((entry) => entry.kind)).toContain('intake')
    const actions = cases.audit.list().entries.map((entry) => entry.action)
    expect(actions).toContain('record.created')
    expect(actions).toContain('record.viewed')
  })

  it('lists the timeline newest first within a day: a status change right after today’s intake is above it', async () => {
    // A morning (UTC) session: the moment that used to put today's intake at noon, above what followed it.
    vault.lock()
    let tick = Date.parse('2026-11-27T09:00:00Z')
    const morning = await createTestVault(join(root(), 'morning'), { now: () => (tick += 1000) })
    try {
      const saved = morning.intake.submit({
        intake: intake((draft) => {
          draft.meta.intakeDate = '2026-11-27'
          draft.person.familyName = 'Timelineperson'
        }),
        decision: { kind: 'new' },
        reviewedCandidates: [],
      })
      morning.caseFile.changeStatus({ caseId: saved.caseId, to: 'screening', reason: '' })
      const kinds = morning.caseFile.get(saved.caseId).timeline.map((entry) => entry.kind)
      expect(kinds.indexOf('status')).toBeLessThan(kinds.indexOf('intake'))
    } finally {
      morning.vault.lock()
    }
  })

  it('offers the three spellings of Mohammed Al-Hassan as the same person, and not with another birth date', () => {
    const first = submitNew(alHassan({ givenNames: 'Mohammed', familyName: 'Al-Hassan' }))
    for (const names of [
      { givenNames: 'Muhammad', familyName: 'Alhasan' },
      { originalScriptName: 'محمد الحسن' },
    ]) {
      const candidates = cases.intake.findDuplicates(alHassan(names))
      expect(candidates.map((candidate) => candidate.caseId)).toEqual([first.caseId])
      expect(candidates[0]?.reasons).toContain('dob.exact')
    }
    const otherBirth = alHassan({ givenNames: 'Muhammad', familyName: 'Alhasan' })
    otherBirth.person.dateOfBirth = '1990-07-01'
    expect(cases.intake.findDuplicates(otherBirth)).toEqual([])
  })

  it('refuses to save past a likely duplicate nobody reviewed, and audits the decision when reviewed', () => {
    const first = submitNew(alHassan({ givenNames: 'Mohammed', familyName: 'Al-Hassan' }))
    const second = alHassan({ givenNames: 'Muhammad', familyName: 'Alhasan' })
    expect(codeOf(() => submitNew(second))).toBe('CONFLICT')
    const saved = cases.intake.submit({
      intake: second,
      decision: { kind: 'existing', caseId: first.caseId },
      reviewedCandidates: [first.caseId],
    })
    expect(saved).toEqual({ caseId: first.caseId, reference: 'CCIJ-2026-0001', createdCase: false })
    const detail = cases.caseFile.get(first.caseId)
    expect(detail.intakes).toHaveLength(2)
    expect(detail.person.aliases).toContain('Muhammad Alhasan')
    const decision = cases.audit.list({ action: 'duplicate.decided' }).entries[0]
    expect(decision?.details).toMatchObject({ decision: 'same_person' })
    expect(JSON.stringify(decision?.details)).not.toMatch(/Alhasan|Hassan/)
  })

  it('finds cases by any spelling, any script, accents ignored, by reference and by notes', () => {
    const { caseId } = submitNew(
      intake((draft) => {
        draft.person.givenNames = 'José'
        draft.person.familyName = 'Ñandú-Quispe'
        draft.person.originalScriptName = 'محمد الحسن'
        draft.experiences.narrative = 'Held at the riverside compound'
        draft.location.city = 'Trois-Rivières'
      }),
    )
    submitNew(intake((draft) => (draft.person.familyName = 'Unrelated')))
    // Short sound-alike codes are shared by many names; nonsense must not match through them.
    for (const name of ['Sakis', 'Suzuki', 'Zakaz', 'Issaq', 'Sikes'])
      submitNew(intake((draft) => (draft.person.familyName = name)))
    const found = (search: string) => cases.caseList.list({ search }).rows.map((row) => row.id)
    expect(found('jose')).toEqual([caseId])
    expect(found('nandu quispe')).toEqual([caseId])
    expect(found('Kispe')).toEqual([caseId])
    expect(found('الحسن')).toEqual([caseId])
    expect(found('alhasan')).toEqual([caseId])
    expect(found('CCIJ-2026-0001')).toEqual([caseId])
    expect(found('riverside')).toEqual([caseId])
    expect(found('trois rivieres')).toEqual([caseId])
    expect(found('"; DROP TABLE cases; --')).toEqual([])
    expect(found('zzzzqqq')).toEqual([])
    expect(found('qqxz')).toEqual([])
  })

  it('lists detained, at-airport and removal-within-14-days cases first', () => {
    const calm = submitNew(intake((draft) => (draft.person.familyName = 'Calm')))
    const far = submitNew(
      intake((draft) => {
        draft.person.familyName = 'Far'
        draft.needs.removalDate = '2027-03-01'
      }),
    )
    const soon = submitNew(
      intake((draft) => {
        draft.person.familyName = 'Soon'
        draft.needs.removalDate = '2026-12-05'
      }),
    )
    const detained = submitNew(
      intake((draft) => {
        draft.person.familyName = 'Held'
        draft.needs.detained = 'yes'
      }),
    )
    const page = cases.caseList.list({})
    expect(page.rows.map((row) => row.id)).toEqual([detained.caseId, soon.caseId, far.caseId, calm.caseId])
    expect(page.rows.map((row) => row.urgent)).toEqual([true, true, false, false])
    expect(cases.caseList.list({ urgency: 'urgent' }).total).toBe(2)
    expect(cases.caseList.list({ urgency: 'not_urgent' }).rows.map((row) => row.id)).toEqual([
      far.caseId,
      calm.caseId,
    ])
    // Windows stitch the urgent and the rest together without gaps.
    const windows = [0, 1, 2, 3].map((offset) => cases.caseList.list({ offset, limit: 1 }).rows[0]?.id)
    expect(windows).toEqual(page.rows.map((row) => row.id))
  })

  it('filters by status, province, language, need and caseworker', () => {
    const a = submitNew(
      intake((draft) => {
        draft.person.familyName = 'Alpha'
        draft.location.province = 'QC'
        draft.languages.preferred = 'ar'
        draft.needs.needs = ['detention_review']
      }),
    )
    submitNew(
      intake((draft) => {
        draft.person.familyName = 'Beta'
        draft.location.province = 'ON'
        draft.languages.others = ['ti']
      }),
    )
    const ids = (query: Parameters<TVaultServices['caseList']['list']>[0]) =>
      cases.caseList.list(query).rows.map((row) => row.id)
    expect(ids({ province: 'QC' })).toEqual([a.caseId])
    expect(ids({ language: 'ar' })).toEqual([a.caseId])
    expect(ids({ language: 'ti' })).toHaveLength(1)
    expect(ids({ need: 'detention_review' })).toEqual([a.caseId])
    const me = vault.currentStaff()?.accountId ?? ''
    cases.caseFile.assign({ caseId: a.caseId, accountId: me })
    expect(ids({ assignee: me })).toEqual([a.caseId])
    expect(ids({ assignee: 'unassigned' })).toHaveLength(1)
    cases.caseFile.changeStatus({ caseId: a.caseId, to: 'screening', reason: '' })
    expect(ids({ statuses: ['screening'] })).toEqual([a.caseId])
    expect(ids({ search: 'alpha', province: 'ON' })).toEqual([])
  })

  it('audits opening a case once while the page reloads itself, and again in a new session', async () => {
    const { caseId } = submitNew(intake((draft) => (draft.person.familyName = 'Viewed')))
    const summaryViews = () =>
      cases.audit
        .list({ action: 'record.viewed' })
        .entries.filter((entry) => entry.details['section'] === 'summary').length
    cases.caseFile.get(caseId)
    cases.caseFile.get(caseId)
    expect(summaryViews()).toBe(1)
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    cases.caseFile.get(caseId)
    expect(summaryViews()).toBe(2)
  })

  it('reveals a sensitive section only on request, and audits each reveal', () => {
    const { caseId } = submitNew(
      intake((draft) => {
        draft.person.familyName = 'Private'
        draft.contact.phone = '+1 555 010 2233'
        draft.experiences.entries = [
          { kind: 'torture', otherKind: '', country: 'SY', period: '2013', place: 'x' },
        ]
      }),
    )
    const detail = cases.caseFile.get(caseId)
    expect(JSON.stringify(detail)).not.toContain('555 010 2233')
    expect(detail.sensitiveSections).toContainEqual({ section: 'contact', hasContent: true })
    expect(detail.sensitiveSections).toContainEqual({ section: 'adverse_parties', hasContent: false })
    const revealed = cases.caseFile.reveal(caseId, 'contact')
    expect(revealed).toMatchObject({ section: 'contact', contact: { phone: '+1 555 010 2233' } })
    const views = cases.audit
      .list({ action: 'record.viewed' })
      .entries.map((entry) => entry.details['section'])
    expect(views).toContain('contact')
  })

  it('walks the status workflow, asking a reason to close or step back', () => {
    const { caseId } = submitNew(intake((draft) => (draft.person.familyName = 'Workflow')))
    expect(codeOf(() => cases.caseFile.changeStatus({ caseId, to: 'active', reason: '' }))).toBe('CONFLICT')
    cases.caseFile.changeStatus({ caseId, to: 'screening', reason: '' })
    expect(codeOf(() => cases.caseFile.changeStatus({ caseId, to: 'new', reason: '' }))).toBe('BAD_REQUEST')
    expect(codeOf(() => cases.caseFile.changeStatus({ caseId, to: 'closed', reason: '  ' }))).toBe(
      'BAD_REQUEST',
    )
    cases.caseFile.changeStatus({ caseId, to: 'closed', reason: 'Moved abroad' })
    const detail = cases.caseFile.get(caseId)
    expect(detail.status).toBe('closed')
    expect(detail.nextStatuses).toEqual(['screening'])
    expect(detail.timeline[0]).toMatchObject({
      kind: 'status',
      body: 'Moved abroad',
      details: { from: 'screening', to: 'closed' },
    })
  })

  it('keeps consent history, creates tasks from hearing dates and lets staff add notes and tasks', () => {
    const { caseId } = submitNew(
      intake((draft) => {
        draft.person.familyName = 'Consent'
        draft.needs.hearingDate = '2027-01-15'
        draft.consent = [lawyerConsent('2026-11-20')]
      }),
    )
    cases.caseFile.recordConsent({
      caseId,
      entry: {
        purpose: 'share_with_lawyer',
        granted: false,
        method: 'verbal',
        givenOn: '',
        expiresOn: '',
        notes: '',
      },
    })
    let detail = cases.caseFile.get(caseId)
    expect(detail.consent.find((record) => record.purpose === 'share_with_lawyer')?.granted).toBe(false)
    expect(detail.consentHistory).toHaveLength(2)
    expect(detail.tasks).toMatchObject([{ origin: 'hearing', dueOn: '2027-01-15', doneAt: null }])
    const task = cases.caseFile.addTask({ caseId, title: 'Call the legal clinic', dueOn: '2026-12-01' })
    cases.caseFile.setTaskDone({ caseId, taskId: task.id, done: true })
    cases.caseFile.addTimelineEntry({
      caseId,
      kind: 'call',
      body: 'Spoke with the synthetic contact about the hearing',
    })
    detail = cases.caseFile.get(caseId)
    expect(detail.tasks.find((each) => each.id === task.id)?.doneAt).not.toBeNull()
    expect(detail.timeline.slice(0, 3).map((entry) => entry.kind)).toEqual(['call', 'task', 'task'])
    expect(cases.caseList.list({ search: 'synthetic contact' }).rows.map((row) => row.id)).toEqual([caseId])
  })

  it('keeps drafts private to their author and across lock and unlock', async () => {
    const { id } = cases.intake.saveDraft({ step: 'contact', data: { person: { familyName: 'Draftee' } } })
    await addTestCaseworker(cases.accounts, 'casey.example', 'Casey')
    vault.lock()
    expect(codeOf(() => cases.intake.listDrafts())).toBe('LOCKED')
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(cases.intake.listDrafts()).toMatchObject([{ id, step: 'contact', displayName: 'Draftee' }])
    expect(cases.intake.getDraft(id).data).toEqual({ person: { familyName: 'Draftee' } })
    vault.lock()
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(cases.intake.listDrafts()).toEqual([])
    expect(codeOf(() => cases.intake.getDraft(id))).toBe('NOT_FOUND')
    expect(codeOf(() => cases.intake.saveDraft({ id, step: 'person', data: {} }))).toBe('NOT_FOUND')
  })

  it('deletes the draft when its intake is saved', () => {
    const { id } = cases.intake.saveDraft({ step: 'consent', data: {} })
    cases.intake.submit({
      intake: intake((draft) => (draft.person.familyName = 'Saved')),
      draftId: id,
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    expect(cases.intake.listDrafts()).toEqual([])
  })

  it('imports all or nothing, keeps given references and never hands them out again', () => {
    const rows = syntheticImportRows(3, 7, new Date(START))
    const withReference = rows.map((row, index) =>
      index === 0 ? { ...row, reference: 'CCIJ-2026-0040' } : row,
    )
    const dry = cases.caseTransfer.importIntakes(withReference, { dryRun: true })
    expect(dry.created).toBe(0)
    expect(cases.caseList.list({}).total).toBe(0)
    const result = cases.caseTransfer.importIntakes(withReference, { dryRun: false })
    expect(result.created).toBe(3)
    expect(result.references[0]).toBe('CCIJ-2026-0040')
    expect(codeOf(() => cases.caseTransfer.importIntakes(withReference.slice(0, 1), { dryRun: false }))).toBe(
      'BAD_REQUEST',
    )
    expect(cases.caseList.list({}).total).toBe(3)
    const next = submitNew(intake((draft) => (draft.person.familyName = 'After')))
    expect(next.reference > 'CCIJ-2026-0040').toBe(true)
    expect([...cases.caseTransfer.exportCases()]).toHaveLength(4)
    // The trail says which cases the import created, and one case's entries include the import that made it.
    const [imported] = cases.audit.list({ action: 'import' }).entries
    expect(imported?.details['references']).toEqual(result.references)
    const second = result.references[1] ?? ''
    const ofCase = cases.audit.list({ caseReference: second.toLowerCase() }).entries
    expect(ofCase.map((entry) => entry.action)).toEqual(['import'])
    const ofNext = cases.audit.list({ caseReference: next.reference }).entries
    expect(ofNext.map((entry) => entry.action)).toContain('record.created')
    expect(ofNext.every((entry) => entry.details['reference'] === next.reference)).toBe(true)
  })

  it('refuses a viewer every survivor record in core itself, whichever host asks', async () => {
    const { caseId } = submitNew(intake((draft) => (draft.person.familyName = 'Protected')))
    await cases.accounts.add({
      username: 'vera.example',
      displayName: 'Vera Viewer',
      role: 'viewer',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    vault.lock()
    await vault.unlock('vera.example', CASEWORKER_PASSPHRASE)
    const attempts = [
      () => cases.caseList.list({}),
      () => cases.caseList.assignees(),
      () => cases.caseFile.get(caseId),
      () => cases.caseFile.reveal(caseId, 'contact'),
      () => cases.caseFile.addTask({ caseId, title: 'x', dueOn: '2030-01-01' }),
      () => cases.caseFile.edit({ caseId, version: 'any', changes: {} }),
      () => cases.intake.listDrafts(),
      () => cases.intake.findDuplicates(intake((draft) => (draft.person.familyName = 'Protected'))),
    ]
    expect(attempts.map((attempt) => codeOf(attempt))).toEqual(attempts.map(() => 'FORBIDDEN'))
  })

  it('does not let a caseworker import or export', async () => {
    await addTestCaseworker(cases.accounts, 'casey.example', 'Casey')
    vault.lock()
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(codeOf(() => cases.caseTransfer.importIntakes([], { dryRun: true }))).toBe('FORBIDDEN')
    expect(codeOf(() => [...cases.caseTransfer.exportCases()])).toBe('FORBIDDEN')
  })
})
