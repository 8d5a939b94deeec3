import { Link } from 'react-aria-components'
import './TabLinks.css'

export type TTabLink = { id: string; href: string; label: string }

export type TTabLinksProps = {
  /** Names the navigation landmark ("Admin sections"). */
  label: string
  tabs: readonly TTabLink[]
  /** The id of the page shown: its link carries aria-current="page". */
  current: string
  /** Spacing the section needs around the row. */
  className?: string
}

/** A section's sub-pages as links (each its own address), styled as tabs; the current one is marked for everyone. */
export function TabLinks({ label, tabs, current, className }: TTabLinksProps) {
  return (
    <nav className={['ui-tab-links', className].filter(Boolean).join(' ')} aria-label={label}>
      <ul className="ui-tab-links__list">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.href}
              aria-current={tab.id === current ? 'page' : undefined}
              className="ui-tab-links__link"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
