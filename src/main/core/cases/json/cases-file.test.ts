import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../../shared/cases/intake-schema'
import { createTestVault, addTestCaseworker, CASEWORKER_PASSPHRASE } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { lawyerConsent, seededRandom, syntheticIntake } from '#test-support/synthetic'
import type { TVaultServices } from '../../services'
import { exportCasesFile, importCasesFile } from './cases-file-transfer'

const START = Date.parse('2026-11-27T15:00:00Z')
const movingClock = (start = START) => {
  let tick = start
  return () => (tick += 1000)
}

/** A case with everything a case can hold: two intakes, an edit, consent history, notes, a status, tasks. */
function fullIntake(): TIntake {
  const intake = emptyIntake('2026-10-02')
  Object.assign(intake.person, {
    givenNames: 'Exampla',
    familyName: 'Testovna',
    preferredName: 'Ex',
    aliases: ['Eksampla Testova'],
    originalScriptName: 'Экзампла Тестовна',
    dateOfBirth: '1990-05-04',
    gender: 'self_described',
    genderSelfDescribed: 'two-spirit',
    pronouns: 'they/them',
  })
  Object.assign(intake.contact, {
    phone: '+1 555 0100',
    email: 'ex@example.invalid',
    safeMethod: 'text_message',
    safeTimes: 'weekday mornings',
    voicemailSafe: 'no',
    safetyNotes: 'Shares a phone with a cousin.',
  })
  Object.assign(intake.languages, {
    preferred: 'ru',
    others: ['uk'],
    interpreterNeeded: 'yes',
    dialect: 'Surzhyk',
  })
  Object.assign(intake.location, {
    province: 'MB',
    city: 'Winnipeg',
    countryOfOrigin: 'UA',
    arrivalDate: '2024-01-09',
  })
  intake.meta.interpreterUsed = 'Interpreter Example'
  intake.experiences.entries = [
    {
      kind: 'torture',
      otherKind: '',
      country: 'RU',
      period: 'spring 2022',
      place: 'Filtration camp near Example',
    },
  ]
  intake.experiences.narrative = 'An invented account for the export test.'
  intake.adverseParties = [
    {
      kind: 'unit',
      name: 'Example Battalion',
      originalScriptName: 'Батальон Пример',
      country: 'RU',
      notes: 'Invented.',
    },
  ]
  Object.assign(intake.needs, {
    needs: ['refugee_claim', 'detention_review'],
    detained: 'yes',
    detentionPlace: 'Example Holding Centre',
    hearingDate: '2031-03-04',
  })
  intake.consent = [lawyerConsent('2026-10-02')]
  return intake
}

describe('the ccij-cases-v1 file', () => {
  const root = tempFolderPerTest()
  let source: TVaultServices

  beforeEach(async () => {
    source = await createTestVault(join(root(), 'source'), { now: movingClock() })
  })
  afterEach(() => source.vault.lock())

  function fillSource(): void {
    const saved = source.intake.submit({
      intake: fullIntake(),
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    const caseId = saved.caseId
    const second = fullIntake()
    second.meta.intakeDate = '2026-11-01'
    second.person.aliases = ['Ekzampla']
    second.experiences.entries = [
      { kind: 'other', otherKind: 'forced labour', country: 'BY', period: '2023', place: '' },
    ]
    source.intake.submit({
      intake: second,
      decision: { kind: 'existing', caseId },
      reviewedCandidates: [caseId],
    })
    const revealed = source.caseFile.reveal(caseId, 'contact')
    if (revealed.section !== 'contact') throw new Error('the contact section was not revealed')
    const version = source.caseFile.get(caseId).updatedAt
    source.caseFile.edit({
      caseId,
      version,
      changes: { contact: { ...revealed.contact, safeTimes: 'evenings only' } },
    })
    source.caseFile.addTimelineEntry({
      caseId,
      kind: 'note',
      body: 'Called back; invented note.',
      occurredAt: '2026-11-03T10:00:00.000Z',
    })
    source.caseFile.changeStatus({ caseId, to: 'screening', reason: 'Invented reason' })
    source.caseFile.recordConsent({
      caseId,
      entry: { ...lawyerConsent('2026-11-02'), granted: false, givenOn: '2026-11-02' },
    })
    const task = source.caseFile.addTask({ caseId, title: 'Find an interpreter', dueOn: '2030-01-15' })
    source.caseFile.setTaskDone({ caseId, taskId: task.id, done: true })
    const random = seededRandom(7)
    for (let index = 0; index < 5; index += 1) {
      source.intake.submit({
        intake: syntheticIntake(random, new Date(START)),
        decision: { kind: 'new' },
        reviewedCandidates: [],
      })
    }
  }

  const normalized = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '"exportedAt":"…"')

  it('exports every case whole, and export → import into a new vault → export gives the same file', async () => {
    fillSource()
    const first = join(root(), 'first.json')
    expect(exportCasesFile(source.caseTransfer, first)).toEqual({ count: 6, fileName: 'first.json' })
    expect(statSync(first).mode & 0o777).toBe(0o600)
    const text = readFileSync(first, 'utf8')
    // What the CSV left out is in this file.
    for (const field of [
      'Example Holding Centre',
      'Interpreter Example',
      'they/them',
      'Surzhyk',
      'text_message',
      'evenings only',
      'Батальон Пример',
      'Filtration camp near Example',
      'spring 2022',
      'forced labour',
      'Find an interpreter',
      'Called back; invented note.',
      'Invented reason',
    ]) {
      expect(text).toContain(field)
    }
    const record = JSON.parse(text).cases.find(
      (each: { file: { person: { familyName: string } } }) => each.file.person.familyName === 'Testovna',
    )
    // Consent is history: each intake's grant, then the withdrawal.
    expect(
      record.consents.map((consent: { decision: { granted: boolean } }) => consent.decision.granted),
    ).toEqual([true, true, false])
    expect(record.intakes).toHaveLength(2)

    const target = await createTestVault(join(root(), 'target'), { now: movingClock(START + 86_400_000) })
    try {
      const result = importCasesFile(target.caseTransfer, text, { dryRun: false })
      expect(result).toMatchObject({ accepted: true, created: 6, errorCount: 0 })
      const second = join(root(), 'second.json')
      exportCasesFile(target.caseTransfer, second)
      expect(normalized(readFileSync(second, 'utf8'))).toBe(normalized(text))
      // The imported case is a case like any other: found by search, listed, opened with its history.
      const found = target.caseList.list({ search: 'Ekzampla' })
      expect(found.rows.map((row) => row.reference)).toEqual([record.reference])
      const detail = target.caseFile.get(record.id)
      expect(detail.timeline.map((entry) => entry.kind)).toContain('note')
      // New cases continue after the imported references.
      const other = emptyIntake('2026-11-20')
      other.person.familyName = 'Unrelatedperson'
      const next = target.intake.submit({ intake: other, decision: { kind: 'new' }, reviewedCandidates: [] })
      expect(next.reference > record.reference).toBe(true)
      const audit = target.audit.list().entries.filter((entry) => entry.action === 'import')
      expect(audit.at(-1)?.details).toMatchObject({ kind: 'cases', created: 6 })
    } finally {
      target.vault.lock()
    }
    const exports = source.audit.list().entries.filter((entry) => entry.action === 'export')
    expect(exports.at(-1)?.details).toMatchObject({ kind: 'cases', count: 6, fileName: 'first.json' })
    expect(JSON.stringify(exports)).not.toContain(root())
  })

  it('refuses a file with a bad field, naming the case, the field and the rule, and stores nothing', async () => {
    fillSource()
    const path = join(root(), 'cases.json')
    exportCasesFile(source.caseTransfer, path)
    const file = JSON.parse(readFileSync(path, 'utf8'))
    file.cases[2].intakes[0].intake.person.dateOfBirth = '1980-02-30'
    file.cases[4].file.location.province = 'XX'
    file.cases[4].surprise = true
    const target = await createTestVault(join(root(), 'target'), { now: movingClock() })
    try {
      const result = importCasesFile(target.caseTransfer, JSON.stringify(file), { dryRun: false })
      expect(result.accepted).toBe(false)
      expect(result.errors).toEqual([
        {
          case: 3,
          reference: file.cases[2].reference,
          field: 'intakes.0.intake.person.dateOfBirth',
          code: 'notADate',
        },
        { case: 5, reference: file.cases[4].reference, field: 'file.location.province', code: 'choice' },
        { case: 5, reference: file.cases[4].reference, field: 'surprise', code: 'unknownField' },
      ])
      expect(target.caseList.list({}).total).toBe(0)
      expect(
        importCasesFile(target.caseTransfer, '{"format":"ccij-cases-v1",', { dryRun: false }).errors,
      ).toEqual([{ case: 0, reference: '', field: '', code: 'notJson' }])
      expect(
        importCasesFile(target.caseTransfer, '{"format":"other","cases":[]}', { dryRun: false }).errors,
      ).toEqual([{ case: 0, reference: '', field: '', code: 'notCasesFile' }])
    } finally {
      target.vault.lock()
    }
  })

  it('never overwrites a case: a file whose cases are already in the vault is refused whole', () => {
    fillSource()
    const path = join(root(), 'cases.json')
    exportCasesFile(source.caseTransfer, path)
    const text = readFileSync(path, 'utf8')
    const before = readFileSync(path, 'utf8')
    const dry = importCasesFile(source.caseTransfer, text, { dryRun: true })
    expect(dry.accepted).toBe(false)
    expect(dry.errors[0]).toMatchObject({ case: 1, field: 'reference', code: 'referenceExists' })
    expect(dry.errors.some((error) => error.code === 'idExists')).toBe(true)
    // Twice the same case in one file.
    const file = JSON.parse(text)
    file.cases.push({ ...file.cases[0] })
    const twice = importCasesFile(source.caseTransfer, JSON.stringify(file), { dryRun: true })
    expect(twice.errors[0]).toMatchObject({ case: 7, field: 'reference', code: 'referenceInFile' })
    exportCasesFile(source.caseTransfer, path)
    expect(normalized(readFileSync(path, 'utf8'))).toBe(normalized(before))
  })

  it('lets no caseworker export or import, and a refused export leaves no file and no temp file behind', async () => {
    fillSource()
    const folder = join(root(), 'out')
    mkdirSync(folder)
    await addTestCaseworker(source.accounts, 'casey.example', 'Casey')
    source.vault.lock()
    await source.vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(codeOf(() => exportCasesFile(source.caseTransfer, join(folder, 'cases.json')))).toBe('FORBIDDEN')
    expect(codeOf(() => source.caseTransfer.importCaseRecords([], { dryRun: true }))).toBe('FORBIDDEN')
    expect(readdirSync(folder)).toEqual([])
  })
})
