import type { z } from 'zod'
import {
  ZCasesFileCaseSchema,
  ZCasesFileHeaderSchema,
  type TCasesFileCase,
} from '../../../../shared/cases/cases-file-schema'
import type { TCasesFileError } from '../../../../shared/contract/cases-file'
import type { CasesFileQueries, TCasesFileIdKind } from './cases-file-queries'

const RULE_PREFIX = 'vocab.validation.'

/** A schema problem as a code: the intake's field rules keep their own names, the rest say what kind it is. */
function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith(RULE_PREFIX)) return issue.message.slice(RULE_PREFIX.length)
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'required' : 'wrongType'
  if (issue.code === 'unrecognized_keys') return 'unknownField'
  return 'invalid'
}

const referenceIn = (value: unknown): string => {
  const reference = (value as { reference?: unknown } | null)?.reference
  return typeof reference === 'string' && /^CCIJ-\d{4}-\d{1,10}$/.test(reference) ? reference : ''
}

const fileError = (code: string): TCasesFileError => ({ case: 0, reference: '', field: '', code })

/**
 * Reads a `ccij-cases-v1` file's text: every case checked with the schema (the intake's own rules for the survivor's
 * file and each intake), then against itself (a reference or id twice). Problems name the case by position and
 * reference, the field by path, and the rule by code — never a value, which could be survivor data.
 */
export function readCasesFile(
  text: string,
): { cases: TCasesFileCase[] } | { errors: TCasesFileError[]; caseCount: number } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // JSON.parse's message quotes the text around the problem: survivor data, so it is not passed on.
    return { errors: [fileError('notJson')], caseCount: 0 }
  }
  const header = ZCasesFileHeaderSchema.safeParse(json)
  if (!header.success) return { errors: [fileError('notCasesFile')], caseCount: 0 }
  const errors: TCasesFileError[] = []
  const cases: TCasesFileCase[] = []
  header.data.cases.forEach((value, index) => {
    const parsed = ZCasesFileCaseSchema.safeParse(value)
    if (parsed.success) {
      cases.push(parsed.data)
      return
    }
    for (const issue of parsed.error.issues) {
      const field = [...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0] ?? ''] : [])]
      errors.push({
        case: index + 1,
        reference: referenceIn(value),
        field: field.join('.').slice(0, 200),
        code: codeOf(issue),
      })
    }
  })
  if (errors.length > 0) return { errors, caseCount: header.data.cases.length }
  const repeated = repeatsWithin(cases)
  return repeated.length > 0 ? { errors: repeated, caseCount: cases.length } : { cases }
}

/** Every id a case brings, by the table it goes to. */
export const idsOf = (record: TCasesFileCase): [TCasesFileIdKind, string, string][] => [
  ['case', record.id, 'id'],
  ...record.intakes.map((each, index): [TCasesFileIdKind, string, string] => [
    'intake',
    each.id,
    `intakes.${index}.id`,
  ]),
  ...record.consents.map((each, index): [TCasesFileIdKind, string, string] => [
    'consent',
    each.id,
    `consents.${index}.id`,
  ]),
  ...record.timeline.map((each, index): [TCasesFileIdKind, string, string] => [
    'event',
    each.id,
    `timeline.${index}.id`,
  ]),
  ...record.tasks.map((each, index): [TCasesFileIdKind, string, string] => [
    'task',
    each.id,
    `tasks.${index}.id`,
  ]),
]

function repeatsWithin(cases: readonly TCasesFileCase[]): TCasesFileError[] {
  const errors: TCasesFileError[] = []
  const references = new Set<string>()
  const ids = new Set<string>()
  cases.forEach((record, index) => {
    const at = { case: index + 1, reference: record.reference }
    if (references.has(record.reference)) errors.push({ ...at, field: 'reference', code: 'referenceInFile' })
    references.add(record.reference)
    for (const [kind, id, field] of idsOf(record)) {
      if (ids.has(`${kind}:${id}`)) errors.push({ ...at, field, code: 'idInFile' })
      ids.add(`${kind}:${id}`)
    }
  })
  return errors
}

/** What the vault already holds of the file's references and ids: an import adds cases, never overwrites one. */
export function clashesWithVault(
  queries: CasesFileQueries,
  cases: readonly TCasesFileCase[],
): TCasesFileError[] {
  const existingReferences = queries.existingReferences(cases.map((record) => record.reference))
  const all = cases.map(idsOf)
  const existing = new Map<TCasesFileIdKind, Set<string>>()
  for (const kind of ['case', 'intake', 'consent', 'event', 'task'] as const) {
    const ids = all.flatMap((entries) => entries.filter(([each]) => each === kind).map(([, id]) => id))
    existing.set(kind, queries.existingIds(kind, ids))
  }
  const errors: TCasesFileError[] = []
  cases.forEach((record, index) => {
    const at = { case: index + 1, reference: record.reference }
    if (existingReferences.has(record.reference))
      errors.push({ ...at, field: 'reference', code: 'referenceExists' })
    for (const [kind, id, field] of all[index] ?? []) {
      if (existing.get(kind)?.has(id) === true) errors.push({ ...at, field, code: 'idExists' })
    }
  })
  return errors
}
