import { useTranslation } from 'react-i18next'
import { Badge, EmptyState, ReferralsIcon, PageHeader } from '../../ui'

/** Referrals to lawyers and organizations, and the packets printed for them. Empty until matching arrives. */
export function ReferralsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('referrals.title')} description={t('referrals.lede')} />
      <EmptyState
        icon={<ReferralsIcon size={32} />}
        title={t('referrals.emptyTitle')}
        badge={<Badge tone="indigo">{t('common.inDevelopment')}</Badge>}
        body={t('referrals.emptyBody')}
        note={t('referrals.emptyNote')}
      />
    </>
  )
}
