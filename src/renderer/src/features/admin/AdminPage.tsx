import { useTranslation } from 'react-i18next'
import { Badge, EmptyState, AdminIcon, PageHeader } from '../../ui'

/** Accounts, recovery key, exports and the audit log. Empty until the vault's administration arrives. */
export function AdminPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.lede')} />
      <EmptyState
        icon={<AdminIcon size={32} />}
        title={t('admin.emptyTitle')}
        badge={<Badge tone="indigo">{t('common.inDevelopment')}</Badge>}
        body={t('admin.emptyBody')}
        note={t('admin.emptyNote')}
      />
    </>
  )
}
