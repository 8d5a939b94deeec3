import { LAWYER_CSV_MAX_CHARS, ZDuplicateActionSchema } from '../../shared/contract/lawyers'
import { formatProblem } from '../../shared/roster/import-problems'
import { STAFF_WHO_HANDLE_CASES } from '../../shared/roles'
import type { TCommand } from '../command'
import { refuseExistingOut } from '../csv-file'
import { reportRefusedFile, withImportFile } from '../import-file'
import { UsageError } from '../usage-error'
import { optional, required, VAULT_OPTIONS, withUnlockedVault } from '../vault-access'

/*
 * `import lawyers FILE.csv [--dry-run] [--duplicates skip|update]` and `export lawyers --out FILE.csv [--force]`
 * (docs/lawyers-csv.md). Caseworkers and admins may run them; the roster service checks the role and audits.
 */

const IMPORT_USAGE =
  'import lawyers FILE.csv --vault DIR --user NAME [--dry-run] [--duplicates skip|update] [--passphrase-file FILE]'
const EXPORT_USAGE =
  'export lawyers --out FILE.csv --vault DIR --user NAME [--force] [--passphrase-file FILE]'

const CONTACT_WARNING =
  'note: the exported file holds volunteer lawyers’ contact details and declared conflicts in plain text. ' +
  'Keep it on an encrypted drive and delete it when you are done.\n'

export const lawyerCommands: readonly TCommand[] = [
  {
    name: 'import',
    subject: 'lawyers',
    summary:
      'Add lawyers from a sign-up CSV (docs/lawyers-csv.md), all or nothing; roster duplicates (same licence or ' +
      'email) are skipped, or updated with --duplicates update; --dry-run only checks the file.',
    usage: IMPORT_USAGE,
    options: { ...VAULT_OPTIONS, 'dry-run': { type: 'boolean' }, duplicates: { type: 'string' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      if (positionals.length !== 2) throw new UsageError(`Usage: ${IMPORT_USAGE}`)
      const duplicates = ZDuplicateActionSchema.safeParse(optional(values, 'duplicates') ?? 'skip')
      if (!duplicates.success) throw new UsageError(`--duplicates is skip or update.\nUsage: ${IMPORT_USAGE}`)
      const file = positionals[1] ?? ''
      const dryRun = values['dry-run'] === true
      const access = { roles: STAFF_WHO_HANDLE_CASES, doing: 'import lawyers' }
      const limit = { path: file, maxBytes: LAWYER_CSV_MAX_CHARS }
      return withImportFile(values, context, limit, access, ({ lawyerImport }, { text: read, name }) => {
        const text = read()
        const mapping = lawyerImport.mappingFor(text)
        const check = lawyerImport.check(text, mapping)
        const refuse = (problems: typeof check.problems, problemCount: number): number =>
          reportRefusedFile(
            context,
            problems.map((problem) => formatProblem(problem)),
            { problemCount, where: ` in ${new Set(problems.map((problem) => problem.row)).size} row(s)` },
          )
        if (!check.accepted) return refuse(check.problems, check.problemCount)
        const duplicateCount = check.duplicates.length
        if (dryRun) {
          context.stdout(
            `Checked: ${check.rows} row(s); ${check.rows - duplicateCount} new, ${duplicateCount} already on ` +
              `the roster (would be ${duplicates.data === 'skip' ? 'skipped' : 'updated'}). Nothing was stored ` +
              `(dry run).\n`,
          )
          return 0
        }
        const outcome = lawyerImport.commit(text, mapping, duplicates.data, [], name)
        if (!outcome.imported) return refuse(outcome.check.problems, outcome.check.problemCount)
        const { added, updated, skipped } = outcome.result
        context.stdout(`Added ${added} lawyer(s), updated ${updated}, skipped ${skipped} duplicate(s).\n`)
        return 0
      })
    },
  },
  {
    name: 'export',
    subject: 'lawyers',
    summary:
      'Write the whole roster to a CSV file (every field; imports back with import lawyers); --force to overwrite.',
    usage: EXPORT_USAGE,
    options: { ...VAULT_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: true,
    async run({ values, positionals }, context) {
      if (positionals.length !== 1) throw new UsageError(`Usage: ${EXPORT_USAGE}`)
      const out = required(values, 'out')
      refuseExistingOut(out, values['force'] === true)
      context.stderr(CONTACT_WARNING)
      const { count } = await withUnlockedVault(values, context, ({ lawyerImport }) =>
        lawyerImport.exportTo(out),
      )
      context.stdout(`Exported ${count} lawyer(s) to ${out}.\n`)
      return 0
    },
  },
]
