import type { ReactNode } from 'react'

export type TAdminSectionProps = {
  /** The heading's id, which names the section for screen readers. */
  id: string
  title: string
  /** A sentence under the title: what this part of the console is for. */
  lede: string
  /** Buttons at the end of the header, e.g. "Add staff member". */
  actions?: ReactNode
  children: ReactNode
}

/** One admin tab's page: its h2 (named region), the lede, header actions, then the content. */
export function AdminSection({ id, title, lede, actions, children }: TAdminSectionProps) {
  return (
    <section aria-labelledby={id} className="admin-section">
      <div className="admin-section__header">
        <div>
          <h2 id={id} className="admin-section__title">
            {title}
          </h2>
          <p className="admin-section__lede">{lede}</p>
        </div>
        {actions}
      </div>
      {children}
    </section>
  )
}
