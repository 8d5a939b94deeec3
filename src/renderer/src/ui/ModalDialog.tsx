import type { ReactNode } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { Button } from './Button'
import { Notice } from './Notice'
import './status-tokens.css'
import './ModalDialog.css'

export type TModalDialogProps = {
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
  title: string
  children: ReactNode
  /** 'alertdialog' for confirmations of something that cannot be undone. */
  role?: 'dialog' | 'alertdialog'
  /** Escape and a click outside close it; off while something is being saved. */
  isDismissable?: boolean
  /**
   * Whether a click outside closes it (defaults to isDismissable). Turn off while a form holds typed data,
   * so a stray click does not discard it; Escape and the Cancel button still close it.
   */
  isOutsideClickDismissable?: boolean
  size?: 'small' | 'medium' | 'large'
}

/**
 * A modal dialog: focus moves in and is trapped, Escape closes, focus returns to what opened it.
 * The title is the dialog's accessible name.
 */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
  isDismissable = true,
  isOutsideClickDismissable = isDismissable,
  size = 'medium',
}: TModalDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable && isOutsideClickDismissable}
      isKeyboardDismissDisabled={!isDismissable}
      className="ui-modal-overlay"
    >
      <Modal className={`ui-modal ui-modal--${size}`}>
        <Dialog role={role} className="ui-modal__dialog">
          <Heading slot="title" className="ui-modal__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}

/** The buttons at the bottom of a dialog, aligned to the end. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="ui-modal__actions">{children}</div>
}

export type TDialogFooterProps = {
  /** What went wrong, already in words; announced when it appears. */
  error?: string | null
  cancelLabel: string
  onCancel: () => void
  /** The primary action's words, and its words while it runs ("Saving…"); the same when it is instant. */
  actionLabel: string
  busyLabel?: string
  isBusy?: boolean
  /** Without it the action is the form's submit button. */
  onAction?: () => void
  /** Red, for an action that destroys or replaces something. */
  isDanger?: boolean
  /** Cancel takes focus when the dialog opens: the safe choice for something that cannot be undone. */
  isCancelFocused?: boolean
}

/** A dialog's error notice and its Cancel + primary buttons, both disabled while the action runs. */
export function DialogFooter({
  error = null,
  cancelLabel,
  onCancel,
  actionLabel,
  busyLabel = actionLabel,
  isBusy = false,
  onAction,
  isDanger = false,
  isCancelFocused = false,
}: TDialogFooterProps) {
  return (
    <>
      {error === null ? null : (
        <Notice tone="danger" live="alert">
          {error}
        </Notice>
      )}
      <DialogActions>
        <Button onPress={onCancel} isDisabled={isBusy} {...(isCancelFocused ? { autoFocus: true } : {})}>
          {cancelLabel}
        </Button>
        <Button
          variant={isDanger ? 'danger' : 'primary'}
          isDisabled={isBusy}
          {...(onAction === undefined ? { type: 'submit' as const } : { onPress: onAction })}
        >
          {isBusy ? busyLabel : actionLabel}
        </Button>
      </DialogActions>
    </>
  )
}
