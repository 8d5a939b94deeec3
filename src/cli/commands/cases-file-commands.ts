import { CASES_FILE_FORMAT, CASES_FILE_MAX_CHARS } from '../../shared/cases/cases-file-schema'
import { ADMIN_ONLY } from '../../shared/roles'
import { exportCasesFile, importCasesFile } from '../../main/core/cases/json/cases-file-transfer'
import { formatCasesFileError } from '../../main/core/cases/json/cases-file-messages'
import { refuseExistingOut } from '../csv-file'
import type { TCommand } from '../command'
import { reportRefusedFile, withImportFile, withRole, type TCommandAccess } from '../import-file'
import { UsageError } from '../usage-error'
import { required, VAULT_OPTIONS } from '../vault-access'

/*
 * `export cases --out FILE.json [--force]` and `import cases FILE.json [--dry-run]`: every case whole, in the
 * `ccij-cases-v1` format (docs/cases-json.md). Admins only, audited like the app's Admin › Import & export.
 */

const IMPORT_USAGE = 'import cases FILE.json --vault DIR --user NAME [--dry-run] [--passphrase-file FILE]'
const EXPORT_USAGE = 'export cases --out FILE.json --vault DIR --user NAME [--force] [--passphrase-file FILE]'

function checkPositionals(positionals: readonly string[], files: 0 | 1, usage: string): string | undefined {
  if (positionals[0] !== 'cases' || positionals.length !== 1 + files) throw new UsageError(`Usage: ${usage}`)
  return positionals[1]
}

const ADMINS: TCommandAccess = { roles: ADMIN_ONLY, doing: 'import or export cases' }

export const casesFileCommands: readonly TCommand[] = [
  {
    name: 'import',
    subject: 'cases',
    summary: `Add every case of a ${CASES_FILE_FORMAT} JSON file (docs/cases-json.md), all or nothing; --dry-run only checks it.`,
    usage: IMPORT_USAGE,
    options: { ...VAULT_OPTIONS, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      const file = checkPositionals(positionals, 1, IMPORT_USAGE) ?? ''
      const dryRun = values['dry-run'] === true
      const result = await withImportFile(
        values,
        context,
        { path: file, maxBytes: CASES_FILE_MAX_CHARS },
        ADMINS,
        ({ caseTransfer }, { text }) =>
          importCasesFile(caseTransfer, text(), { dryRun, maxErrors: Number.POSITIVE_INFINITY }),
      )
      if (!result.accepted) {
        return reportRefusedFile(context, result.errors.map(formatCasesFileError), {
          problemCount: result.errorCount,
        })
      }
      context.stdout(
        dryRun
          ? `Checked: ${result.cases} case(s) ready to import. Nothing was stored (dry run).\n`
          : `Imported ${result.created} case(s).\n`,
      )
      return 0
    },
  },
  {
    name: 'export',
    subject: 'cases',
    summary: `Write every case whole to a ${CASES_FILE_FORMAT} JSON file (plain text: handle it as survivor data).`,
    usage: EXPORT_USAGE,
    options: { ...VAULT_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      checkPositionals(positionals, 0, EXPORT_USAGE)
      const out = required(values, 'out')
      refuseExistingOut(out, values['force'] === true)
      context.stderr(
        'warning: the exported file holds survivor data in plain text (not encrypted). Keep it on an encrypted ' +
          'drive, share it only with people who need it, and delete it when you are done.\n',
      )
      const { count } = await withRole(values, context, ADMINS, ({ caseTransfer }) =>
        exportCasesFile(caseTransfer, out),
      )
      context.stdout(`Exported ${count} case(s) to ${out}.\n`)
      return 0
    },
  },
]
