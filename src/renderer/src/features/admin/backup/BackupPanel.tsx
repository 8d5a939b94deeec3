import { AdminSection } from '../AdminSection'
import { CreateBackupSection } from './CreateBackupSection'
import { RestoreBackupSection } from './RestoreBackupSection'

/** Encrypted backups of the whole vault, and restoring one onto this computer. */
export function BackupPanel() {
  return (
    <AdminSection tab="backup">
      <div className="admin-backup">
        <CreateBackupSection />
        <RestoreBackupSection />
      </div>
    </AdminSection>
  )
}
