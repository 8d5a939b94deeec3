import { useContext, useEffect, useRef, useState, type Ref } from 'react'
import {
  Button as AriaButton,
  ComboBox,
  ComboBoxStateContext,
  Input,
  Label,
  useFilter,
  type Key,
} from 'react-aria-components'
import {
  ariaFieldState,
  ChevronDown,
  FieldDescription,
  FieldErrorMessage,
  OptionsPopover,
  type TFieldProps,
} from './fieldParts'
import type { TChoiceOption } from './RadioGroupField'
import './ComboBoxField.css'

export type TComboBoxFieldProps = TFieldProps & {
  /** Already in the order to show (e.g. alphabetical in the current language). */
  options: readonly TChoiceOption[]
  /** The chosen option's id; '' or null means none. */
  value: string | null
  onChange: (value: string) => void
  inputRef?: Ref<HTMLInputElement>
  /** Said when typing matches nothing. */
  emptyText: string
  /** Accessible name of the button that shows the whole list. */
  showListLabel: string
  /**
   * For adding items to a list: `value` stays empty, a choice (Enter on an option, or a click) calls `onChange`,
   * then the box clears and the list closes. Tab and leaving the box never choose anything.
   */
  clearOnSelect?: boolean
}

type TComboState = { close: () => void } | null

/** Hands the ComboBox's state to the field, so it can close the list after an add-to-list choice. */
function StateGrabber({ intoRef }: { intoRef: { current: TComboState } }) {
  const state = useContext(ComboBoxStateContext)
  useEffect(() => {
    intoRef.current = state
  })
  return null
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
  inputRef,
  emptyText,
  showListLabel,
  clearOnSelect = false,
  ...field
}: TComboBoxFieldProps) {
  const { contains } = useFilter({ sensitivity: 'base' })
  const [inputValue, setInputValue] = useState('')
  const stateRef = useRef<TComboState>(null)
  // React Aria selects the highlighted option on Tab; an add-to-list box must not.
  const tabbing = useRef(false)
  const onSelectionChange = (key: Key | null) => {
    if (!clearOnSelect) {
      onChange(key === null ? '' : String(key))
      return
    }
    if (key === null || tabbing.current) return
    onChange(String(key))
    setInputValue('')
    window.setTimeout(() => stateRef.current?.close(), 0)
  }
  const listProps = clearOnSelect ? { inputValue, onInputChange: setInputValue } : {}
  return (
    <ComboBox
      selectedKey={clearOnSelect || value === '' ? null : value}
      onSelectionChange={onSelectionChange}
      {...listProps}
      defaultItems={options}
      defaultFilter={contains}
      menuTrigger="input"
      validationBehavior="aria"
      className="ui-field ui-combo-box"
      {...ariaFieldState(field)}
    >
      {clearOnSelect ? <StateGrabber intoRef={stateRef} /> : null}
      <Label className="ui-field__label">{label}</Label>
      <div
        className="ui-field__control ui-combo-box__box"
        onKeyDownCapture={(event) => {
          if (event.key !== 'Tab' || !clearOnSelect) return
          tabbing.current = true
          window.setTimeout(() => {
            tabbing.current = false
          }, 0)
        }}
      >
        <Input ref={inputRef} className="ui-combo-box__input" />
        <AriaButton className="ui-combo-box__button" aria-label={showListLabel}>
          <ChevronDown />
        </AriaButton>
      </div>
      <FieldDescription>{description}</FieldDescription>
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
      <OptionsPopover emptyText={emptyText} />
    </ComboBox>
  )
}
