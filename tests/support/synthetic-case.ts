/**
 * The synthetic case the matching tests and the case tests submit: a survivor named "Synthetic <family name>",
 * Arabic first, in QC, with a refugee claim (so the seeded lawyers may take it), submitted as a new case; `edit`
 * changes the draft first. One helper instead of a `newCase` per test file.
 */
import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import type { TVaultServices } from '../../src/main/core/services'

export type TSyntheticCaseOptions = {
  givenNames?: string
  /** The intake's date (YYYY-MM-DD). */
  on?: string
  edit?: (draft: TIntake) => void
}

/** The draft alone (a test that submits it itself, e.g. as a later intake of an existing case). */
export const syntheticIntake = (
  familyName: string,
  { givenNames = 'Synthetic', on = '2026-11-29', edit }: TSyntheticCaseOptions = {},
): TIntake => {
  const draft = emptyIntake(on)
  draft.person.givenNames = givenNames
  draft.person.familyName = familyName
  draft.languages.preferred = 'ar'
  draft.location.province = 'QC'
  draft.needs.needs = ['refugee_claim']
  edit?.(draft)
  return draft
}

/** Submits the synthetic case as a new case; returns what the intake service answers (the case's id among it). */
export const submitSyntheticCase = (
  services: Pick<TVaultServices, 'intake'>,
  familyName: string,
  options: TSyntheticCaseOptions = {},
) =>
  services.intake.submit({
    intake: syntheticIntake(familyName, options),
    decision: { kind: 'new' },
    reviewedCandidates: [],
  })
