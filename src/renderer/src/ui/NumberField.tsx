import {
  Button as AriaButton,
  FieldError,
  Group,
  Input,
  Label,
  NumberField as AriaNumberField,
  Text,
} from 'react-aria-components'
import './status-tokens.css'
import './fields.css'
import './NumberField.css'

export type TNumberFieldProps = {
  label: string
  value: number
  onChange: (value: number) => void
  minValue: number
  maxValue: number
  description?: string
  errorMessage?: string | undefined
  isDisabled?: boolean
  /** Accessible names of the − and + buttons, in the current language. */
  decrementLabel: string
  incrementLabel: string
}

/** A whole-number input with − and + steppers; arrow keys step, the value is clamped to its range. */
export function NumberField({
  label,
  value,
  onChange,
  minValue,
  maxValue,
  description,
  errorMessage,
  isDisabled,
  decrementLabel,
  incrementLabel,
}: TNumberFieldProps) {
  return (
    <AriaNumberField
      value={value}
      onChange={onChange}
      minValue={minValue}
      maxValue={maxValue}
      step={1}
      formatOptions={{ maximumFractionDigits: 0 }}
      isInvalid={errorMessage !== undefined}
      className="ui-field ui-number-field"
      {...(isDisabled === undefined ? {} : { isDisabled })}
    >
      <Label className="ui-field__label">{label}</Label>
      <Group className="ui-field__control ui-number-field__group">
        <AriaButton slot="decrement" aria-label={decrementLabel} className="ui-number-field__step">
          −
        </AriaButton>
        <Input className="ui-number-field__input" />
        <AriaButton slot="increment" aria-label={incrementLabel} className="ui-number-field__step">
          +
        </AriaButton>
      </Group>
      {description ? (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="ui-field__error">{errorMessage}</FieldError>
    </AriaNumberField>
  )
}
