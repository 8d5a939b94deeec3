import { Checkbox, CheckboxGroup, Label } from 'react-aria-components'
import { CheckMark, ChoiceText, FieldDescription, FieldErrorMessage } from './fieldParts'
import type { TChoiceOption } from './RadioGroupField'
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
      <FieldDescription>{description}</FieldDescription>
      <div className={`ui-choice-group__options ui-choice-group__options--columns-${columns}`}>
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="ui-choice">
            <span className="ui-choice__mark ui-choice__mark--checkbox" aria-hidden="true">
              <CheckMark />
            </span>
            <ChoiceText option={option} />
          </Checkbox>
        ))}
      </div>
      <FieldErrorMessage>{errorMessage}</FieldErrorMessage>
    </CheckboxGroup>
  )
}
