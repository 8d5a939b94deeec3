import type { FormEvent, ReactNode } from 'react'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { Button, Notice } from '../../ui'
import type { TCaseErrorKey } from './errors'

export type TCaseAddFormProps = {
  className: string
  /** Names the fields for screen readers (the visible heading sits above the form). */
  legend: string
  isSubmitting: boolean
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>
  serverError: TCaseErrorKey | null
  submitLabel: string
  submitVariant?: 'primary' | 'secondary'
  children: ReactNode
}

/**
 * The case page's "add" forms (a task, a timeline entry). Nothing is disabled while saving, because a disabled
 * control drops focus to the page; a second submit while one is on its way is ignored instead.
 */
export function CaseAddForm({
  className,
  legend,
  isSubmitting,
  onSubmit,
  serverError,
  submitLabel,
  submitVariant,
  children,
}: TCaseAddFormProps) {
  const { t } = useTranslation()
  return (
    <Form
      onSubmit={(event) => {
        if (isSubmitting) event.preventDefault()
        else void onSubmit(event)
      }}
      validationBehavior="aria"
      className={className}
      aria-busy={isSubmitting || undefined}
    >
      <fieldset className="case-form__fieldset">
        <legend className="visually-hidden">{legend}</legend>
        {children}
      </fieldset>
      {serverError ? (
        <Notice tone="danger" live="alert">
          {t(`casePage.errors.${serverError}`)}
        </Notice>
      ) : null}
      <div className="case-form__actions">
        <Button type="submit" {...(submitVariant === undefined ? {} : { variant: submitVariant })}>
          {isSubmitting ? t('casePage.common.saving') : submitLabel}
        </Button>
      </div>
    </Form>
  )
}
