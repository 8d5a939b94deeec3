import { z } from 'zod'
import { todayIso } from '../../lib/dates'
import {
  emptyIntake,
  INTAKE_STEP_IDS,
  INTAKE_STEPS,
  intakeNames,
  MESSAGES,
  ZIntakeSchema,
  type TIntake,
  type TIntakeInput,
  type TIntakeStepId,
} from '../../../../shared/cases/intake-schema'

/** The wizard's pages: the intake's steps, then the review. */
export type TWizardStepId = TIntakeStepId | 'review'
export const WIZARD_STEP_IDS: readonly TWizardStepId[] = [...INTAKE_STEP_IDS, 'review']

export const isWizardStep = (value: unknown): value is TWizardStepId =>
  typeof value === 'string' && (WIZARD_STEP_IDS as readonly string[]).includes(value)

type TTopKey = keyof TIntake
const TOP_KEYS = Object.keys(ZIntakeSchema.shape) as TTopKey[]

/** The intake step that edits a top-level key ('meta' belongs to the person step). */
export function stepOfKey(key: string): TIntakeStepId {
  return INTAKE_STEPS.find((step) => (step.keys as readonly string[]).includes(key))?.id ?? 'person'
}

export type TIntakeIssue = { path: PropertyKey[]; message: string }

/**
 * The issues of one step, as the person sees them on that step. The other steps' sections are replaced by blank
 * ones when they do not parse, so that the whole-intake checks (at least one name, arrival after birth…) still
 * run: zod skips an object's refinements while any of its fields is invalid.
 */
export function stepIssues(values: TIntakeInput, stepId: TIntakeStepId): TIntakeIssue[] {
  const keys = INTAKE_STEPS.find((step) => step.id === stepId)?.keys ?? []
  const own = (key: PropertyKey) => (keys as readonly PropertyKey[]).includes(key)
  const blank = emptyIntake(todayIso())
  const candidate: Record<string, unknown> = {}
  for (const key of TOP_KEYS) {
    const value = values[key]
    candidate[key] = own(key) || ZIntakeSchema.shape[key].safeParse(value).success ? value : blank[key]
  }
  const parsed = ZIntakeSchema.safeParse(candidate)
  const issues: TIntakeIssue[] = parsed.success
    ? []
    : parsed.error.issues
        .filter((issue) => own(issue.path[0] ?? ''))
        .map((issue) => ({ path: issue.path, message: issue.message }))
  if (
    stepId === 'person' &&
    intakeNames(values.person).length === 0 &&
    !issues.some((issue) => issue.message === MESSAGES.nameRequired)
  ) {
    issues.push({ path: ['person', 'familyName'], message: MESSAGES.nameRequired })
  }
  return issues
}

export function allIssues(values: TIntakeInput): TIntakeIssue[] {
  return INTAKE_STEP_IDS.flatMap((stepId) => stepIssues(values, stepId))
}

/**
 * The form's schema: every step's issues (so a check zod would skip is still said), then the shared intake
 * schema itself for the trimmed, normalised values that are sent to main.
 */
export const ZWizardSchema = z
  .custom<TIntakeInput>((value) => typeof value === 'object' && value !== null)
  .superRefine((values, ctx) => {
    for (const issue of allIssues(values)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
  })
  .pipe(ZIntakeSchema)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Takes from `saved` only what has the template's shape: a draft is trusted no further than that. */
function mergeShape(template: unknown, saved: unknown): unknown {
  if (saved === undefined) return template
  if (Array.isArray(template)) {
    if (!Array.isArray(saved)) return template
    return saved
      .filter((item) => typeof item === 'string' || isRecord(item))
      .map((item: unknown) => (isRecord(item) ? { ...item } : item))
  }
  if (isRecord(template)) {
    if (!isRecord(saved)) return template
    const merged: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(template)) merged[key] = mergeShape(value, saved[key])
    return merged
  }
  if (template === null) return typeof saved === 'number' || saved === null ? saved : null
  return typeof saved === typeof template ? saved : template
}

/** A saved draft's data on top of a blank intake. */
export function intakeFromDraft(data: Record<string, unknown>, today: string): TIntakeInput {
  return mergeShape(emptyIntake(today), data) as TIntakeInput
}

/** The id a field's wrapper carries, so the error summary can move focus there. */
export const fieldKey = (path: readonly PropertyKey[]): string => path.map(String).join('.')
