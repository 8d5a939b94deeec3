import type { RouteObject } from 'react-router'
import { AccountsPanel } from './accounts/AccountsPanel'
import { AuditPanel } from './audit/AuditPanel'
import { BackupPanel } from './backup/BackupPanel'
import { ImportExportPanel } from './importExport/ImportExportPanel'
import { SettingsPanel } from './settings/SettingsPanel'
import { RecoveryKeyPanel } from './RecoveryKeyPanel'

/** The admin sub-pages, children of /admin (the bare /admin shows the accounts). */
export const adminRoutes: RouteObject[] = [
  { index: true, element: <AccountsPanel /> },
  { path: 'accounts', element: <AccountsPanel /> },
  { path: 'audit', element: <AuditPanel /> },
  { path: 'backup', element: <BackupPanel /> },
  { path: 'import-export', element: <ImportExportPanel /> },
  { path: 'settings', element: <SettingsPanel /> },
  { path: 'recovery-key', element: <RecoveryKeyPanel /> },
]
