import type { ReactNode } from 'react'
import './status-tokens.css'
import './Notice.css'

export type TNoticeProps = {
  tone: 'info' | 'success' | 'warning' | 'danger'
  title?: string
  children: ReactNode
  /**
   * 'status' announces politely, 'alert' interrupts; 'none' for text that is there from the start.
   * The region must exist before its text changes to be announced.
   */
  live?: 'status' | 'alert' | 'none'
}

/** A message in a tinted box. The words carry the meaning; the colour only supports them. */
export function Notice({ tone, title, children, live = 'none' }: TNoticeProps) {
  return (
    <div className={`ui-notice ui-notice--${tone}`} role={live === 'none' ? undefined : live}>
      {title ? <p className="ui-notice__title">{title}</p> : null}
      <div className="ui-notice__body">{children}</div>
    </div>
  )
}
