import { useTranslation } from 'react-i18next'
import { CompassIcon, LinkButton, PageHeader } from '../ui'

/** Any address the app does not know, e.g. a stale link. */
export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <div className="not-found">
        <div className="not-found__icon">
          <CompassIcon size={32} />
        </div>
        <p>{t('notFound.body')}</p>
        <LinkButton href="/" variant="primary">
          {t('notFound.backLink')}
        </LinkButton>
      </div>
    </>
  )
}
