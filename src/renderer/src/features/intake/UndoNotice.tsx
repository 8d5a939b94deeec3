import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../ui'

export type TUndoMessage = { text: string; serial: number }

/**
 * "Adverse party 2 removed. [Undo]": said politely, and the Undo button takes focus, so a slip of Enter on a
 * Remove button costs one more Enter to put back. The region is always there (a region created with its
 * text is often not read); `message` null empties it. A new `serial` moves focus again.
 */
export function UndoNotice({ message, onUndo }: { message: TUndoMessage | null; onUndo: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const boxRef = useRef<HTMLDivElement>(null)
  const serial = message?.serial
  useEffect(() => {
    if (serial !== undefined) boxRef.current?.querySelector('button')?.focus()
  }, [serial])
  return (
    <div aria-live="polite" className="intake-undo" ref={boxRef}>
      {message === null ? null : (
        <p className="intake-undo__notice">
          <span id={id}>{message.text}</span>
          <Button variant="quiet" aria-describedby={id} onPress={onUndo}>
            {t('intake.fields.undo')}
          </Button>
        </p>
      )}
    </div>
  )
}

/** The latest removal, kept until it is undone or another one replaces it. */
export type TRemoved<T> = { index: number; value: T; message: TUndoMessage }
