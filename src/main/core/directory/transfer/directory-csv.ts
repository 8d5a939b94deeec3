import type { TCsvProblem } from '../../../../shared/contract/csv'
import { ZOrganizationFieldsSchema, ZResourceFieldsSchema } from '../../../../shared/roster/directory-schema'
import type { TDirectoryEntry } from './directory-entry'
import { joinList, splitList, unneutralize, vocabularyKey } from '../../csv/cells'
import { issuesAsProblems } from './directory-problems'

/**
 * The directory as one CSV file: a row per entry, `entry` saying which (organization or resource), each kind using
 * its own columns and leaving the other's empty. Lists are `;`-separated; vocabulary keys are read in any case with
 * spaces or hyphens; `national` and `retired` are yes/no (oui/non).
 */
export const DIRECTORY_CSV_HEADER = [
  'entry',
  'name',
  'category',
  'national',
  'provinces',
  'services',
  'service_keys',
  'languages',
  'website',
  'phone',
  'email',
  'confidence',
  'notes',
  'title',
  'kind',
  'link',
  'jurisdiction',
  'summary',
  'source',
  'last_verified',
  'retired',
] as const
type TColumn = (typeof DIRECTORY_CSV_HEADER)[number]

/** Form field → CSV column, for naming the column of a problem. */
const COLUMN_OF_FIELD: Readonly<Record<string, TColumn>> = {
  serviceKeys: 'service_keys',
  lastVerifiedOn: 'last_verified',
}
export const columnOfField = (field: string): string => COLUMN_OF_FIELD[field] ?? field

/** 'CA', 'qc', 'International' → the vocabulary's spelling (codes upper case, 'international' lower). */
const jurisdictionOf = (value: string): string =>
  value.toLowerCase() === 'international' ? 'international' : value.toUpperCase()

const yesNo = (value: boolean): string => (value ? 'yes' : 'no')
const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'vrai'])
const NO = new Set(['no', 'n', 'false', '0', 'non', 'faux', ''])

/** An entry as a CSV row, in DIRECTORY_CSV_HEADER's order. */
export function directoryCells(entry: TDirectoryEntry): string[] {
  const cells: Partial<Record<TColumn, string>> = { entry: entry.kind, retired: yesNo(entry.retired) }
  if (entry.kind === 'organization') {
    const fields = entry.fields
    Object.assign(cells, {
      name: fields.name,
      category: fields.category,
      national: yesNo(fields.national),
      provinces: joinList(fields.provinces),
      services: fields.services,
      service_keys: joinList(fields.serviceKeys),
      languages: joinList(fields.languages),
      website: fields.website,
      phone: fields.phone,
      email: fields.email,
      confidence: fields.confidence,
      notes: fields.notes,
      source: fields.source,
      last_verified: fields.lastVerifiedOn,
    })
  } else {
    const fields = entry.fields
    Object.assign(cells, {
      title: fields.title,
      kind: fields.kind,
      link: fields.link,
      jurisdiction: fields.jurisdiction,
      summary: fields.summary,
      source: fields.source,
      last_verified: fields.lastVerifiedOn,
    })
  }
  return DIRECTORY_CSV_HEADER.map((column) => cells[column] ?? '')
}

/**
 * One data row (file row `row`, 1 = header) as an entry, or its problems. `cell` reads a column by name ('' when
 * the file has no such column).
 */
export function directoryEntryOfRow(
  row: number,
  cell: (column: TColumn) => string,
): { entry: TDirectoryEntry } | { problems: TCsvProblem[] } {
  const read = (column: TColumn): string => unneutralize(cell(column)).trim()
  const problems: TCsvProblem[] = []
  const valueOf = (field: string): string => read(columnOfField(field) as TColumn)
  const flag = (column: TColumn): boolean => {
    const value = read(column).toLowerCase()
    if (YES.has(value)) return true
    if (!NO.has(value)) problems.push({ row, column, code: 'yesNo', params: { value: read(column) } })
    return false
  }
  const retired = flag('retired')
  const kind = vocabularyKey(read('entry'))
  if (kind === 'organization') {
    const parsed = ZOrganizationFieldsSchema.safeParse({
      name: read('name'),
      category: vocabularyKey(read('category')),
      national: flag('national'),
      provinces: splitList(read('provinces')).map((province) => province.toUpperCase()),
      services: read('services'),
      serviceKeys: splitList(read('service_keys')).map(vocabularyKey),
      languages: splitList(read('languages')),
      website: read('website'),
      phone: read('phone'),
      email: read('email'),
      source: read('source'),
      confidence: vocabularyKey(read('confidence')),
      lastVerifiedOn: read('last_verified'),
      notes: read('notes'),
    })
    if (!parsed.success) problems.push(...issuesAsProblems(row, parsed.error.issues, columnOfField, valueOf))
    if (problems.length > 0 || !parsed.success) return { problems }
    return { entry: { kind, fields: parsed.data, retired } }
  }
  if (kind === 'resource') {
    const parsed = ZResourceFieldsSchema.safeParse({
      title: read('title'),
      kind: vocabularyKey(read('kind')),
      link: read('link'),
      jurisdiction: jurisdictionOf(read('jurisdiction')),
      summary: read('summary'),
      source: read('source'),
      lastVerifiedOn: read('last_verified'),
    })
    if (!parsed.success) problems.push(...issuesAsProblems(row, parsed.error.issues, columnOfField, valueOf))
    if (problems.length > 0 || !parsed.success) return { problems }
    return { entry: { kind, fields: parsed.data, retired } }
  }
  return {
    problems: [...problems, { row, column: 'entry', code: 'entryKind', params: { value: read('entry') } }],
  }
}
