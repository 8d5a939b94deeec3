import type { ReactNode } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
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
