import type { TCsvProblem } from '../../../../shared/contract/csv'
import { ZOrganizationFieldsSchema, ZResourceFieldsSchema } from '../../../../shared/roster/directory-schema'
import type { TDirectoryEntry } from './directory-entry'
import { issuesAsProblems } from './directory-problems'

/** Marks a file as this app's directory, so a lawyers' or intakes' JSON is refused as a whole. */
const FORMAT = 'ccij-directory'
const VERSION = 1

type TFileShape = { format: string; version: number; organizations: unknown[]; resources: unknown[] }
type TLocated = { entry: TDirectoryEntry; row: number; column: string }

/** The directory as JSON: `{ format, version, organizations: [...], resources: [...] }`, fields as the app names them. */
export function directoryJson(entries: Iterable<TDirectoryEntry>): string {
  const file: TFileShape = { format: FORMAT, version: VERSION, organizations: [], resources: [] }
  for (const entry of entries)
    (entry.kind === 'organization' ? file.organizations : file.resources).push({
      ...entry.fields,
      retired: entry.retired,
    })
  return `${JSON.stringify(file, null, 2)}\n`
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A directory JSON file's entries, or its problems: `row` is the entry's place in its list (1 = first) and the
 * column `organizations.name`, `resources.link` … the field.
 */
export function parseDirectoryJson(text: string): { entries: TLocated[]; problems: TCsvProblem[] } {
  let file: unknown
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { entries: [], problems: [{ row: 0, column: '', code: 'json' }] }
  }
  if (!isRecord(file) || file['format'] !== FORMAT || file['version'] !== VERSION)
    return { entries: [], problems: [{ row: 0, column: '', code: 'directoryFormat' }] }
  const entries: TLocated[] = []
  const problems: TCsvProblem[] = []
  const lists = [
    ['organizations', ZOrganizationFieldsSchema],
    ['resources', ZResourceFieldsSchema],
  ] as const
  for (const [list, schema] of lists) {
    const items = file[list] ?? []
    if (!Array.isArray(items)) {
      problems.push({ row: 0, column: list, code: 'notAList' })
      continue
    }
    items.forEach((item: unknown, index) => {
      const row = index + 1
      const column = (field: string): string => (field === '' ? list : `${list}.${field}`)
      if (!isRecord(item)) {
        problems.push({ row, column: list, code: 'notAnEntry' })
        return
      }
      const { retired = false, ...fields } = item
      if (typeof retired !== 'boolean') problems.push({ row, column: column('retired'), code: 'yesNo' })
      const parsed = schema.safeParse(fields)
      if (!parsed.success) {
        const valueOf = (field: string): string =>
          typeof fields[field] === 'string' ? (fields[field] as string) : ''
        problems.push(...issuesAsProblems(row, parsed.error.issues, column, valueOf))
        return
      }
      if (typeof retired !== 'boolean') return
      const entry = (
        list === 'organizations'
          ? { kind: 'organization', fields: parsed.data, retired }
          : { kind: 'resource', fields: parsed.data, retired }
      ) as TDirectoryEntry
      entries.push({ entry, row, column: list })
    })
  }
  return { entries, problems }
}
