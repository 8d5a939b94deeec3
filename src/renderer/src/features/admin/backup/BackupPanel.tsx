import { useTranslation } from 'react-i18next'
import { AdminSection } from '../AdminSection'
import { CreateBackupSection } from './CreateBackupSection'
import { RestoreBackupSection } from './RestoreBackupSection'

/** Encrypted backups of the whole vault, and restoring one onto this computer. */
export function BackupPanel() {
  const { t } = useTranslation()
  return (
    <AdminSection id="admin-backup-heading" title={t('admin.backup.heading')} lede={t('admin.backup.lede')}>
      <div className="admin-backup">
        <CreateBackupSection />
        <RestoreBackupSection />
      </div>
    </AdminSection>
  )
}
