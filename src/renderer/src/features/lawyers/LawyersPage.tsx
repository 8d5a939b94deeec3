import { useTranslation } from 'react-i18next'
import { Badge, EmptyState, LawyersIcon, PageHeader } from '../../ui'

/** The roster of volunteer lawyers. Empty until roster editing arrives. */
export function LawyersPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('lawyers.title')} description={t('lawyers.lede')} />
      <EmptyState
        icon={<LawyersIcon size={32} />}
        title={t('lawyers.emptyTitle')}
        badge={<Badge tone="indigo">{t('common.inDevelopment')}</Badge>}
        body={t('lawyers.emptyBody')}
        note={t('lawyers.emptyNote')}
      />
    </>
  )
}
