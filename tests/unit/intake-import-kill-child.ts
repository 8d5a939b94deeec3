/**
 * Child process for intake-import-kill.test.ts: stages an intakes file of `rows` rows as an upload does, then
 * starts the import's one transaction and SIGKILLs itself once `killAt` rows are written in it, the way a crash or
 * a power cut would stop the commit there. Synthetic, obviously invented people only.
 */
import { createVaultServices } from '../../src/main/core/services'
import { importIntakeRows, intakeCsvReader } from '../../src/main/core/cases/csv/intake-csv-transfer'
import type { TCheckedIntakes } from '../../src/main/core/cases/csv/checked-intake-rows'
import type { TParseIntakesResult } from '../../src/main/core/cases/csv/parse-intakes-csv'
import { ADMIN_PASSPHRASE, FAST_KDF } from '#test-support/vault-fixtures'

const [directory, rowsText, killAtText] = process.argv.slice(2)
if (directory === undefined || rowsText === undefined || killAtText === undefined) {
  throw new Error('usage: intake-import-kill-child.ts VAULT_DIRECTORY ROWS KILL_AT')
}
const services = createVaultServices({ directory, kdf: FAST_KDF })
await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)

const killFileOf = (rows: number): string =>
  'family_name,given_names,province,narrative\n' +
  Array.from(
    { length: rows },
    (_, index) => `Killtest${index}-Example,Sample,ON,"Invented ${index}."\n`,
  ).join('')

const text = killFileOf(Number(rowsText))
const reader = intakeCsvReader({
  sink: services.caseTransfer.intakeSink({ dryRun: false }),
  today: '2026-01-01',
})
const { uploadId } = services.csvUploads.open(reader, text.length)
await services.csvUploads.append(uploadId, text, true)
const parsed = await services.csvUploads.result<TParseIntakesResult>(uploadId, 'intakes')
if (!('rows' in parsed)) throw new Error(`the file was refused: ${JSON.stringify(parsed.errors)}`)
const staged = parsed.rows
let written = 0
// The import writes the staged rows (their long texts copied by SQL); a staging without them imports nothing here,
// finishes, and the test fails.
const killing: TCheckedIntakes = {
  length: staged.length,
  ...(staged.references === undefined ? {} : { references: () => staged.references?.() ?? [] }),
  [Symbol.iterator]: () => staged[Symbol.iterator](),
  *staged() {
    for (const row of staged.staged?.() ?? []) {
      if (written === Number(killAtText)) process.kill(process.pid, 'SIGKILL')
      written += 1
      yield row
    }
  },
}
importIntakeRows(services.caseTransfer, { rows: killing }, { dryRun: false })
process.stdout.write('finished without being killed\n')
