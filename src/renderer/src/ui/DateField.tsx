import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  Label,
  type DateValue,
} from 'react-aria-components'
import { FieldDescription, FieldErrorMessage } from './fieldParts'
import './DateField.css'

export type TDateFieldProps = {
  label: string
  value: DateValue | null
  onChange: (value: DateValue | null) => void
  description?: string
  errorMessage?: string | undefined
}

/** A calendar date typed segment by segment in the person's locale (React Aria DateField). */
export function DateField({ label, value, onChange, description, errorMessage }: TDateFieldProps) {
  return (
    <AriaDateField
      value={value}
      onChange={onChange}
      granularity="day"
      isInvalid={errorMessage !== undefined}
      className="ui-field ui-date-field"
    >
      <Label className="ui-field__label">{label}</Label>
      <DateInput className="ui-field__control ui-date-field__input">
        {(segment) => <DateSegment segment={segment} className="ui-date-field__segment" />}
      </DateInput>
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{errorMessage}</FieldErrorMessage>
    </AriaDateField>
  )
}
