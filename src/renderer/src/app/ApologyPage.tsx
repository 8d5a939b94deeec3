import { useTranslation } from 'react-i18next'
import { CompassIcon, LinkButton, PageHeader } from '../ui'

/** A page that has nothing to show: what happened, and the way back to the start page. */
function ApologyPage({ texts }: { texts: 'notFound' | 'routeError' }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t(`${texts}.title`)} />
      <div className="not-found">
        <div className="not-found__icon">
          <CompassIcon size={32} />
        </div>
        <p>{t(`${texts}.body`)}</p>
        <LinkButton href="/" variant="primary">
          {t(`${texts}.backLink`)}
        </LinkButton>
      </div>
    </>
  )
}

/** Any address the app does not know, e.g. a stale link. */
export function NotFoundPage() {
  return <ApologyPage texts="notFound" />
}

/**
 * Shown inside the frame when a screen throws; navigating anywhere clears it. Deliberately says nothing about
 * the error itself: its message could contain survivor data, and the person can do nothing with a stack trace.
 */
export function RouteErrorPage() {
  return <ApologyPage texts="routeError" />
}
