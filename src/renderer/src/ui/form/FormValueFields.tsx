import { parseDate, parseDateTime } from '@internationalized/date'
import type { DateValue } from 'react-aria-components'
import type { FieldValues } from 'react-hook-form'
import { DateField, type TDateFieldProps } from '../DateField'
import { NumberField, type TNumberFieldProps } from '../NumberField'
import type { TBound, TUnbound } from './FormTextFields'
import { useBoundField } from './useBoundField'

const toDateValue = (value: unknown): DateValue | null => {
  try {
    return typeof value === 'string' && value !== '' ? parseDate(value) : null
  } catch {
    return null
  }
}

export type TFormDateFieldProps<T extends FieldValues> = Omit<TDateFieldProps, TUnbound> & TBound<T>

/**
 * The kit's DateField bound to a 'YYYY-MM-DD' text value of the surrounding form (as the shared schemas keep
 * dates), '' when empty. Its errors show after a submit: a date typed segment by segment is never "left" half-way.
 */
export function FormDateField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormDateFieldProps<T>) {
  const { field, bound } = useBoundField<T>(name, issues)
  const store = (next: DateValue | null) => field.onChange(next === null ? '' : next.toString())
  return (
    <DateField
      {...props}
      errorMessage={bound.errorMessage}
      value={toDateValue(field.value)}
      onChange={store}
    />
  )
}

const toDateTimeValue = (value: unknown): DateValue | null => {
  try {
    return typeof value === 'string' && value !== '' ? parseDateTime(value) : null
  } catch {
    return null
  }
}

/**
 * The kit's DateField with the time of day, bound to a local 'YYYY-MM-DDTHH:mm' text value of the surrounding
 * form (what `localDateTimeNow` gives and `localDateTimeToIso` reads), '' when empty.
 */
export function FormDateTimeField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormDateFieldProps<T>) {
  const { field, bound } = useBoundField<T>(name, issues)
  const store = (next: DateValue | null) =>
    field.onChange(next === null ? '' : next.toString().slice(0, 'YYYY-MM-DDTHH:mm'.length))
  return (
    <DateField
      {...props}
      granularity="minute"
      errorMessage={bound.errorMessage}
      value={toDateTimeValue(field.value)}
      onChange={store}
    />
  )
}

export type TFormNumberFieldProps<T extends FieldValues> = Omit<TNumberFieldProps, TUnbound> & TBound<T>

/** The kit's NumberField bound to a number of the surrounding form by `name`; an empty field stores null. */
export function FormNumberField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormNumberFieldProps<T>) {
  const { field, bound, choose } = useBoundField<T>(name, issues)
  const value = typeof field.value === 'number' ? field.value : Number.NaN
  const store = (next: number) => choose(Number.isNaN(next) ? null : next)
  return (
    <NumberField
      {...props}
      errorMessage={bound.errorMessage}
      inputRef={bound.inputRef}
      value={value}
      onChange={store}
    />
  )
}
