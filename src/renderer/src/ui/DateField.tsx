import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  Label,
  type DateValue,
} from 'react-aria-components'
import { ariaFieldState, FieldDescription, FieldErrorMessage, type TFieldProps } from './fieldParts'
import './DateField.css'

export type TDateFieldProps = TFieldProps & {
  value: DateValue | null
  onChange: (value: DateValue | null) => void
  /** 'minute' adds the time of day, in the locale's own clock ("1:45 p.m." in en-CA, "13 h 45" in fr-CA). */
  granularity?: 'day' | 'minute'
  /** More text read with the field, besides its help (a warning shown under it). */
  'aria-describedby'?: string
}

/**
 * The app's one date input: a calendar date (and, with `granularity="minute"`, a time) typed segment by segment
 * in the person's locale (React Aria DateField), so every screen writes dates the same way in each language.
 */
export function DateField({
  label,
  value,
  onChange,
  description,
  granularity = 'day',
  'aria-describedby': describedBy,
  ...field
}: TDateFieldProps) {
  return (
    <AriaDateField
      value={value}
      onChange={onChange}
      granularity={granularity}
      {...(describedBy === undefined ? {} : { 'aria-describedby': describedBy })}
      className="ui-field ui-date-field"
      {...ariaFieldState(field)}
    >
      <Label className="ui-field__label">{label}</Label>
      <DateInput className="ui-field__control ui-date-field__input">
        {(segment) => <DateSegment segment={segment} className="ui-date-field__segment" />}
      </DateInput>
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
    </AriaDateField>
  )
}
