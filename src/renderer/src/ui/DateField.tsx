import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  FieldError,
  Label,
  Text,
  type DateValue,
} from 'react-aria-components'
import './status-tokens.css'
import './fields.css'
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
      {description ? (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="ui-field__error">{errorMessage}</FieldError>
    </AriaDateField>
  )
}
