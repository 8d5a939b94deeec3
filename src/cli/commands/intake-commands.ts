import { CSV_MAX_CHARS } from '../../shared/contract/intake-csv'
import { ADMIN_ONLY } from '../../shared/roles'
import { refuseExistingOut } from '../csv-file'
import { readCsvFileWith } from '../../main/core/csv/csv-file-reader'
import { exportIntakesCsv, importIntakeRows } from '../../main/core/cases/csv/intake-csv-transfer'
import { intakeCsvWorkerReader } from '../../main/core/cases/csv/intake-csv-worker-reader'
import { formatCsvError } from '../../main/core/cases/csv/messages'
import type { TCommand } from '../command'
import { reportRefusedFile, withImportFile, withRole, type TCommandAccess } from '../import-file'
import { UsageError } from '../usage-error'
import { required, VAULT_OPTIONS } from '../vault-access'

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

const ADMINS: TCommandAccess = { roles: ADMIN_ONLY, doing: 'import or export intakes' }

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
      // As the app's upload: streamed, each row checked in a worker thread as it is read and staged in the vault, so
      // neither the file nor its rows are ever held whole; then all rows or none in one transaction. A dry run
      // stages nothing: it writes nothing to the vault.
      const result = await withImportFile(
        values,
        context,
        { path: file, maxBytes: CSV_MAX_CHARS },
        ADMINS,
        async ({ caseTransfer }, { path }) =>
          importIntakeRows(
            caseTransfer,
            await readCsvFileWith(path, intakeCsvWorkerReader({ sink: caseTransfer.intakeSink({ dryRun }) })),
            { dryRun },
          ),
      )
      if (!result.accepted) {
        // Which rows are bad is known only for the problems listed (the first CSV_MAX_REPORTED_ERRORS).
        const badRows = new Set(result.errors.map((error) => error.line)).size
        const rows = result.errors.length === result.errorCount ? `${badRows} of ${result.rows}` : result.rows
        return reportRefusedFile(context, result.errors.map(formatCsvError), {
          problemCount: result.errorCount,
          ...(result.rows > 0 ? { where: ` in ${rows} row(s)` } : {}),
        })
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
      const { count } = await withRole(values, context, ADMINS, ({ caseTransfer }) =>
        exportIntakesCsv(caseTransfer, out),
      )
      context.stdout(`Exported ${count} case(s) to ${out}.\n`)
      return 0
    },
  },
]
