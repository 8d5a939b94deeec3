import type { BaseSyntheticEvent, ReactNode } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Form, FormFieldset, Notice, SubmitButton } from '../../ui'
import type { TCaseErrorKey } from './errors'
import { useFieldErrorText } from './fieldErrors'

export type TCaseAddFormProps<T extends FieldValues> = {
  form: UseFormReturn<T>
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>
  className: string
  /** Names the fields for screen readers (the visible heading sits above the form). */
  legend: string
  serverError: TCaseErrorKey | null
  submitLabel: string
  submitVariant?: 'primary' | 'secondary'
  children: ReactNode
}

/**
 * The case page's "add" forms (a task, a timeline entry). Nothing is disabled while saving, because a disabled
 * control drops focus to the page; the kit's form ignores a second submit while one is on its way instead.
 */
export function CaseAddForm<T extends FieldValues>({
  form,
  onSubmit,
  className,
  legend,
  serverError,
  submitLabel,
  submitVariant = 'secondary',
  children,
}: TCaseAddFormProps<T>) {
  const { t } = useTranslation()
  const errorWording = useFieldErrorText()
  return (
    <Form form={form} onSubmit={onSubmit} errorWording={errorWording} className={className}>
      <FormFieldset legend={legend} isDisabledWhileSubmitting={false}>
        {children}
      </FormFieldset>
      {serverError ? (
        <Notice tone="danger" live="alert">
          {t(`casePage.errors.${serverError}`)}
        </Notice>
      ) : null}
      <div className="case-form__actions">
        <SubmitButton
          label={submitLabel}
          busyLabel={t('casePage.common.saving')}
          variant={submitVariant}
          isEnabledWhileSubmitting
        />
      </div>
    </Form>
  )
}
