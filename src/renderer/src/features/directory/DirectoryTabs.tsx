import { Link } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

export type TDirectoryTab = 'organizations' | 'resources'

const TAB_PATHS: Record<TDirectoryTab, string> = {
  organizations: '/directory',
  resources: '/directory/resources',
}

/** The directory's two lists as links; the current one carries aria-current="page". */
export function DirectoryTabs({ current }: { current: TDirectoryTab }) {
  const { t } = useTranslation()
  return (
    <nav className="directory-tabs" aria-label={t('directory.tabs.label')}>
      <ul className="directory-tabs__list">
        {(Object.keys(TAB_PATHS) as TDirectoryTab[]).map((tab) => (
          <li key={tab}>
            <Link
              href={TAB_PATHS[tab]}
              aria-current={tab === current ? 'page' : undefined}
              className="directory-tabs__link"
            >
              {t(`directory.tabs.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
