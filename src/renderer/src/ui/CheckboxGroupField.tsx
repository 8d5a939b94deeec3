import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components'
import type { TChoiceOption } from './RadioGroupField'
import './status-tokens.css'
import './fields.css'
import './ChoiceFields.css'

export type TCheckboxGroupFieldProps = {
  label: string
  options: readonly TChoiceOption[]
  value: readonly string[]
  onChange: (value: string[]) => void
  description?: string
  errorMessage?: string | undefined
  isDisabled?: boolean
  name?: string
  /** Lay the boxes out in columns when there are many. */
  columns?: 1 | 2 | 3
  id?: string
}

/** Several answers out of a list (React Aria CheckboxGroup): Tab moves box to box, Space ticks. */
export function CheckboxGroupField({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
  isDisabled,
  name,
  columns = 1,
  id,
}: TCheckboxGroupFieldProps) {
  return (
    <CheckboxGroup
      value={[...value]}
      onChange={onChange}
      isInvalid={errorMessage !== undefined}
      validationBehavior="aria"
      className="ui-field ui-choice-group"
      {...(id === undefined ? {} : { id })}
      {...(isDisabled === undefined ? {} : { isDisabled })}
      {...(name === undefined ? {} : { name })}
    >
      <Label className="ui-field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      ) : null}
      <div className={`ui-choice-group__options ui-choice-group__options--columns-${columns}`}>
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="ui-choice">
            <span className="ui-choice__mark ui-choice__mark--checkbox" aria-hidden="true">
              <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
                <path d="M3.5 8.5 6.5 11.5 12.5 4.5" fill="none" stroke="currentColor" strokeWidth="2.25" />
              </svg>
            </span>
            <span className="ui-choice__text">
              <span className="ui-choice__label">{option.label}</span>
              {option.description ? (
                <span className="ui-choice__description">{option.description}</span>
              ) : null}
            </span>
          </Checkbox>
        ))}
      </div>
      <FieldError className="ui-field__error">{errorMessage}</FieldError>
    </CheckboxGroup>
  )
}
