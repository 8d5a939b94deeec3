import {
  Button as AriaButton,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components'
import type { TSelectOption } from './SelectField'
import './status-tokens.css'
import './fields.css'
import './SelectField.css'
import './MultiSelectField.css'

export type TMultiSelectFieldProps = {
  label: string
  options: readonly TSelectOption[]
  /** The chosen options' ids, in any order; empty shows the placeholder. */
  value: readonly string[]
  onChange: (value: string[]) => void
  /** What no choice means, e.g. "All statuses". */
  placeholder: string
  description?: string
  isDisabled?: boolean
  name?: string
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
  isDisabled,
  name,
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
      {...(isDisabled === undefined ? {} : { isDisabled })}
      {...(name === undefined ? {} : { name })}
    >
      <Label className="ui-field__label">{label}</Label>
      <AriaButton className="ui-field__control ui-select__button">
        <SelectValue className="ui-select__value">
          {({ selectedText, defaultChildren, isPlaceholder }) =>
            // The whole choice on hover too: several labels rarely fit a narrow button.
            isPlaceholder ? defaultChildren : <span title={chosenText}>{selectedText}</span>
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
      <Popover className="ui-select__popover" offset={4}>
        <ListBox className="ui-select__list" items={options}>
          {(option) => (
            <ListBoxItem
              id={option.id}
              textValue={option.label}
              className="ui-select__option ui-multi-select__option"
            >
              {({ isSelected }) => (
                <>
                  <span
                    className={
                      isSelected
                        ? 'ui-multi-select__box ui-multi-select__box--checked'
                        : 'ui-multi-select__box'
                    }
                    aria-hidden="true"
                  >
                    {isSelected ? (
                      <svg viewBox="0 0 16 16" width="12" height="12" focusable="false">
                        <path
                          d="M3.5 8.5 6.5 11.5 12.5 4.5"
                          fill="none"
                          stroke="currentColor"
                          strokeWidth="2.25"
                        />
                      </svg>
                    ) : null}
                  </span>
                  <Text slot="label" className="ui-select__option-label">
                    {option.label}
                  </Text>
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  )
}
