import { Label, Select, type Key } from 'react-aria-components'
import {
  FieldDescription,
  FieldErrorMessage,
  OptionsPopover,
  SelectTrigger,
  type TOption,
} from './fieldParts'

export type TSelectOption = TOption

export type TSelectFieldProps = {
  label: string
  options: readonly TSelectOption[]
  /** The chosen option's id; null shows the placeholder. */
  value: string | null
  onChange: (value: string | null) => void
  placeholder?: string
  description?: string
  errorMessage?: string | undefined
  isDisabled?: boolean
  isRequired?: boolean
  name?: string
  /** Take focus when shown, e.g. as a dialog's only field. */
  autoFocus?: boolean
}

/** A labelled drop-down list (React Aria Select): arrow keys, type-ahead, and descriptions per option. */
export function SelectField({
  label,
  options,
  value,
  onChange,
  placeholder,
  description,
  errorMessage,
  isDisabled,
  isRequired,
  name,
  autoFocus,
}: TSelectFieldProps) {
  const onValueChange = (key: Key | null) => onChange(key === null ? null : String(key))
  return (
    <Select
      value={value}
      onChange={onValueChange}
      isInvalid={errorMessage !== undefined}
      className="ui-field ui-select"
      {...(placeholder === undefined ? {} : { placeholder })}
      {...(isDisabled === undefined ? {} : { isDisabled })}
      {...(isRequired === undefined ? {} : { isRequired })}
      {...(name === undefined ? {} : { name })}
      {...(autoFocus === undefined ? {} : { autoFocus })}
    >
      <Label className="ui-field__label">{label}</Label>
      <SelectTrigger />
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{errorMessage}</FieldErrorMessage>
      <OptionsPopover options={options} />
    </Select>
  )
}
