import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components'
import './status-tokens.css'
import './fields.css'
import './SelectField.css'

export type TSelectOption = {
  id: string
  label: string
  /** A line under the label in the list, e.g. what a role may do. */
  description?: string
}

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
      <AriaButton className="ui-field__control ui-select__button">
        <SelectValue className="ui-select__value">
          {({ selectedText, defaultChildren, isPlaceholder }) =>
            isPlaceholder ? defaultChildren : selectedText
          }
        </SelectValue>
        <svg
          className="ui-select__chevron"
          width="16"
          height="16"
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
        >
          <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </AriaButton>
      {description ? (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="ui-field__error">{errorMessage}</FieldError>
      <Popover className="ui-select__popover" offset={4}>
        <ListBox className="ui-select__list" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="ui-select__option">
              <Text slot="label" className="ui-select__option-label">
                {option.label}
              </Text>
              {option.description ? (
                <Text slot="description" className="ui-select__option-description">
                  {option.description}
                </Text>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  )
}
