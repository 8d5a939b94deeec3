import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { TabLinks } from '../../ui'

export const ADMIN_TABS = [
  'accounts',
  'audit',
  'backup',
  'import-export',
  'settings',
  'recovery-key',
] as const
export type TAdminTab = (typeof ADMIN_TABS)[number]

/** /admin shows the accounts; every other tab has its own address. */
export function currentAdminTab(pathname: string): TAdminTab {
  const segment = pathname.split('/')[2]
  return ADMIN_TABS.find((tab) => tab === segment) ?? 'accounts'
}

/** The admin sub-sections as links; the current one carries aria-current="page". */
export function AdminTabs() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const tabs = ADMIN_TABS.map((tab) => ({
    id: tab,
    href: `/admin/${tab}`,
    label:
      tab === 'recovery-key'
        ? t('admin.recoveryKey.tab')
        : tab === 'import-export'
          ? t('importExport.tab')
          : t(`admin.tabs.${tab}`),
  }))
  return (
    <TabLinks
      label={t('admin.tabsLabel')}
      tabs={tabs}
      current={currentAdminTab(pathname)}
      className="admin-tabs"
    />
  )
}
