import { useTranslation } from 'react-i18next'
import { CreateBackupSection } from './CreateBackupSection'
import { RestoreBackupSection } from './RestoreBackupSection'

/** Encrypted backups of the whole vault, and restoring one onto this computer. */
export function BackupPanel() {
  const { t } = useTranslation()
  return (
    <div className="admin-section">
      <div className="admin-section__header">
        <div>
          <h2 className="admin-section__title">{t('admin.backup.heading')}</h2>
          <p className="admin-section__lede">{t('admin.backup.lede')}</p>
        </div>
      </div>
      <div className="admin-backup">
        <CreateBackupSection />
        <RestoreBackupSection />
      </div>
    </div>
  )
}
