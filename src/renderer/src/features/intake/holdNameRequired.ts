import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form'
import { intakeNames, MESSAGES, type TIntakeInput } from '../../../../shared/cases/intake-schema'

/**
 * "Enter at least one name" is a verdict on the names together, not on the one field it is shown under, so it
 * waits until the person asks to go on (Next, another step) or has typed a name: tabbing through an empty step
 * says nothing yet. `isArmed` decides; every other error passes through as the resolver gave it.
 */
export function holdNameRequired<TInput extends FieldValues, TContext, TOutput>(
  resolver: Resolver<TInput, TContext, TOutput>,
  isArmed: (values: TInput) => boolean,
): Resolver<TInput, TContext, TOutput> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options)
    if (isArmed(values)) return result
    const errors = result.errors as Record<string, unknown>
    const person = errors['person'] as Record<string, { message?: unknown }> | undefined
    if (person?.['familyName']?.message !== MESSAGES.nameRequired) return result
    const { familyName: _held, ...otherPerson } = person
    const { person: _person, ...otherErrors } = errors
    const kept = Object.keys(otherPerson).length > 0 ? { ...otherErrors, person: otherPerson } : otherErrors
    // The held error came with a failed parse, so there are no values to pass on either way.
    return { values: {}, errors: kept as FieldErrors<TInput> }
  }
}

/**
 * The wizard's resolver with the name check held back, and the switch that releases it: armed from the start
 * (a draft resumed past the first step), by `arm()` (Next, another step), or once a name has been typed.
 */
export function createNameCheck<TContext, TOutput>(
  resolver: Resolver<TIntakeInput, TContext, TOutput>,
  isArmedAtStart: boolean,
): { resolver: Resolver<TIntakeInput, TContext, TOutput>; arm: () => void } {
  let isArmed = isArmedAtStart
  return {
    resolver: holdNameRequired(resolver, (values) => {
      if (intakeNames(values.person).length > 0) isArmed = true
      return isArmed
    }),
    arm: () => {
      isArmed = true
    },
  }
}
