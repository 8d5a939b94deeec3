import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { AdminIcon, BusyIndicator, EmptyState, PageHeader } from '../../ui'
import { AdminTabs } from './AdminTabs'
import { useStaffAccess } from './useStaffRole'
import './AdminPage.css'

/** Accounts, the audit trail, backups and device settings: for admins. Others see why they cannot manage them. */
export function AdminPage() {
  const { t } = useTranslation()
  const access = useStaffAccess()
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.lede')} />
      {access.state === 'loading' ? (
        <BusyIndicator label={t('adminConsole.loading')} />
      ) : access.role === 'admin' ? (
        <>
          <AdminTabs />
          <div className="admin-panel">
            <Outlet context={access} />
          </div>
        </>
      ) : (
        <EmptyState
          icon={<AdminIcon size={32} />}
          title={t('adminConsole.adminsOnly.title')}
          body={t('adminConsole.adminsOnly.body')}
          note={t('adminConsole.adminsOnly.note')}
        />
      )}
    </>
  )
}
