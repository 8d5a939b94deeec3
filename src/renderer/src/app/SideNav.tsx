import { Link } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { useSignedInStaff } from '../features/vault'
import { isSectionCurrent, sectionsFor } from './sections'
import { useAppInfo } from './useAppInfo'

/** The sections of the app the signed-in person can use. The current one carries `aria-current="page"`. */
export function SideNav() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const appInfo = useAppInfo()
  const { role } = useSignedInStaff()

  return (
    <nav className="side-nav" aria-label={t('frame.navLabel')}>
      <ul className="side-nav__list">
        {sectionsFor(role).map((section) => {
          const isCurrent = isSectionCurrent(section, pathname)
          const SectionIcon = section.icon
          return (
            <li key={section.id}>
              <Link
                href={section.path}
                aria-current={isCurrent ? 'page' : undefined}
                className="side-nav__link"
              >
                <SectionIcon size={20} />
                <span>{t(`nav.${section.id}`)}</span>
              </Link>
            </li>
          )
        })}
      </ul>
      <div className="side-nav__footer">
        <p>{t('app.offlineNote')}</p>
        {appInfo ? <p>{t('app.version', { version: appInfo.version })}</p> : null}
      </div>
    </nav>
  )
}
