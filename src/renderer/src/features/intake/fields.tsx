import type { ParseKeys } from 'i18next'
import { useCallback, useId, type ReactNode } from 'react'
import { get, useFormState, useWatch, type FieldPath } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../shared/cases/intake-schema'
import {
  FormCheckbox,
  FormCheckboxGroupField,
  FormComboBoxField,
  FormDateField,
  FormNumberField,
  FormRadioGroupField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  type TFieldErrorWording,
  type TFormCheckboxGroupFieldProps,
  type TFormCheckboxProps,
  type TFormComboBoxFieldProps,
  type TFormRadioGroupFieldProps,
  type TFormSelectFieldProps,
  type TFormTextAreaFieldProps,
  type TFormTextFieldProps,
} from '../../ui'
import { isPastDate } from './draftDates'

export type TIntakePath = FieldPath<TIntakeInput>

/** Schema messages are translation keys (`vocab.validation.*`); anything else gets a generic sentence. */
export function useIssueText(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation()
  return useCallback(
    (message) => {
      if (message === undefined) return undefined
      if (message.startsWith('vocab.validation.')) return t(message as ParseKeys<'translation'>)
      return t('intake.errors.generic')
    },
    [t],
  )
}

/** The wizard's wording of its fields' errors (the kit's fields read it from FieldErrorWordingContext). */
export function useIntakeErrorWording(): TFieldErrorWording {
  const issueText = useIssueText()
  return useCallback((error) => issueText(error?.message), [issueText])
}

/** The wrapper every bound field sits in: the error summary finds the field by `data-field` and focuses it. */
function FieldSlot({ name, children, wide }: { name: string; children: ReactNode; wide: boolean }) {
  return (
    <div data-field={name} className={wide ? 'intake-field intake-field--wide' : 'intake-field'}>
      {children}
    </div>
  )
}

/** A bound field of the intake, with `name` typed against the intake and `wide` spanning the grid. */
type TIntake<P> = Omit<P, 'name'> & { name: TIntakePath; wide?: boolean }

export function IntakeText({ wide = false, ...props }: TIntake<TFormTextFieldProps<TIntakeInput>>) {
  return (
    <FieldSlot name={props.name} wide={wide}>
      <FormTextField<TIntakeInput> autoComplete="off" {...props} />
    </FieldSlot>
  )
}

export function IntakeTextArea({ wide = true, ...props }: TIntake<TFormTextAreaFieldProps<TIntakeInput>>) {
  return (
    <FieldSlot name={props.name} wide={wide}>
      <FormTextAreaField<TIntakeInput> rows={4} dir="auto" {...props} />
    </FieldSlot>
  )
}

/**
 * A date, through the app's one date input (the kit's DateField: year, month and day typed segment by segment in
 * the person's locale), stored as 'YYYY-MM-DD'. `warnIfPast`: a date before today gets a warning under the field
 * (a hearing that already happened is possible, but more often a typo); it never stops the person.
 */
export function IntakeDate({
  name,
  label,
  description,
  warnIfPast = false,
}: {
  name: TIntakePath
  label: string
  description: string
  warnIfPast?: boolean
}) {
  const { t } = useTranslation()
  const warningId = useId()
  const value = useWatch<TIntakeInput>({ name })
  const { errors } = useFormState<TIntakeInput>({ name })
  const warning =
    warnIfPast && get(errors, name) === undefined && typeof value === 'string' && isPastDate(value)
      ? t('intake.fields.pastDate')
      : null
  return (
    <FieldSlot name={name} wide={false}>
      <FormDateField<TIntakeInput>
        name={name}
        label={label}
        description={description}
        {...(warnIfPast ? { 'aria-describedby': warningId } : {})}
      />
      {warnIfPast ? (
        <div id={warningId} aria-live="polite" className="intake-date__warning">
          {warning === null ? null : (
            <>
              <span aria-hidden="true">⚠ </span>
              {warning}
            </>
          )}
        </div>
      ) : null}
    </FieldSlot>
  )
}

export function IntakeRadio({ wide = true, ...props }: TIntake<TFormRadioGroupFieldProps<TIntakeInput>>) {
  return (
    <FieldSlot name={props.name} wide={wide}>
      <FormRadioGroupField<TIntakeInput> {...props} />
    </FieldSlot>
  )
}

/** A drop-down for an optional answer: its first option, "Not answered", stores ''. */
export function IntakeSelect({ wide = false, ...props }: TIntake<TFormSelectFieldProps<TIntakeInput>>) {
  const { t } = useTranslation()
  return (
    <FieldSlot name={props.name} wide={wide}>
      <FormSelectField<TIntakeInput> emptyOption={t('intake.fields.notAnswered')} {...props} />
    </FieldSlot>
  )
}

/** Pick one item of a long list (a country, a language) by typing part of its name. */
export function IntakeCombo({
  wide = false,
  ...props
}: TIntake<Omit<TFormComboBoxFieldProps<TIntakeInput>, 'emptyText' | 'showListLabel'>>) {
  const { t } = useTranslation()
  return (
    <FieldSlot name={props.name} wide={wide}>
      <FormComboBoxField<TIntakeInput>
        {...props}
        emptyText={t('intake.fields.noMatches')}
        showListLabel={t('intake.fields.showList')}
      />
    </FieldSlot>
  )
}

export function IntakeCheckbox({ wide = true, ...props }: TIntake<TFormCheckboxProps<TIntakeInput>>) {
  return (
    <FieldSlot name={props.name} wide={wide}>
      <FormCheckbox<TIntakeInput> id={`intake-${props.name.replaceAll('.', '-')}`} {...props} />
    </FieldSlot>
  )
}

export function IntakeCheckboxGroup({
  wide = true,
  ...props
}: TIntake<TFormCheckboxGroupFieldProps<TIntakeInput>>) {
  return (
    <FieldSlot name={props.name} wide={wide}>
      <FormCheckboxGroupField<TIntakeInput> {...props} />
    </FieldSlot>
  )
}

/** Approximate age in whole years; an empty field stores null. The form, not the field, checks the range. */
export function IntakeAge({
  name,
  label,
  description,
}: {
  name: TIntakePath
  label: string
  description: string
}) {
  const { t } = useTranslation()
  return (
    <FieldSlot name={name} wide={false}>
      <FormNumberField<TIntakeInput>
        name={name}
        label={label}
        description={description}
        minValue={0}
        maxValue={120}
        isClamped={false}
        decrementLabel={t('intake.fields.decreaseAge')}
        incrementLabel={t('intake.fields.increaseAge')}
      />
    </FieldSlot>
  )
}
