import type { ReactNode, Ref } from 'react'
import './Section.css'

export type TSectionProps = {
  /** The title's id, which names the section (a region) for screen readers. */
  id: string
  title: string
  /** A line under the title: a count, or what the section holds. */
  lede?: ReactNode
  /** A button beside the title, e.g. "Record consent". */
  action?: ReactNode
  /** Tighter padding, for panels in a narrow side column. */
  isCompact?: boolean
  sectionRef?: Ref<HTMLElement>
  children: ReactNode
}

/**
 * One part of a detail page in its panel (a case's summary, timeline, tasks; a lawyer's memberships): an h2,
 * an optional action beside it and a lede under it, then the content.
 */
export function Section({ id, title, lede, action, isCompact = false, sectionRef, children }: TSectionProps) {
  const heading = (
    <h2 id={id} className="ui-section__title">
      {title}
    </h2>
  )
  return (
    <section
      ref={sectionRef}
      className={isCompact ? 'ui-panel ui-section ui-section--compact' : 'ui-panel ui-section'}
      aria-labelledby={id}
    >
      {action === undefined ? (
        heading
      ) : (
        <div className="ui-section__header">
          {heading}
          {action}
        </div>
      )}
      {lede === undefined ? null : <p className="ui-section__lede">{lede}</p>}
      {children}
    </section>
  )
}
