import { useTranslation } from 'react-i18next'
import { Badge, EmptyState, DirectoryIcon, PageHeader } from '../../ui'

/** The referral directory of organizations and legal services. Empty until the directory arrives. */
export function DirectoryPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('directory.title')} description={t('directory.lede')} />
      <EmptyState
        icon={<DirectoryIcon size={32} />}
        title={t('directory.emptyTitle')}
        badge={<Badge tone="indigo">{t('common.inDevelopment')}</Badge>}
        body={t('directory.emptyBody')}
        note={t('directory.emptyNote')}
      />
    </>
  )
}
