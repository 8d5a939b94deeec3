import type { ReactNode } from 'react'
import './Card.css'

export type TCardProps = {
  title: string
  /** Heading level for the title, so the page outline stays in order. */
  headingLevel?: 2 | 3
  /** A decorative icon (aria-hidden). */
  icon?: ReactNode
  children: ReactNode
  /** Links or buttons at the bottom of the card. */
  footer?: ReactNode
  tone?: 'default' | 'info'
}

/** A titled panel. Not itself interactive: put links or buttons in `footer`. */
export function Card({ title, headingLevel = 3, icon, children, footer, tone = 'default' }: TCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className={`ui-panel ui-card ui-card--${tone}`}>
      <div className="ui-card__header">
        {icon ? <div className="ui-card__icon">{icon}</div> : null}
        <Heading className="ui-card__title">{title}</Heading>
      </div>
      <div className="ui-card__body">{children}</div>
      {footer ? <div className="ui-card__footer">{footer}</div> : null}
    </article>
  )
}
