import type { BaseSyntheticEvent, ReactNode } from 'react'
import { useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { Form, FormFieldset } from './form/Form'
import type { TFieldErrorWording } from './form/fieldErrorWording'
import { DialogFooter, ModalDialog, type TModalDialogProps } from './ModalDialog'

export type TFormDialogProps<T extends FieldValues, TOut extends FieldValues = T> = {
  isOpen: boolean
  /** Cancel, Escape, or a click outside while nothing was typed. Reset the form here if it is kept. */
  onClose: () => void
  /** The dialog's accessible name, and the fields' group name. */
  title: string
  role?: TModalDialogProps['role']
  size?: TModalDialogProps['size']
  /** Above the form: what the dialog does, to whom, and any warning. */
  intro?: ReactNode
  /** The dialog's `useForm()`; its fields are the children, bound by name. */
  form: UseFormReturn<T, unknown, TOut>
  /** `form.handleSubmit(...)`: on success, close the dialog from there. */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>
  errorWording?: TFieldErrorWording
  /** A refusal not tied to one field, already in words. */
  error?: string | null
  cancelLabel: string
  submitLabel: string
  /** The submit button's words while the form is being sent ("Saving…"). */
  submittingLabel: string
  isDanger?: boolean
  children: ReactNode
}

/**
 * A dialog around a form: the fields are disabled while it is sent, Escape and Cancel close it (not while
 * sending), a click outside does not throw away what was typed, and a refusal is announced above Cancel + Submit.
 */
export function FormDialog<T extends FieldValues, TOut extends FieldValues = T>({
  isOpen,
  onClose,
  title,
  role = 'dialog',
  size = 'medium',
  intro,
  form,
  onSubmit,
  errorWording,
  error = null,
  cancelLabel,
  submitLabel,
  submittingLabel,
  isDanger = false,
  children,
}: TFormDialogProps<T, TOut>) {
  const { isSubmitting, isDirty } = useFormState({ control: form.control })
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={title}
      role={role}
      size={size}
      isDismissable={!isSubmitting}
      isOutsideClickDismissable={!isDirty}
    >
      {intro}
      <Form form={form} onSubmit={onSubmit} {...(errorWording === undefined ? {} : { errorWording })}>
        <FormFieldset legend={title}>{children}</FormFieldset>
        <DialogFooter
          error={error}
          cancelLabel={cancelLabel}
          onCancel={onClose}
          actionLabel={submitLabel}
          busyLabel={submittingLabel}
          isBusy={isSubmitting}
          isDanger={isDanger}
        />
      </Form>
    </ModalDialog>
  )
}
