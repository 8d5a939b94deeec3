/**
 * Child process for crash-safety.test.ts: unlocks a vault and commits numbered records as fast as it
 * can, printing each id only after its transaction committed, until the parent SIGKILLs it.
 */
import { createHash } from 'node:crypto'
import { AuditRepository } from '../../src/main/core/audit/audit-repository'
import { createVaultServices } from '../../src/main/core/services'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { lawyerConsent } from '#test-support/synthetic'
import { FAST_KDF } from '#test-support/vault-fixtures'

const [directory] = process.argv.slice(2)
if (directory === undefined) throw new Error('usage: crash-child.ts VAULT_DIRECTORY')

const { vault, intake: intakes } = createVaultServices({ directory, kdf: FAST_KDF })
await vault.unlock('alex.example', process.env['CCIJ_PASSPHRASE'] ?? '')
const db = vault.keeper.require().db.database
const trail = new AuditRepository(vault.session().db)
db.exec(
  'CREATE TABLE IF NOT EXISTS crash_records (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, checksum TEXT NOT NULL) STRICT',
)
const insert = db.prepare('INSERT INTO crash_records (id, payload, checksum) VALUES (?, ?, ?)')
let id = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM crash_records').get() as { id: number }).id

const commitOne = db.transaction((recordId: number) => {
  // Big enough to span pages, so a torn write would show.
  const payload = `record-${recordId}-`.repeat(200)
  insert.run(recordId, payload, createHash('sha256').update(payload).digest('hex'))
  trail.append(
    { accountId: 'crash', username: 'alex.example' },
    'record.created',
    { type: 'crash_record', id: String(recordId) },
    {},
  )
})

// Every tenth record also saves a survivor intake the way the app does (case row, case file, intake, timeline,
// task, consent, match keys, search index and audit, all in one transaction).
const saveIntake = (recordId: number): void => {
  const intake = emptyIntake('2026-11-20')
  intake.person.givenNames = 'Crashtest'
  intake.person.familyName = `Record${recordId}`
  intake.person.dateOfBirth = new Date(Date.UTC(1950, 0, 1) + recordId * 86_400_000)
    .toISOString()
    .slice(0, 10)
  intake.experiences.narrative = `narrative-${recordId} `.repeat(100)
  intake.needs.hearingDate = '2030-01-01'
  intake.consent = [lawyerConsent('2026-11-20')]
  // The names differ only by a number, so the duplicate check may offer earlier records: review them all as "different".
  const reviewed = intakes.findDuplicates(intake).map((candidate) => candidate.caseId)
  intakes.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: reviewed })
}

process.stdout.write('ready\n')
for (;;) {
  id++
  commitOne(id)
  if (id % 10 === 0) saveIntake(id)
  process.stdout.write(`${id}\n`)
  // Yield now and then so stdout drains and the parent sees progress.
  if (id % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
}
