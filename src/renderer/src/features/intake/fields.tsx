import type { ParseKeys } from 'i18next'
import { useCallback, useId, type ReactNode } from 'react'
import { useController, type FieldPath } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../shared/cases/intake-schema'
import {
  Checkbox,
  CheckboxGroupField,
  ComboBoxField,
  NumberField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  type TChoiceOption,
} from '../../ui'
import { isPastDate, normalizeDateText } from './draftDates'

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

/** The wrapper every bound field sits in: the error summary finds the field by `data-field` and focuses it. */
function FieldSlot({ name, children, wide }: { name: string; children: ReactNode; wide?: boolean }) {
  return (
    <div data-field={name} className={wide ? 'intake-field intake-field--wide' : 'intake-field'}>
      {children}
    </div>
  )
}

function useBound(name: TIntakePath) {
  const { field, fieldState } = useController<TIntakeInput>({ name })
  const issueText = useIssueText()
  return { field, errorMessage: issueText(fieldState.error?.message) }
}

type TTextProps = {
  name: TIntakePath
  label: string
  description?: string
  type?: 'text' | 'email' | 'tel'
  dir?: 'auto'
  wide?: boolean
  autoComplete?: string
}

export function IntakeText({ name, label, description, type = 'text', dir, wide, autoComplete }: TTextProps) {
  const { field, errorMessage } = useBound(name)
  return (
    <FieldSlot name={name} wide={wide ?? false}>
      <TextField
        label={label}
        {...(description === undefined ? {} : { description })}
        type={type}
        value={typeof field.value === 'string' ? field.value : ''}
        onChange={field.onChange}
        onBlur={field.onBlur}
        name={field.name}
        inputRef={field.ref}
        autoComplete={autoComplete ?? 'off'}
        {...(errorMessage === undefined ? {} : { errorMessage })}
        {...(dir === undefined ? {} : { dir })}
      />
    </FieldSlot>
  )
}

export function IntakeTextArea({
  name,
  label,
  description,
  rows,
}: {
  name: TIntakePath
  label: string
  description?: string
  rows?: number
}) {
  const { field, errorMessage } = useBound(name)
  return (
    <FieldSlot name={name} wide>
      <TextAreaField
        label={label}
        {...(description === undefined ? {} : { description })}
        value={typeof field.value === 'string' ? field.value : ''}
        onChange={field.onChange}
        onBlur={field.onBlur}
        name={field.name}
        inputRef={field.ref}
        rows={rows ?? 4}
        dir="auto"
        errorMessage={errorMessage}
      />
    </FieldSlot>
  )
}

/**
 * A date typed as YYYY-MM-DD; other common forms (see `normalizeDateText`) are tidied when the field is left.
 * `warnIfPast`: a date before today gets a warning under the field (a hearing that already happened is
 * possible, but more often a typo); it never stops the person.
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
  const { t, i18n } = useTranslation()
  const warningId = useId()
  const { field, errorMessage } = useBound(name)
  const value = typeof field.value === 'string' ? field.value : ''
  const warning =
    warnIfPast && errorMessage === undefined && isPastDate(value) ? t('intake.fields.pastDate') : null
  return (
    <FieldSlot name={name}>
      <TextField
        label={label}
        description={description}
        {...(warnIfPast ? { 'aria-describedby': warningId } : {})}
        value={value}
        onChange={field.onChange}
        onBlur={() => {
          const tidy = normalizeDateText(value, i18n.language)
          if (tidy !== value) field.onChange(tidy)
          field.onBlur()
        }}
        name={field.name}
        inputRef={field.ref}
        inputMode="numeric"
        autoComplete="off"
        className="intake-date"
        {...(errorMessage === undefined ? {} : { errorMessage })}
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

export function IntakeRadio({
  name,
  label,
  options,
  description,
  orientation,
}: {
  name: TIntakePath
  label: string
  options: readonly TChoiceOption[]
  description?: string
  orientation?: 'horizontal' | 'vertical'
}) {
  const { field, errorMessage } = useBound(name)
  return (
    <FieldSlot name={name} wide>
      <RadioGroupField
        label={label}
        options={options}
        value={typeof field.value === 'string' ? field.value : ''}
        onChange={(value) => {
          field.onChange(value)
          field.onBlur()
        }}
        name={field.name}
        errorMessage={errorMessage}
        {...(description === undefined ? {} : { description })}
        {...(orientation === undefined ? {} : { orientation })}
      />
    </FieldSlot>
  )
}

const NOT_ANSWERED = '__not_answered'

/** A drop-down for an optional answer: its first option, "Not answered", stores ''. */
export function IntakeSelect({
  name,
  label,
  options,
  description,
}: {
  name: TIntakePath
  label: string
  options: readonly TChoiceOption[]
  description?: string
}) {
  const { t } = useTranslation()
  const { field, errorMessage } = useBound(name)
  const value = typeof field.value === 'string' && field.value !== '' ? field.value : NOT_ANSWERED
  return (
    <FieldSlot name={name}>
      <SelectField
        label={label}
        options={[{ id: NOT_ANSWERED, label: t('intake.fields.notAnswered') }, ...options]}
        value={value}
        onChange={(next) => {
          field.onChange(next === null || next === NOT_ANSWERED ? '' : next)
          field.onBlur()
        }}
        name={field.name}
        errorMessage={errorMessage}
        {...(description === undefined ? {} : { description })}
      />
    </FieldSlot>
  )
}

export function IntakeCombo({
  name,
  label,
  options,
  description,
}: {
  name: TIntakePath
  label: string
  options: readonly TChoiceOption[]
  description?: string
}) {
  const { t } = useTranslation()
  const { field, errorMessage } = useBound(name)
  return (
    <FieldSlot name={name}>
      <ComboBoxField
        label={label}
        options={options}
        value={typeof field.value === 'string' ? field.value : ''}
        onChange={(value) => {
          field.onChange(value)
          field.onBlur()
        }}
        name={field.name}
        inputRef={field.ref}
        errorMessage={errorMessage}
        emptyText={t('intake.fields.noMatches')}
        showListLabel={t('intake.fields.showList')}
        {...(description === undefined ? {} : { description })}
      />
    </FieldSlot>
  )
}

export function IntakeCheckbox({ name, children }: { name: TIntakePath; children: ReactNode }) {
  const { field, errorMessage } = useBound(name)
  return (
    <FieldSlot name={name} wide>
      <Checkbox
        id={`intake-${name.replaceAll('.', '-')}`}
        isSelected={field.value === true}
        onChange={(selected) => {
          field.onChange(selected)
          field.onBlur()
        }}
        name={field.name}
        inputRef={field.ref}
        {...(errorMessage === undefined ? {} : { errorMessage })}
      >
        {children}
      </Checkbox>
    </FieldSlot>
  )
}

export function IntakeCheckboxGroup({
  name,
  label,
  options,
  columns,
}: {
  name: TIntakePath
  label: string
  options: readonly TChoiceOption[]
  columns?: 1 | 2 | 3
}) {
  const { field, errorMessage } = useBound(name)
  return (
    <FieldSlot name={name} wide>
      <CheckboxGroupField
        label={label}
        options={options}
        value={Array.isArray(field.value) ? (field.value as string[]) : []}
        onChange={(value) => {
          field.onChange(value)
          field.onBlur()
        }}
        name={field.name}
        errorMessage={errorMessage}
        {...(columns === undefined ? {} : { columns })}
      />
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
  const { field, errorMessage } = useBound(name)
  return (
    <FieldSlot name={name}>
      <NumberField
        label={label}
        description={description}
        value={typeof field.value === 'number' ? field.value : Number.NaN}
        onChange={(value) => {
          field.onChange(Number.isNaN(value) ? null : value)
          field.onBlur()
        }}
        minValue={0}
        maxValue={120}
        isClamped={false}
        inputRef={field.ref}
        decrementLabel={t('intake.fields.decreaseAge')}
        incrementLabel={t('intake.fields.increaseAge')}
        errorMessage={errorMessage}
      />
    </FieldSlot>
  )
}
