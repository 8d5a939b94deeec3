import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { AdminIcon, EmptyState, PageHeader } from '../../ui'
import { useSignedInStaff } from '../vault'
import { AdminTabs } from './AdminTabs'
import './AdminPage.css'

/** Accounts, the audit trail, backups and device settings: for admins. Others see why they cannot manage them. */
export function AdminPage() {
  const { t } = useTranslation()
  const { role } = useSignedInStaff()
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.lede')} />
      {role === 'admin' ? (
        <>
          <AdminTabs />
          <div className="admin-panel">
            <Outlet />
          </div>
        </>
      ) : (
        <EmptyState
          icon={<AdminIcon size={32} />}
          title={t('admin.adminsOnly.title')}
          body={t('admin.adminsOnly.body')}
          note={t('admin.adminsOnly.note')}
        />
      )}
    </>
  )
}
