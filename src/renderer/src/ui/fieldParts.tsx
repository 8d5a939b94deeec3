import type { ReactNode } from 'react'
import {
  Button as AriaButton,
  FieldError,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
} from 'react-aria-components'
import './status-tokens.css'
import './fields.css'
import './Popover.css'
import './SelectField.css'

/*
 * The pieces every labelled field of the kit is made of, so each field only says what is its own:
 * the help under the label, the error message, the drop-down trigger and the list of options.
 */

/** What every labelled field of the kit takes besides its value and choices. */
export type TFieldProps = {
  label: string
  /** Help under the label, read with the field (aria-describedby). */
  description?: string
  /** Already translated; shown (and announced) while set. */
  errorMessage?: string | undefined
  isDisabled?: boolean
  isRequired?: boolean
  name?: string
  /** Put on the field, so a form can find and focus it. */
  id?: string
}

/** React Aria's props for a field's state: invalid while there is an error, and only the flags that are set. */
export function ariaFieldState({
  errorMessage,
  isDisabled,
  isRequired,
  name,
  id,
}: Omit<TFieldProps, 'label' | 'description'>) {
  return {
    isInvalid: errorMessage !== undefined,
    ...(isDisabled === undefined ? {} : { isDisabled }),
    ...(isRequired === undefined ? {} : { isRequired }),
    ...(name === undefined ? {} : { name }),
    ...(id === undefined ? {} : { id }),
  }
}

/** Help for a field, read with it (aria-describedby); nothing when there is none. */
export function FieldDescription({ children }: { children: ReactNode }) {
  if (children === undefined || children === null || children === '') return null
  return (
    <Text slot="description" className="ui-field__description">
      {children}
    </Text>
  )
}

/** The field's error, already translated: shown (and announced) while the field is invalid. */
export function FieldErrorMessage({ children }: { children: string | undefined }) {
  return <FieldError className="ui-field__error">{children}</FieldError>
}

/** The ▾ of a drop-down. */
export function ChevronDown({ className }: { className?: string }) {
  return (
    <svg
      className={className}
      width="16"
      height="16"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}

/** The ✓ inside a ticked box. */
export function CheckMark({ size = 14 }: { size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} focusable="false" aria-hidden="true">
      <path d="M3.5 8.5 6.5 11.5 12.5 4.5" fill="none" stroke="currentColor" strokeWidth="2.25" />
    </svg>
  )
}

/** A select's button: the chosen option's text (or the placeholder) and the chevron. */
export function SelectTrigger({ title }: { title?: string }) {
  return (
    <AriaButton className="ui-field__control ui-select__button">
      <SelectValue className="ui-select__value">
        {({ selectedText, defaultChildren, isPlaceholder }) =>
          isPlaceholder ? (
            defaultChildren
          ) : title === undefined ? (
            selectedText
          ) : (
            <span title={title}>{selectedText}</span>
          )
        }
      </SelectValue>
      <ChevronDown className="ui-select__chevron" />
    </AriaButton>
  )
}

/** One answer of a list, radio or checkbox group: its id, its words, and a line of explanation if needed. */
export type TOption = { id: string; label: string; description?: string }

/** The label and description of one option in a list. */
function OptionText({ option }: { option: TOption }) {
  return (
    <>
      <Text slot="label" className="ui-select__option-label">
        {option.label}
      </Text>
      {option.description ? (
        <Text slot="description" className="ui-select__option-description">
          {option.description}
        </Text>
      ) : null}
    </>
  )
}

/**
 * The pop-over list of a select or combo box. `options` for a fixed list (a select); without it the list shows
 * what its combo box filtered. `withCheckBoxes` for several choices: a box before each label.
 */
export function OptionsPopover({
  options,
  emptyText,
  withCheckBoxes = false,
}: {
  options?: readonly TOption[]
  emptyText?: string
  withCheckBoxes?: boolean
}) {
  return (
    <Popover className="ui-popover ui-select__popover" offset={4}>
      <ListBox<TOption>
        className="ui-select__list"
        {...(options === undefined ? {} : { items: options })}
        {...(emptyText === undefined
          ? {}
          : { renderEmptyState: () => <p className="ui-combo-box__empty">{emptyText}</p> })}
      >
        {(option) => (
          <ListBoxItem
            id={option.id}
            textValue={option.label}
            className={withCheckBoxes ? 'ui-select__option ui-multi-select__option' : 'ui-select__option'}
          >
            {withCheckBoxes ? (
              ({ isSelected }) => (
                <>
                  <span
                    className={
                      isSelected
                        ? 'ui-multi-select__box ui-multi-select__box--checked'
                        : 'ui-multi-select__box'
                    }
                    aria-hidden="true"
                  >
                    {isSelected ? <CheckMark size={12} /> : null}
                  </span>
                  <Text slot="label" className="ui-select__option-label">
                    {option.label}
                  </Text>
                </>
              )
            ) : (
              <OptionText option={option} />
            )}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  )
}

/** An answer's words in a radio or checkbox group: its label, and a line of explanation when it has one. */
export function ChoiceText({ option }: { option: TOption }) {
  return (
    <span className="ui-choice__text">
      <span className="ui-choice__label">{option.label}</span>
      {option.description ? <span className="ui-choice__description">{option.description}</span> : null}
    </span>
  )
}
