import type { FieldValues } from 'react-hook-form'
import { Checkbox, type TCheckboxProps } from '../Checkbox'
import { CheckboxGroupField, type TCheckboxGroupFieldProps } from '../CheckboxGroupField'
import { ComboBoxField, type TComboBoxFieldProps } from '../ComboBoxField'
import { RadioGroupField, type TRadioGroupFieldProps } from '../RadioGroupField'
import { SelectField, type TSelectFieldProps } from '../SelectField'
import type { TBound, TUnbound } from './FormTextFields'
import { textOf, useBoundField } from './useBoundField'

/** Stands for "no answer" in a list, so that choosing it stores ''. */
const EMPTY_OPTION = '__empty'

export type TFormSelectFieldProps<T extends FieldValues> = Omit<TSelectFieldProps, TUnbound> &
  TBound<T> & {
    /** A first option that stores '' ("Not answered", "Not recorded"); without it '' shows the placeholder. */
    emptyOption?: string
  }

/** The kit's SelectField bound to the surrounding form by `name`; the value is the option's id, or ''. */
export function FormSelectField<T extends FieldValues = FieldValues>({
  name,
  issues,
  emptyOption,
  options,
  ...props
}: TFormSelectFieldProps<T>) {
  const { field, bound, choose } = useBoundField<T>(name, issues)
  const empty = emptyOption === undefined ? null : EMPTY_OPTION
  return (
    <SelectField
      {...props}
      name={bound.name}
      errorMessage={bound.errorMessage}
      options={empty === null ? options : [{ id: EMPTY_OPTION, label: emptyOption ?? '' }, ...options]}
      value={textOf(field.value) || empty}
      onChange={(value) => choose(value === null || value === EMPTY_OPTION ? '' : value)}
    />
  )
}

export type TFormRadioGroupFieldProps<T extends FieldValues> = Omit<TRadioGroupFieldProps, TUnbound> &
  TBound<T> & {
    /** For a value that is not an option id (e.g. true/false): the id to show, and the value an id stores. */
    toOption?: (value: unknown) => string
    fromOption?: (id: string) => unknown
  }

/** The kit's RadioGroupField bound to the surrounding form by `name`. */
export function FormRadioGroupField<T extends FieldValues = FieldValues>({
  name,
  issues,
  toOption = textOf,
  fromOption = (id) => id,
  ...props
}: TFormRadioGroupFieldProps<T>) {
  const { field, bound, choose } = useBoundField<T>(name, issues)
  return (
    <RadioGroupField
      {...props}
      name={bound.name}
      errorMessage={bound.errorMessage}
      value={toOption(field.value)}
      onChange={(id) => choose(fromOption(id))}
    />
  )
}

export type TFormCheckboxGroupFieldProps<T extends FieldValues> = Omit<TCheckboxGroupFieldProps, TUnbound> &
  TBound<T>

/** The kit's CheckboxGroupField bound to the surrounding form by `name`; the value is the ticked ids. */
export function FormCheckboxGroupField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormCheckboxGroupFieldProps<T>) {
  const { field, bound, choose } = useBoundField<T>(name, issues)
  const ticked = Array.isArray(field.value) ? (field.value as string[]) : []
  return (
    <CheckboxGroupField
      {...props}
      name={bound.name}
      errorMessage={bound.errorMessage}
      value={ticked}
      onChange={choose}
    />
  )
}

export type TFormCheckboxProps<T extends FieldValues> = Omit<TCheckboxProps, TUnbound | 'isSelected'> &
  TBound<T> & {
    /** Called as well when the box is ticked or unticked, for what the page does with it. */
    onChange?: (isSelected: boolean) => void
  }

/** The kit's Checkbox bound to a true/false value of the surrounding form by `name`. */
export function FormCheckbox<T extends FieldValues = FieldValues>({
  name,
  issues,
  onChange,
  ...props
}: TFormCheckboxProps<T>) {
  const { field, bound, choose } = useBoundField<T>(name, issues)
  const { onBlur: _leave, ...checkboxBound } = bound
  const toggle = (isSelected: boolean) => {
    onChange?.(isSelected)
    choose(isSelected)
  }
  return <Checkbox {...props} {...checkboxBound} isSelected={field.value === true} onChange={toggle} />
}

export type TFormComboBoxFieldProps<T extends FieldValues> = Omit<TComboBoxFieldProps, TUnbound> & TBound<T>

/** The kit's ComboBoxField bound to the surrounding form by `name`; the value is the option's id, or ''. */
export function FormComboBoxField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormComboBoxFieldProps<T>) {
  const { field, bound, choose } = useBoundField<T>(name, issues)
  const { onBlur: _leave, ...comboBound } = bound
  return <ComboBoxField {...props} {...comboBound} value={textOf(field.value)} onChange={choose} />
}
