import type { FieldValues } from 'react-hook-form'
import { Checkbox, type TCheckboxProps } from '../Checkbox'
import { CheckboxGroupField, type TCheckboxGroupFieldProps } from '../CheckboxGroupField'
import { ComboBoxField, type TComboBoxFieldProps } from '../ComboBoxField'
import { RadioGroupField, type TRadioGroupFieldProps } from '../RadioGroupField'
import { SelectField, type TSelectFieldProps } from '../SelectField'
import type { TBound } from './FormTextFields'
import { errorProp, useBoundField } from './useBoundField'

/*
 * Choosing is a finished act: each choice also marks the field as visited (onBlur), so a form validating
 * "on touched" checks it at once, as it does a text field the person leaves.
 */

type TUnbound = 'value' | 'onChange' | 'name' | 'errorMessage' | 'inputRef'

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
  const { field, errorMessage } = useBoundField<T>(name, issues)
  const chosen = typeof field.value === 'string' && field.value !== '' ? field.value : null
  return (
    <SelectField
      {...props}
      errorMessage={errorMessage}
      name={field.name}
      options={emptyOption === undefined ? options : [{ id: EMPTY_OPTION, label: emptyOption }, ...options]}
      value={chosen ?? (emptyOption === undefined ? null : EMPTY_OPTION)}
      onChange={(value) => {
        field.onChange(value === null || value === EMPTY_OPTION ? '' : value)
        field.onBlur()
      }}
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
  toOption = (value) => (typeof value === 'string' ? value : ''),
  fromOption = (id) => id,
  ...props
}: TFormRadioGroupFieldProps<T>) {
  const { field, errorMessage } = useBoundField<T>(name, issues)
  return (
    <RadioGroupField
      {...props}
      errorMessage={errorMessage}
      name={field.name}
      value={toOption(field.value)}
      onChange={(id) => {
        field.onChange(fromOption(id))
        field.onBlur()
      }}
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
  const { field, errorMessage } = useBoundField<T>(name, issues)
  return (
    <CheckboxGroupField
      {...props}
      errorMessage={errorMessage}
      name={field.name}
      value={Array.isArray(field.value) ? (field.value as string[]) : []}
      onChange={(value) => {
        field.onChange(value)
        field.onBlur()
      }}
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
  const { field, errorMessage } = useBoundField<T>(name, issues)
  return (
    <Checkbox
      {...props}
      {...errorProp(errorMessage)}
      name={field.name}
      isSelected={field.value === true}
      onChange={(isSelected) => {
        onChange?.(isSelected)
        field.onChange(isSelected)
        field.onBlur()
      }}
      inputRef={field.ref}
    />
  )
}

export type TFormComboBoxFieldProps<T extends FieldValues> = Omit<TComboBoxFieldProps, TUnbound> & TBound<T>

/** The kit's ComboBoxField bound to the surrounding form by `name`; the value is the option's id, or ''. */
export function FormComboBoxField<T extends FieldValues = FieldValues>({
  name,
  issues,
  ...props
}: TFormComboBoxFieldProps<T>) {
  const { field, errorMessage } = useBoundField<T>(name, issues)
  return (
    <ComboBoxField
      {...props}
      errorMessage={errorMessage}
      name={field.name}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(value) => {
        field.onChange(value)
        field.onBlur()
      }}
      inputRef={field.ref}
    />
  )
}
