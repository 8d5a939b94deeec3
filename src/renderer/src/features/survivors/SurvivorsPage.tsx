import { useTranslation } from 'react-i18next'
import { Badge, EmptyState, SurvivorsIcon, PageHeader } from '../../ui'

/** The survivors CCIJ supports and their intakes. Empty until intake logging arrives. */
export function SurvivorsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('survivors.title')} description={t('survivors.lede')} />
      <EmptyState
        icon={<SurvivorsIcon size={32} />}
        title={t('survivors.emptyTitle')}
        badge={<Badge tone="indigo">{t('common.inDevelopment')}</Badge>}
        body={t('survivors.emptyBody')}
        note={t('survivors.emptyNote')}
      />
    </>
  )
}
