import { Label, Radio, RadioGroup } from 'react-aria-components'
import {
  ariaFieldState,
  ChoiceText,
  FieldDescription,
  FieldErrorMessage,
  type TFieldProps,
  type TOption,
} from './fieldParts'
import './ChoiceFields.css'

export type TChoiceOption = TOption

export type TRadioGroupFieldProps = TFieldProps & {
  options: readonly TChoiceOption[]
  /** The chosen option's id; '' or null means nothing chosen yet. */
  value: string | null
  onChange: (value: string) => void
  /** Options side by side (short answers like Yes / No) or one per line. */
  orientation?: 'horizontal' | 'vertical'
}

/**
 * One answer out of a few, all visible (React Aria RadioGroup): Tab enters the group at the chosen answer,
 * arrow keys move and choose, Tab leaves.
 */
export function RadioGroupField({
  label,
  options,
  value,
  onChange,
  description,
  orientation = 'horizontal',
  ...field
}: TRadioGroupFieldProps) {
  return (
    <RadioGroup
      value={value === '' ? null : value}
      onChange={onChange}
      orientation={orientation}
      validationBehavior="aria"
      className={`ui-field ui-choice-group ui-choice-group--${orientation}`}
      {...ariaFieldState(field)}
    >
      <Label className="ui-field__label">{label}</Label>
      <FieldDescription>{description}</FieldDescription>
      <div className="ui-choice-group__options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="ui-choice">
            <span className="ui-choice__mark ui-choice__mark--radio" aria-hidden="true" />
            <ChoiceText option={option} />
          </Radio>
        ))}
      </div>
      <FieldErrorMessage>{field.errorMessage}</FieldErrorMessage>
    </RadioGroup>
  )
}
