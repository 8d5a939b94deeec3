import type { ReactNode } from 'react'
import './EmptyState.css'

export type TEmptyStateProps = {
  /** A decorative icon (the kit's icons are aria-hidden). */
  icon: ReactNode
  title: string
  /** What will appear here, in the caseworker's words. */
  body: string
  /** A short line of context under the body, e.g. when the feature arrives. */
  note?: string
  /** A badge beside the title. */
  badge?: ReactNode
  /** A primary action, only when there is an honest one to offer. */
  action?: ReactNode
  /** Heading level for the title: 2 on a page under its h1. */
  headingLevel?: 2 | 3
}

/** What a screen shows before it has anything to list: what will be here, and why it is empty. */
export function EmptyState({ icon, title, body, note, badge, action, headingLevel = 2 }: TEmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="ui-empty-state">
      <div className="ui-empty-state__icon">{icon}</div>
      <div className="ui-empty-state__heading">
        <Heading className="ui-empty-state__title">{title}</Heading>
        {badge}
      </div>
      <p className="ui-empty-state__body">{body}</p>
      {note ? <p className="ui-empty-state__note">{note}</p> : null}
      {action ? <div className="ui-empty-state__action">{action}</div> : null}
    </section>
  )
}
