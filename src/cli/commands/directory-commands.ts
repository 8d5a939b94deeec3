import { extname } from 'node:path'
import { ZDuplicateActionSchema } from '../../shared/contract/lawyers'
import { formatProblem } from '../../shared/roster/import-problems'
import { STAFF_WHO_HANDLE_CASES } from '../../shared/roles'
import type { TCommand } from '../command'
import { refuseExistingOut } from '../csv-file'
import { reportRefusedFile, withImportFile } from '../import-file'
import { UsageError } from '../usage-error'
import { optional, required, VAULT_OPTIONS, withUnlockedVault } from '../vault-access'

/*
 * `import directory FILE.csv|FILE.json [--dry-run] [--duplicates skip|update]` and `export directory --out
 * FILE.csv|FILE.json [--force]` (docs/directory.md): the extension decides the format. Caseworkers and admins may
 * run them; the directory transfer service checks the role and audits.
 */

const IMPORT_USAGE =
  'import directory FILE.csv|FILE.json --vault DIR --user NAME [--dry-run] [--duplicates skip|update] [--passphrase-file FILE]'
const EXPORT_USAGE =
  'export directory --out FILE.csv|FILE.json --vault DIR --user NAME [--force] [--passphrase-file FILE]'

/** The directory is a few hundred entries; a file far larger is not one. */
const DIRECTORY_FILE_MAX_BYTES = 20_000_000

function formatOf(file: string, usage: string): 'csv' | 'json' {
  const extension = extname(file).toLowerCase()
  if (extension === '.csv') return 'csv'
  if (extension === '.json') return 'json'
  throw new UsageError(`${file}: the file name must end in .csv or .json.\nUsage: ${usage}`)
}

export const directoryCommands: readonly TCommand[] = [
  {
    name: 'import',
    subject: 'directory',
    summary:
      'Add organizations and resources from a CSV or JSON file (docs/directory.md), all or nothing; entries ' +
      'already in the directory are skipped, or overwritten with --duplicates update; --dry-run only checks.',
    usage: IMPORT_USAGE,
    options: { ...VAULT_OPTIONS, 'dry-run': { type: 'boolean' }, duplicates: { type: 'string' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      if (positionals.length !== 2) throw new UsageError(`Usage: ${IMPORT_USAGE}`)
      const duplicates = ZDuplicateActionSchema.safeParse(optional(values, 'duplicates') ?? 'skip')
      if (!duplicates.success) throw new UsageError(`--duplicates is skip or update.\nUsage: ${IMPORT_USAGE}`)
      const file = positionals[1] ?? ''
      const format = formatOf(file, IMPORT_USAGE)
      const access = { roles: STAFF_WHO_HANDLE_CASES, doing: 'import the directory' }
      const limit = { path: file, maxBytes: DIRECTORY_FILE_MAX_BYTES }
      return withImportFile(values, context, limit, access, ({ directoryTransfer }, { text: read, name }) => {
        const text = read()
        const refuse = (check: ReturnType<typeof directoryTransfer.check>): number =>
          reportRefusedFile(
            context,
            check.problems.map((problem) => formatProblem(problem)),
            {
              problemCount: check.problemCount,
            },
          )
        const check = directoryTransfer.check(text, format)
        if (!check.accepted) return refuse(check)
        if (values['dry-run'] === true) {
          context.stdout(
            `Checked: ${check.entries} entr(ies); ${check.entries - check.duplicates} new, ${check.duplicates} ` +
              `already in the directory (would be ${duplicates.data === 'skip' ? 'skipped' : 'updated'}). ` +
              `Nothing was stored (dry run).\n`,
          )
          return 0
        }
        const outcome = directoryTransfer.commit(text, format, duplicates.data, name)
        if (!outcome.imported) return refuse(outcome.check)
        const { added, updated, skipped } = outcome.result
        context.stdout(`Added ${added} entr(ies), updated ${updated}, skipped ${skipped} already there.\n`)
        return 0
      })
    },
  },
  {
    name: 'export',
    subject: 'directory',
    summary:
      'Write the whole directory (organizations and resources, retired ones too) to a CSV or JSON file that ' +
      'imports back with import directory; --force to overwrite.',
    usage: EXPORT_USAGE,
    options: { ...VAULT_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      if (positionals.length !== 1) throw new UsageError(`Usage: ${EXPORT_USAGE}`)
      const out = required(values, 'out')
      const format = formatOf(out, EXPORT_USAGE)
      refuseExistingOut(out, values['force'] === true)
      const { count } = await withUnlockedVault(values, context, ({ directoryTransfer }) =>
        directoryTransfer.exportTo(out, format),
      )
      context.stdout(`Exported ${count} directory entr(ies) to ${out}.\n`)
      return 0
    },
  },
]
