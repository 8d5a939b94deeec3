import { parseDate } from '@internationalized/date'
import type { DateValue } from 'react-aria-components'
import type { FieldValues } from 'react-hook-form'
import { DateField, type TDateFieldProps } from '../DateField'
import { NumberField, type TNumberFieldProps } from '../NumberField'
import type { TBound } from './FormTextFields'
import { useBoundField } from './useBoundField'

const toDateValue = (value: unknown): DateValue | null => {
  try {
    return typeof value === 'string' && value !== '' ? parseDate(value) : null
  } catch {
    return null
  }
}

export type TFormDateFieldProps<T extends FieldValues> = Omit<
  TDateFieldProps,
  'value' | 'onChange' | 'errorMessage'
> &
  TBound<T>

/**
 * The kit's DateField bound to a 'YYYY-MM-DD' text value of the surrounding form (as the shared schemas keep
 * dates), '' when empty. Its errors show after a submit: a date typed segment by segment is never "left" half-way.
 */
export function FormDateField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormDateFieldProps<T>) {
  const { field, errorMessage } = useBoundField<T>(name, issues)
  return (
    <DateField
      {...props}
      errorMessage={errorMessage}
      value={toDateValue(field.value)}
      onChange={(next) => field.onChange(next === null ? '' : next.toString())}
    />
  )
}

export type TFormNumberFieldProps<T extends FieldValues> = Omit<
  TNumberFieldProps,
  'value' | 'onChange' | 'errorMessage' | 'inputRef'
> &
  TBound<T>

/** The kit's NumberField bound to a number of the surrounding form by `name`; an empty field stores null. */
export function FormNumberField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormNumberFieldProps<T>) {
  const { field, errorMessage } = useBoundField<T>(name, issues)
  return (
    <NumberField
      {...props}
      errorMessage={errorMessage}
      value={typeof field.value === 'number' ? field.value : Number.NaN}
      onChange={(value) => {
        field.onChange(Number.isNaN(value) ? null : value)
        field.onBlur()
      }}
      inputRef={field.ref}
    />
  )
}
