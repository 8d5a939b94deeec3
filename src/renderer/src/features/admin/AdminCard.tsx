import type { ReactNode } from 'react'

export type TAdminCardProps = {
  /** The title's id, which names the card for screen readers. */
  id: string
  title: string
  /** What the action does, in a sentence or two. */
  explain: string
  /** A warning under the explanation (a Notice), for actions that replace or expose data. */
  warning?: ReactNode
  /** What to know before acting, as a short list. */
  points?: readonly string[]
  /** Red-edged: the action replaces the vault's content or writes plaintext. */
  isCaution?: boolean
  /** The action's controls and its outcome. */
  children: ReactNode
}

/** One admin action (back up, restore, import, export) in its panel: title, explanation, then the controls. */
export function AdminCard({
  id,
  title,
  explain,
  warning,
  points,
  isCaution = false,
  children,
}: TAdminCardProps) {
  return (
    <section
      aria-labelledby={id}
      className={isCaution ? 'ui-panel admin-card admin-card--caution' : 'ui-panel admin-card'}
    >
      <h3 id={id} className="admin-card__title">
        {title}
      </h3>
      <p className="admin-card__text">{explain}</p>
      {warning}
      {points === undefined ? null : (
        <ul className="admin-card__points">
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      )}
      {children}
    </section>
  )
}
