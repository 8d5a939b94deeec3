import type { ReactNode } from 'react'
import './Badge.css'

export type TBadgeProps = {
  children: ReactNode
  tone?: 'neutral' | 'accent' | 'indigo'
}

/** A short status label. Text only: never the sole carrier of meaning through colour. */
export function Badge({ children, tone = 'neutral' }: TBadgeProps) {
  return <span className={`ui-badge ui-badge--${tone}`}>{children}</span>
}
