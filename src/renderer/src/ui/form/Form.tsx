import type { BaseSyntheticEvent, ReactNode } from 'react'
import { Form as AriaForm } from 'react-aria-components'
import { FormProvider, useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { Button, type TButtonVariant } from '../Button'
import { FieldErrorWordingContext, type TFieldErrorWording } from './fieldErrorWording'
import './Form.css'

export type TFormProps<T extends FieldValues, TOut extends FieldValues = T> = {
  /** The page's (or dialog's) `useForm()`: fields inside read it by name through useFormContext. */
  form: UseFormReturn<T, unknown, TOut>
  /** `form.handleSubmit(...)`. A second submit while one is on its way is ignored. */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>
  /** Words field errors from the feature's catalog; without it the error's message is shown as it is. */
  errorWording?: TFieldErrorWording
  className?: string
  'aria-labelledby'?: string
  children: ReactNode
}

/**
 * A react-hook-form form: FormProvider for the fields, the feature's error wording, and a <form> that never shows
 * the browser's own validation bubbles (the zod schema decides, the fields say it).
 */
export function Form<T extends FieldValues, TOut extends FieldValues = T>({
  form,
  onSubmit,
  errorWording,
  className,
  children,
  ...props
}: TFormProps<T, TOut>) {
  const { isSubmitting } = useFormState({ control: form.control })
  const body = (
    <AriaForm
      validationBehavior="aria"
      className={['ui-form', className].filter(Boolean).join(' ')}
      aria-busy={isSubmitting || undefined}
      onSubmit={(event) => {
        if (isSubmitting) event.preventDefault()
        else void onSubmit(event)
      }}
      {...props}
    >
      {children}
    </AriaForm>
  )
  return (
    <FormProvider {...form}>
      {errorWording === undefined ? (
        body
      ) : (
        <FieldErrorWordingContext value={errorWording}>{body}</FieldErrorWordingContext>
      )}
    </FormProvider>
  )
}

export type TFormFieldsetProps = {
  /** Names the group for screen readers when the visible heading sits outside the form. */
  legend?: string
  /**
   * Whether the fields are disabled while the form is submitting (default). Off for forms that stay usable
   * (a disabled control under focus drops focus to the page); the form then ignores a second submit instead.
   */
  isDisabledWhileSubmitting?: boolean
  /** Disabled for a reason of the page's own, e.g. while what the form started runs after a confirmation. */
  isDisabled?: boolean
  className?: string
  children: ReactNode
}

/** The form's fields, disabled together while it is being sent. */
export function FormFieldset({
  legend,
  isDisabledWhileSubmitting = true,
  isDisabled = false,
  className,
  children,
}: TFormFieldsetProps) {
  const { isSubmitting } = useFormState()
  return (
    <fieldset
      disabled={isDisabled || (isDisabledWhileSubmitting && isSubmitting)}
      className={['ui-form__fieldset', className].filter(Boolean).join(' ')}
    >
      {legend === undefined ? null : <legend className="visually-hidden">{legend}</legend>}
      {children}
    </fieldset>
  )
}

export type TSubmitButtonProps = {
  label: string
  /** Shown while the form is being sent, e.g. "Saving…". */
  busyLabel: string
  variant?: TButtonVariant
  /** Disabled for a reason of the page's own (e.g. a countdown after too many attempts). */
  isDisabled?: boolean
  /** Stays enabled while submitting (see FormFieldset's isDisabledWhileSubmitting). */
  isEnabledWhileSubmitting?: boolean
}

/** The form's submit button: its busy words while the form is being sent. */
export function SubmitButton({
  label,
  busyLabel,
  variant = 'primary',
  isDisabled = false,
  isEnabledWhileSubmitting = false,
}: TSubmitButtonProps) {
  const { isSubmitting } = useFormState()
  return (
    <Button
      type="submit"
      variant={variant}
      isDisabled={isDisabled || (isSubmitting && !isEnabledWhileSubmitting)}
    >
      {isSubmitting ? busyLabel : label}
    </Button>
  )
}
