import type { Ref } from 'react'
import {
  Button as AriaButton,
  Group,
  Input,
  Label,
  NumberField as AriaNumberField,
} from 'react-aria-components'
import { ariaFieldState, FieldDescription, FieldErrorMessage, type TFieldProps } from './fieldParts'
import './NumberField.css'

export type TNumberFieldProps = TFieldProps & {
  value: number
  onChange: (value: number) => void
  minValue: number
  maxValue: number
  /** Accessible names of the − and + buttons, in the current language. */
  decrementLabel: string
  incrementLabel: string
  /**
   * false: the range is not enforced by the field (no silent clamping on blur); the form checks it and
   * says what is allowed. Default true: the value is clamped to the range.
   */
  isClamped?: boolean
  /** The text as typed, on every keystroke (onChange only fires when the value is committed on blur or Enter). */
  onInputChange?: (text: string) => void
  inputRef?: Ref<HTMLInputElement>
}

/** A whole-number input with − and + steppers; arrow keys step; the value is clamped to its range unless isClamped is false. */
export function NumberField({
  label,
  value,
  onChange,
  minValue,
  maxValue,
  description,
  decrementLabel,
  incrementLabel,
  isClamped = true,
  onInputChange,
  inputRef,
  ...field
}: TNumberFieldProps) {
  return (
    <AriaNumberField
      value={value}
      onChange={onChange}
      {...(isClamped ? { minValue, maxValue } : {})}
      step={1}
      formatOptions={{ maximumFractionDigits: 0 }}
      className="ui-field ui-number-field"
      {...ariaFieldState(field)}
    >
      <Label className="ui-field__label">{label}</Label>
      <Group className="ui-field__control ui-number-field__group">
        <AriaButton slot="decrement" aria-label={decrementLabel} className="ui-number-field__step">
          −
        </AriaButton>
        <Input
          ref={inputRef}
          className="ui-number-field__input"
          {...(onInputChange ? { onChange: (event) => onInputChange(event.currentTarget.value) } : {})}
        />
        <AriaButton slot="increment" aria-label={incrementLabel} className="ui-number-field__step">
          +
        </AriaButton>
      </Group>
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
    </AriaNumberField>
  )
}
