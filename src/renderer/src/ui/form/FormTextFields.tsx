import type { FieldPath, FieldValues } from 'react-hook-form'
import { PasswordField, type TPasswordFieldProps } from '../PasswordField'
import { TextAreaField, type TTextAreaFieldProps } from '../TextAreaField'
import { TextField, type TTextFieldProps } from '../TextField'
import type { TIssueWords } from './fieldErrorWording'
import { textOf, useBoundField } from './useBoundField'

/** What every bound field takes instead of value/onChange/errorMessage: its name in the form, and issue words. */
export type TBound<T extends FieldValues> = {
  name: FieldPath<T>
  /** Words for this field's issue codes, on top of the form's wording. */
  issues?: TIssueWords
}

/** The props a bound field supplies itself. */
export type TUnbound = 'value' | 'defaultValue' | 'onChange' | 'name' | 'inputRef' | 'errorMessage'

export type TFormTextFieldProps<T extends FieldValues> = Omit<TTextFieldProps, TUnbound> &
  TBound<T> & {
    /** Tidies the text when the field is left (e.g. 28/02/1980 → 1980-02-28). */
    normalize?: (text: string) => string
  }

/** The kit's TextField bound to the surrounding form by `name`. */
export function FormTextField<T extends FieldValues = FieldValues>({
  name,
  issues,
  normalize,
  onBlur,
  ...props
}: TFormTextFieldProps<T>) {
  const { field, bound } = useBoundField<T>(name, issues)
  const value = textOf(field.value)
  const leave: TTextFieldProps['onBlur'] = (event) => {
    const tidy = normalize?.(value) ?? value
    if (tidy !== value) field.onChange(tidy)
    field.onBlur()
    onBlur?.(event)
  }
  return <TextField {...props} {...bound} value={value} onChange={field.onChange} onBlur={leave} />
}

export type TFormTextAreaFieldProps<T extends FieldValues> = Omit<TTextAreaFieldProps, TUnbound> & TBound<T>

/** The kit's TextAreaField bound to the surrounding form by `name`. */
export function FormTextAreaField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormTextAreaFieldProps<T>) {
  const { field, bound } = useBoundField<T>(name, issues)
  return <TextAreaField {...props} {...bound} value={textOf(field.value)} onChange={field.onChange} />
}

export type TFormPasswordFieldProps<T extends FieldValues> = Omit<TPasswordFieldProps, TUnbound> & TBound<T>

/** The kit's PasswordField (with Show/Hide) bound to the surrounding form by `name`. */
export function FormPasswordField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormPasswordFieldProps<T>) {
  const { field, bound } = useBoundField<T>(name, issues)
  return <PasswordField {...props} {...bound} value={textOf(field.value)} onChange={field.onChange} />
}
