import { Label, Select, type Key } from 'react-aria-components'
import {
  ariaFieldState,
  FieldDescription,
  FieldErrorMessage,
  OptionsPopover,
  SelectTrigger,
  type TFieldProps,
  type TOption,
} from './fieldParts'

export type TSelectOption = TOption

export type TSelectFieldProps = TFieldProps & {
  options: readonly TSelectOption[]
  /** The chosen option's id; null shows the placeholder. */
  value: string | null
  onChange: (value: string | null) => void
  placeholder?: string
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
  autoFocus,
  ...field
}: TSelectFieldProps) {
  const onValueChange = (key: Key | null) => onChange(key === null ? null : String(key))
  return (
    <Select
      value={value}
      onChange={onValueChange}
      className="ui-field ui-select"
      {...ariaFieldState(field)}
      {...(placeholder === undefined ? {} : { placeholder })}
      {...(autoFocus === undefined ? {} : { autoFocus })}
    >
      <Label className="ui-field__label">{label}</Label>
      <SelectTrigger />
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
      <OptionsPopover options={options} />
    </Select>
  )
}
