import type { Ref } from 'react'
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  useFilter,
  type Key,
} from 'react-aria-components'
import type { TChoiceOption } from './RadioGroupField'
import './status-tokens.css'
import './fields.css'
import './SelectField.css'
import './ComboBoxField.css'

export type TComboBoxFieldProps = {
  label: string
  /** Already in the order to show (e.g. alphabetical in the current language). */
  options: readonly TChoiceOption[]
  /** The chosen option's id; '' or null means none. */
  value: string | null
  onChange: (value: string) => void
  description?: string
  errorMessage?: string | undefined
  isDisabled?: boolean
  name?: string
  id?: string
  inputRef?: Ref<HTMLInputElement>
  /** Said when typing matches nothing. */
  emptyText: string
  /** Accessible name of the button that shows the whole list. */
  showListLabel: string
}

/**
 * Pick one item from a long list by typing part of its name (accents and case ignored), then arrow keys and Enter.
 * Clearing the text clears the choice. For languages and countries.
 */
export function ComboBoxField({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
  isDisabled,
  name,
  id,
  inputRef,
  emptyText,
  showListLabel,
}: TComboBoxFieldProps) {
  const { contains } = useFilter({ sensitivity: 'base' })
  const onSelectionChange = (key: Key | null) => onChange(key === null ? '' : String(key))
  return (
    <ComboBox
      selectedKey={value === '' ? null : value}
      onSelectionChange={onSelectionChange}
      defaultItems={options}
      defaultFilter={contains}
      menuTrigger="input"
      isInvalid={errorMessage !== undefined}
      validationBehavior="aria"
      className="ui-field ui-combo-box"
      {...(isDisabled === undefined ? {} : { isDisabled })}
      {...(name === undefined ? {} : { name })}
      {...(id === undefined ? {} : { id })}
    >
      <Label className="ui-field__label">{label}</Label>
      <div className="ui-field__control ui-combo-box__box">
        <Input ref={inputRef} className="ui-combo-box__input" />
        <AriaButton className="ui-combo-box__button" aria-label={showListLabel}>
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </AriaButton>
      </div>
      {description ? (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="ui-field__error">{errorMessage}</FieldError>
      <Popover className="ui-select__popover" offset={4}>
        <ListBox<TChoiceOption>
          className="ui-select__list"
          renderEmptyState={() => <p className="ui-combo-box__empty">{emptyText}</p>}
        >
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
    </ComboBox>
  )
}
