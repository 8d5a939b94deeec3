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
import {
  ZAdversePartiesSchema,
  ZExperiencesSchema,
  ZIntakeMetaSchema,
  type TIntake,
} from '../../../shared/cases/intake-schema'
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

const refusal = (
  error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> },
  prefix: string,
) => {
  const issue = error.issues[0]
  return new AppError('BAD_REQUEST', 'A field of the case file is not valid.', {
    field: [prefix, ...(issue?.path ?? [])].filter((part) => part !== '').join('.'),
    message: issue?.message ?? '',
  })
}

/**
 * Which entries of a list changed, by their number as the page shows them (1-based): 'adverseParties.2.name' for
 * a field of an entry kept, 'adverseParties.3.added' / '.removed' for an entry the list gained or lost.
 */
export function changedEntries(
  list: string,
  before: readonly Record<string, unknown>[],
  after: readonly Record<string, unknown>[],
): string[] {
  const fields: string[] = []
  const longest = Math.max(before.length, after.length)
  for (let index = 0; index < longest; index += 1) {
    const old = before[index]
    const now = after[index]
    const number = index + 1
    if (old === undefined) fields.push(`${list}.${number}.added`)
    else if (now === undefined) fields.push(`${list}.${number}.removed`)
    else
      for (const key of Object.keys(now))
        if (!same(old[key], now[key])) fields.push(`${list}.${number}.${key}`)
  }
  return fields
}

/** The parts of a case edit that belong to one intake rather than to the case file. */
export type TAccountChanges = Pick<TCaseFileChanges, 'experiences' | 'adverseParties' | 'meta'>

/** Whether an edit changes anything of an intake (and so must name the intake). */
export const changesAccount = (changes: TAccountChanges): boolean =>
  changes.experiences !== undefined || changes.adverseParties !== undefined || changes.meta !== undefined

/**
 * One intake's account after an edit (experiences with the narrative, adverse parties, the intake's notes), checked
 * with the intake's rules, with the fields that changed; BAD_REQUEST naming the field at fault, as for the case
 * file. The intake's date, method and interpreter are the record of the interview and stay as they were.
 */
export function applyAccountEdit(
  intake: TIntake,
  changes: TAccountChanges,
): { intake: TIntake; fields: string[] } {
  const fields: string[] = []
  let experiences = intake.experiences
  let adverseParties = intake.adverseParties
  let meta = intake.meta
  if (changes.experiences !== undefined) {
    const parsed = ZExperiencesSchema.safeParse({ ...intake.experiences, ...changes.experiences })
    if (!parsed.success) throw refusal(parsed.error, 'experiences')
    experiences = parsed.data
    fields.push(...changedEntries('experiences', intake.experiences.entries, experiences.entries))
    if (intake.experiences.narrative !== experiences.narrative) fields.push('experiences.narrative')
  }
  if (changes.adverseParties !== undefined) {
    const parsed = ZAdversePartiesSchema.safeParse(changes.adverseParties)
    if (!parsed.success) throw refusal(parsed.error, 'adverseParties')
    adverseParties = parsed.data
    fields.push(...changedEntries('adverseParties', intake.adverseParties, adverseParties))
  }
  if (changes.meta !== undefined) {
    const parsed = ZIntakeMetaSchema.pick({ notes: true }).safeParse(changes.meta)
    if (!parsed.success) throw refusal(parsed.error, 'meta')
    meta = { ...intake.meta, notes: parsed.data.notes }
    if (intake.meta.notes !== meta.notes) fields.push('meta.notes')
  }
  return { intake: { ...intake, experiences, adverseParties, meta }, fields }
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
  if (!parsed.success) throw refusal(parsed.error, '')
  const after = parsed.data
  return { state: stateOfFile(after), fields: changedFields(before, after) }
}
