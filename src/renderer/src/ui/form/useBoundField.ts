import { useContext } from 'react'
import { useController, type FieldPath, type FieldValues } from 'react-hook-form'
import { FieldErrorWordingContext, type TIssueWords } from './fieldErrorWording'

/** A field of the surrounding form (FormProvider) by name, with its error in words. */
export function useBoundField<T extends FieldValues>(name: FieldPath<T>, issues?: TIssueWords) {
  const { field, fieldState } = useController<T>({ name })
  const wording = useContext(FieldErrorWordingContext)
  return { field, errorMessage: wording(fieldState.error, issues) }
}

/** The `errorMessage` prop only when there is one (the fields read `undefined` as "valid"). */
export const errorProp = (errorMessage: string | undefined) =>
  errorMessage === undefined ? {} : { errorMessage }
