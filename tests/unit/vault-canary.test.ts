import { randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditRepository } from '../../src/main/core/audit/audit-repository'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import {
  CASEWORKER_PASSPHRASE,
  createTestVault,
  listFilesRecursive,
  makeTempFolder,
  removeFolder,
  SQLITE_PLAINTEXT_HEADER,
} from '#test-support/vault-fixtures'

/** Every form a leaked string could take in a file: UTF-8, UTF-16LE, and base64 of both. */
function leakForms(canary: string): Buffer[] {
  return [
    Buffer.from(canary, 'utf8'),
    Buffer.from(canary, 'utf16le'),
    Buffer.from(Buffer.from(canary, 'utf8').toString('base64').slice(0, -4), 'utf8'),
    Buffer.from(Buffer.from(canary, 'utf16le').toString('base64').slice(0, -4), 'utf8'),
  ]
}

describe('nothing sensitive reaches disk in plaintext', () => {
  const runStarted = Date.now() - 1000
  const canaries = {
    organizationName: `CANARYORG${randomBytes(6).toString('hex')}`,
    adminDisplayName: `CANARYADMIN${randomBytes(6).toString('hex')}`,
    caseworkerDisplayName: `CANARYCASE${randomBytes(6).toString('hex')}`,
    auditDetails: `CANARYAUDIT${randomBytes(6).toString('hex')}`,
    auditTarget: `CANARYTARGET${randomBytes(6).toString('hex')}`,
  }
  const canary = (field: string): string => {
    const value = `CANARY${field.toUpperCase()}${randomBytes(5).toString('hex')}`
    caseCanaries[field] = value
    return value
  }
  const caseCanaries: Record<string, string> = {}
  let root: string

  beforeAll(async () => {
    root = makeTempFolder('ccij-canary-')
    const { vault, accounts, backup, ...cases } = await createTestVault(root, {
      organizationName: canaries.organizationName,
      displayName: canaries.adminDisplayName,
    })
    await accounts.add({
      username: 'jordan.example',
      displayName: canaries.caseworkerDisplayName,
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    for (let index = 0; index < 200; index++) {
      new AuditRepository(vault.session().db).append(
        { accountId: 'a', username: 'alex.example' },
        'record.changed',
        { type: 'survivor', id: canaries.auditTarget },
        { note: canaries.auditDetails, index },
      )
    }
    // A survivor with a canary in every text field of the intake, a draft, a note, a task and consent.
    const intake = emptyIntake('2026-11-20')
    intake.person.givenNames = canary('given')
    intake.person.familyName = canary('family')
    intake.person.preferredName = canary('preferred')
    intake.person.aliases = [canary('alias')]
    intake.person.originalScriptName = `محمد ${canary('script')}`
    intake.person.genderSelfDescribed = canary('gender')
    intake.person.pronouns = canary('pronouns')
    intake.contact.email = `${canary('email').toLowerCase()}@example.org`
    intake.contact.safeTimes = canary('safetimes')
    intake.contact.safetyNotes = canary('safety')
    intake.languages.dialect = canary('dialect')
    intake.location.city = canary('city')
    intake.experiences.entries = [
      {
        kind: 'torture',
        otherKind: canary('otherkind'),
        country: 'SY',
        period: canary('period'),
        place: canary('place'),
      },
    ]
    intake.experiences.narrative = canary('narrative')
    intake.adverseParties = [
      {
        kind: 'unit',
        name: canary('party'),
        originalScriptName: canary('partyscript'),
        country: 'SY',
        notes: canary('partynotes'),
      },
    ]
    intake.needs.otherNeed = canary('otherneed')
    intake.needs.detentionPlace = canary('detention')
    intake.needs.airport = canary('airport')
    intake.needs.urgencyNotes = canary('urgency')
    intake.needs.hearingDate = '2030-01-15'
    intake.meta.interpreterUsed = canary('interpreter')
    intake.meta.notes = canary('intakenotes')
    intake.consent = [
      {
        purpose: 'share_with_lawyer',
        granted: true,
        method: 'verbal',
        givenOn: '2026-11-20',
        expiresOn: '',
        notes: canary('consent'),
      },
    ]
    cases.intake.saveDraft({ step: 'contact', data: { person: { familyName: canary('draft') } } })
    const { caseId } = cases.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })
    cases.caseFile.addTimelineEntry({ caseId, kind: 'note', body: canary('note') })
    cases.caseFile.addTask({ caseId, title: canary('task'), dueOn: '2030-02-01' })
    cases.caseFile.changeStatus({ caseId, to: 'closed', reason: canary('reason') })
    cases.caseList.list({ search: caseCanaries['family'] ?? '' })
    cases.caseFile.reveal(caseId, 'narrative')
    await backup.create(join(root, 'backup.ccijbackup'))
    vault.lock()
    // Unlock once more and lock: the WAL, checkpoints and the backup snapshot have all happened.
    await vault.unlock('jordan.example', CASEWORKER_PASSPHRASE)
    vault.lock()
  })
  afterAll(() => removeFolder(root))

  it('finds no canary in any vault file or temp file the run wrote, and no plaintext SQLite header', () => {
    const written = new Set(listFilesRecursive(root))
    for (const file of listFilesRecursive(tmpdir())) {
      try {
        const stats = statSync(file)
        if (stats.mtimeMs >= runStarted && stats.size < 64 * 1024 * 1024) written.add(file)
      } catch {
        // Another process's temp file vanished while we looked.
      }
    }
    expect(written.size).toBeGreaterThanOrEqual(3)
    expect(Object.keys(caseCanaries).length).toBeGreaterThanOrEqual(25)
    const hits: string[] = []
    for (const file of written) {
      let contents: Buffer
      try {
        contents = readFileSync(file)
      } catch {
        continue
      }
      if (file.startsWith(root) && contents.subarray(0, 16).equals(SQLITE_PLAINTEXT_HEADER))
        hits.push(`${file}: SQLite header`)
      for (const [field, value] of Object.entries({ ...canaries, ...caseCanaries })) {
        if (leakForms(value).some((form) => contents.includes(form))) hits.push(`${file}: ${field}`)
      }
    }
    expect(hits).toEqual([])
  })

  it('the vault folder holds only the keyring, the two encrypted databases and the audit checkpoint once locked', () => {
    expect(
      listFilesRecursive(join(root, 'vault'))
        .map((file) => file.slice(root.length + 7))
        .sort(),
    ).toEqual(['audit-anchor-g1.json', 'casework-g1.db', 'keyring.json', 'vault-g1.db'])
  })
})
