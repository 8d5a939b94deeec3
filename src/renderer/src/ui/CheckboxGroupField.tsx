import { Checkbox, CheckboxGroup, Label } from 'react-aria-components'
import {
  ariaFieldState,
  CheckMark,
  ChoiceText,
  FieldDescription,
  FieldErrorMessage,
  type TFieldProps,
} from './fieldParts'
import type { TChoiceOption } from './RadioGroupField'
import './ChoiceFields.css'

export type TCheckboxGroupFieldProps = TFieldProps & {
  options: readonly TChoiceOption[]
  value: readonly string[]
  onChange: (value: string[]) => void
  /** Lay the boxes out in columns when there are many. */
  columns?: 1 | 2 | 3
}

/** Several answers out of a list (React Aria CheckboxGroup): Tab moves box to box, Space ticks. */
export function CheckboxGroupField({
  label,
  options,
  value,
  onChange,
  description,
  columns = 1,
  ...field
}: TCheckboxGroupFieldProps) {
  return (
    <CheckboxGroup
      value={[...value]}
      onChange={onChange}
      validationBehavior="aria"
      className="ui-field ui-choice-group"
      {...ariaFieldState(field)}
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
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
    </CheckboxGroup>
  )
}
