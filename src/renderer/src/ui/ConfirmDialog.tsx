import type { ReactNode } from 'react'
import { DialogFooter, ModalDialog, type TModalDialogProps } from './ModalDialog'

export type TConfirmDialogProps = {
  isOpen: boolean
  /** Cancel or Escape (not while the action runs). */
  onClose: () => void
  title: string
  /** What will happen, and why it matters. */
  children: ReactNode
  onConfirm: () => void
  confirmLabel: string
  /** The confirm button's words while the action runs; defaults to confirmLabel. */
  busyLabel?: string
  cancelLabel: string
  isBusy?: boolean
  error?: string | null
  isDanger?: boolean
  /** Cancel takes focus when the dialog opens. */
  isCancelFocused?: boolean
  size?: TModalDialogProps['size']
}

/** Asks before an action that cannot be undone (role alertdialog): the body says what happens, then Cancel + act. */
export function ConfirmDialog({
  isOpen,
  onClose,
  title,
  children,
  onConfirm,
  confirmLabel,
  busyLabel,
  cancelLabel,
  isBusy = false,
  error = null,
  isDanger = false,
  isCancelFocused = false,
  size = 'small',
}: TConfirmDialogProps) {
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={title}
      role="alertdialog"
      isDismissable={!isBusy}
      size={size}
    >
      {children}
      <DialogFooter
        error={error}
        cancelLabel={cancelLabel}
        onCancel={onClose}
        actionLabel={confirmLabel}
        {...(busyLabel === undefined ? {} : { busyLabel })}
        isBusy={isBusy}
        onAction={onConfirm}
        isDanger={isDanger}
        isCancelFocused={isCancelFocused}
      />
    </ModalDialog>
  )
}
