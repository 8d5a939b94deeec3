import { CSV_MAX_CHARS } from '../../shared/contract/intake-csv'
import { refuseExistingOut, requireCsvFile } from '../csv-file'
import { readCsvFileWith } from '../../main/core/csv/csv-file-reader'
import { AppError } from '../../shared/result'
import type { CaseTransferService } from '../../main/core/cases/case-transfer-service'
import {
  exportIntakesCsv,
  importIntakeRows,
  intakeCsvReader,
} from '../../main/core/cases/csv/intake-csv-transfer'
import { formatCsvError } from '../../main/core/cases/csv/messages'
import type { TCommand, TCommandContext, TOptionValues } from '../command'
import { UsageError } from '../usage-error'
import { required, VAULT_OPTIONS, withUnlockedVault } from '../vault-access'

/*
 * `import intakes FILE.csv [--dry-run]` and `export intakes --out FILE.csv [--force]` (docs/intake-csv.md).
 * Both sign in as --user, who must be an admin, and are audited like the app's Admin › Import & export.
 */

const PLAINTEXT_WARNING =
  'warning: the exported file holds survivor data in plain text (not encrypted). Keep it on an encrypted ' +
  'drive, share it only with people who need it, and delete it when you are done.\n'

/** `intakes` then, for import, exactly one file; anything else is a usage error. */
function subject(positionals: readonly string[], files: 0 | 1, usage: string): string | undefined {
  if (positionals[0] !== 'intakes') throw new UsageError(`Say what to transfer: ${usage}`)
  if (positionals.length !== 1 + files) throw new UsageError(`Usage: ${usage}`)
  return positionals[1]
}

/** Unlock as --user, check they are an admin, run `work` with the case transfer service, and always lock again. */
function asAdmin<T>(
  values: TOptionValues,
  context: TCommandContext,
  work: (cases: CaseTransferService) => T,
): Promise<T> {
  return withUnlockedVault(values, context, ({ vault, caseTransfer }) => {
    if (vault.currentStaff()?.role !== 'admin') {
      throw new AppError(
        'FORBIDDEN',
        `Only an admin can import or export intakes; "${required(values, 'user')}" is not an admin.`,
      )
    }
    return work(caseTransfer)
  })
}

const IMPORT_USAGE =
  'import intakes FILE.csv --vault DIR --user NAME [--dry-run] [--json] [--passphrase-file FILE]'
const EXPORT_USAGE =
  'export intakes --out FILE.csv --vault DIR --user NAME [--force] [--passphrase-file FILE]'

export const intakeCommands: readonly TCommand[] = [
  {
    name: 'import',
    subject: 'intakes',
    summary:
      'Create one case per row of a CSV file (docs/intake-csv.md), all or nothing; --dry-run only checks it.',
    usage: IMPORT_USAGE,
    options: { ...VAULT_OPTIONS, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      const file = subject(positionals, 1, IMPORT_USAGE) ?? ''
      const dryRun = values['dry-run'] === true
      // Read the file before unlocking, so a missing file fails fast and no prompt waits with the vault open. It is
      // streamed, each row checked as it is read: the file is never held whole.
      requireCsvFile(file, CSV_MAX_CHARS)
      const parsed = await readCsvFileWith(file, intakeCsvReader())
      const result = await asAdmin(values, context, (cases) =>
        importIntakeRows(cases, parsed, { dryRun, maxErrors: Number.POSITIVE_INFINITY }),
      )
      if (!result.accepted) {
        for (const error of result.errors) context.stderr(`${formatCsvError(error)}\n`)
        const badRows = new Set(result.errors.map((error) => error.line)).size
        context.stderr(
          `error: the file was refused and nothing was imported: ${result.errorCount} problem(s)` +
            `${result.rows > 0 ? ` in ${badRows} of ${result.rows} row(s)` : ''}.\n`,
        )
        return 1
      }
      // The references created, in file order, are what a script needs next (to look cases up, to match them):
      // stdout holds only them, one per line or one JSON object; the summary for a person goes to stderr.
      const references = result.createdCases.map((created) => created.reference)
      if (values['json'] === true) {
        context.stdout(`${JSON.stringify({ dryRun, rows: result.rows, created: references })}\n`)
        return 0
      }
      for (const reference of references) context.stdout(`${reference}\n`)
      context.stderr(
        dryRun
          ? `Checked: ${result.rows} row(s) ready to import. Nothing was stored (dry run).\n`
          : `Imported ${result.created} case(s) from ${result.rows} row(s).\n`,
      )
      return 0
    },
  },
  {
    name: 'export',
    subject: 'intakes',
    summary: 'Write every case to a CSV file (plain text: handle it as survivor data); --force to overwrite.',
    usage: EXPORT_USAGE,
    options: { ...VAULT_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      subject(positionals, 0, EXPORT_USAGE)
      const out = required(values, 'out')
      refuseExistingOut(out, values['force'] === true)
      context.stderr(PLAINTEXT_WARNING)
      const { count } = await asAdmin(values, context, (cases) => exportIntakesCsv(cases, out))
      context.stdout(`Exported ${count} case(s) to ${out}.\n`)
      return 0
    },
  },
]
