import type { ReactNode } from 'react'
import './PageHeader.css'

export type TPageHeaderProps = {
  /** The page's one h1. */
  title: string
  /** A sentence under the title saying what the page is for. */
  description?: string
  /** Page-level actions, aligned to the end of the header. */
  actions?: ReactNode
}

/**
 * The top of every page. The h1 takes focus (programmatically, tabIndex -1) after navigation so that
 * screen-reader users hear where they arrived.
 */
export function PageHeader({ title, description, actions }: TPageHeaderProps) {
  return (
    <div className="ui-page-header">
      <div className="ui-page-header__text">
        <h1 className="ui-page-header__title" tabIndex={-1} data-page-title="">
          {title}
        </h1>
        {description ? <p className="ui-page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="ui-page-header__actions">{actions}</div> : null}
    </div>
  )
}
