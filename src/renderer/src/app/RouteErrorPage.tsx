import { useTranslation } from 'react-i18next'
import { CompassIcon, LinkButton, PageHeader } from '../ui'

/**
 * Shown inside the frame when a screen throws; navigating anywhere clears it. Deliberately says nothing about
 * the error itself: its message could contain survivor data, and the person can do nothing with a stack trace.
 */
export function RouteErrorPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('routeError.title')} />
      <div className="not-found">
        <div className="not-found__icon">
          <CompassIcon size={32} />
        </div>
        <p>{t('routeError.body')}</p>
        <LinkButton href="/" variant="primary">
          {t('routeError.backLink')}
        </LinkButton>
      </div>
    </>
  )
}
