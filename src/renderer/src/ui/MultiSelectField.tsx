import { Label, Select, type Key } from 'react-aria-components'
import {
  ariaFieldState,
  FieldDescription,
  FieldErrorMessage,
  OptionsPopover,
  SelectTrigger,
  type TFieldProps,
} from './fieldParts'
import type { TSelectOption } from './SelectField'
import './MultiSelectField.css'

export type TMultiSelectFieldProps = TFieldProps & {
  options: readonly TSelectOption[]
  /** The chosen options' ids, in any order; empty shows the placeholder. */
  value: readonly string[]
  onChange: (value: string[]) => void
  /** What no choice means, e.g. "All statuses". */
  placeholder: string
}

/**
 * A labelled drop-down list where several options can be chosen (React Aria Select in multiple selection mode):
 * the list stays open while choosing, each option shows a check mark when chosen, the button lists the choices.
 */
export function MultiSelectField({
  label,
  options,
  value,
  onChange,
  placeholder,
  description,
  ...field
}: TMultiSelectFieldProps) {
  const onValueChange = (keys: Key[]) => {
    const chosen = new Set(keys.map(String))
    // Options' order, not the order they were clicked in.
    onChange(options.filter((option) => chosen.has(option.id)).map((option) => option.id))
  }
  const chosenText = options
    .filter((option) => value.includes(option.id))
    .map((option) => option.label)
    .join(', ')
  return (
    <Select
      selectionMode="multiple"
      value={[...value]}
      onChange={onValueChange}
      placeholder={placeholder}
      className="ui-field ui-select ui-multi-select"
      {...ariaFieldState(field)}
    >
      <Label className="ui-field__label">{label}</Label>
      {/* The whole choice on hover too: several labels rarely fit a narrow button. */}
      <SelectTrigger title={chosenText} />
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
      <OptionsPopover options={options} withCheckBoxes />
    </Select>
  )
}
