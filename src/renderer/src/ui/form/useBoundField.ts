import { useContext } from 'react'
import { useController, type FieldPath, type FieldValues } from 'react-hook-form'
import { FieldErrorWordingContext, type TIssueWords } from './fieldErrorWording'

/**
 * A field of the surrounding form (FormProvider) by name: `field` (value, onChange…), the props every kit field
 * takes the same way (`bound`: name, ref, onBlur, the error in words), and `choose(value)` for a choice, which
 * also marks the field as visited: choosing is a finished act, so a form validating "on touched" checks it
 * at once, as it does a text field the person leaves.
 */
export function useBoundField<T extends FieldValues>(name: FieldPath<T>, issues?: TIssueWords) {
  const { field, fieldState } = useController<T>({ name })
  const wording = useContext(FieldErrorWordingContext)
  const errorMessage = wording(fieldState.error, issues)
  return {
    field,
    bound: {
      name: field.name,
      inputRef: field.ref,
      onBlur: field.onBlur,
      ...(errorMessage === undefined ? {} : { errorMessage }),
    },
    choose: (value: unknown) => {
      field.onChange(value)
      field.onBlur()
    },
  }
}

/** The field's value when it is text, else ''. */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')
