import { Label, Radio, RadioGroup } from 'react-aria-components'
import { ChoiceText, FieldDescription, FieldErrorMessage, type TOption } from './fieldParts'
import './ChoiceFields.css'

export type TChoiceOption = TOption

export type TRadioGroupFieldProps = {
  label: string
  options: readonly TChoiceOption[]
  /** The chosen option's id; '' or null means nothing chosen yet. */
  value: string | null
  onChange: (value: string) => void
  description?: string
  errorMessage?: string | undefined
  isDisabled?: boolean
  isRequired?: boolean
  name?: string
  /** Options side by side (short answers like Yes / No) or one per line. */
  orientation?: 'horizontal' | 'vertical'
  /** Put on the group, so a form can find and focus it. */
  id?: string
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
  errorMessage,
  isDisabled,
  isRequired,
  name,
  orientation = 'horizontal',
  id,
}: TRadioGroupFieldProps) {
  return (
    <RadioGroup
      value={value === '' ? null : value}
      onChange={onChange}
      orientation={orientation}
      isInvalid={errorMessage !== undefined}
      validationBehavior="aria"
      className={`ui-field ui-choice-group ui-choice-group--${orientation}`}
      {...(id === undefined ? {} : { id })}
      {...(isDisabled === undefined ? {} : { isDisabled })}
      {...(isRequired === undefined ? {} : { isRequired })}
      {...(name === undefined ? {} : { name })}
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
      <FieldErrorMessage>{errorMessage}</FieldErrorMessage>
    </RadioGroup>
  )
}
