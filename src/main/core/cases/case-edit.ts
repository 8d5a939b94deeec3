/**
 * Editing the survivor's file on the case page: the changed sections checked with the intake's rules (on the whole
 * file, so "at least one name" and "arrival after birth" hold across sections), the fields that changed named on
 * the timeline and in the audit trail, never their values.
 */
import {
  CASE_FILE_SECTIONS,
  ZCaseFileSchema,
  type TCaseFile,
  type TCaseFileChanges,
} from '../../../shared/cases/case-file-schema'
import { AppError } from '../../../shared/result'
import type { TCaseState } from './case-records'

/** The file as the case holds it, in the edit's sections. */
export const caseFileOf = (state: TCaseState): TCaseFile => ({
  person: state.profile.person,
  contact: state.contact,
  languages: state.profile.languages,
  location: state.profile.location,
  needs: state.needs,
})

const stateOfFile = (file: TCaseFile): TCaseState => ({
  profile: { person: file.person, languages: file.languages, location: file.location },
  contact: file.contact,
  needs: file.needs,
})

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** 'section.field' for every field whose value differs, in the file's order. */
export function changedFields(before: TCaseFile, after: TCaseFile): string[] {
  const fields: string[] = []
  for (const section of CASE_FILE_SECTIONS) {
    const old = before[section] as Record<string, unknown>
    const now = after[section] as Record<string, unknown>
    for (const key of Object.keys(now)) if (!same(old[key], now[key])) fields.push(`${section}.${key}`)
  }
  return fields
}

/**
 * The case's state after an edit, or BAD_REQUEST naming the first field that breaks a rule (its message is the
 * intake's translation key, so the editor shows the same words as the wizard).
 */
export function applyEdit(
  state: TCaseState,
  changes: TCaseFileChanges,
): { state: TCaseState; fields: string[] } {
  const before = caseFileOf(state)
  const candidate = { ...before }
  for (const section of CASE_FILE_SECTIONS) {
    const change = changes[section]
    if (change !== undefined) Object.assign(candidate, { [section]: change })
  }
  const parsed = ZCaseFileSchema.safeParse(candidate)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('BAD_REQUEST', 'A field of the case file is not valid.', {
      field: issue?.path.join('.') ?? '',
      message: issue?.message ?? '',
    })
  }
  const after = parsed.data
  return { state: stateOfFile(after), fields: changedFields(before, after) }
}
