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
}

/** A calendar date typed segment by segment in the person's locale (React Aria DateField). */
export function DateField({ label, value, onChange, description, ...field }: TDateFieldProps) {
  return (
    <AriaDateField
      value={value}
      onChange={onChange}
      granularity="day"
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
