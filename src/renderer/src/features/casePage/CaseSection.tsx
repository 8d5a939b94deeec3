import type { ReactNode, Ref } from 'react'

export type TCaseSectionProps = {
  /** The title's id, which names the section for screen readers. */
  id: string
  title: string
  /** A line under the title (a count, what the section holds). */
  lede?: ReactNode
  /** A button beside the title, e.g. "Record consent". */
  action?: ReactNode
  /** The narrow column's panels (tasks, consent) sit tighter. */
  isSidePanel?: boolean
  sectionRef?: Ref<HTMLElement>
  children: ReactNode
}

/** One part of the case page in its panel: the h2 (a named region), an optional action and lede, the content. */
export function CaseSection({
  id,
  title,
  lede,
  action,
  isSidePanel = false,
  sectionRef,
  children,
}: TCaseSectionProps) {
  const heading = (
    <h2 id={id} className="case-section__title">
      {title}
    </h2>
  )
  return (
    <section
      ref={sectionRef}
      className={isSidePanel ? 'ui-panel case-section case-panel' : 'ui-panel case-section'}
      aria-labelledby={id}
    >
      {action === undefined ? (
        heading
      ) : (
        <div className="case-section__header">
          {heading}
          {action}
        </div>
      )}
      {lede === undefined ? null : <p className="case-section__lede">{lede}</p>}
      {children}
    </section>
  )
}
