import { useTranslation } from 'react-i18next'
import { api } from '../../../api'
import { formatTime } from '../../../lib/dates'
import { Button } from '../../../ui'
import { AdminCard } from '../AdminCard'
import { ActionOutcome, fileActionOutcome } from '../ActionOutcome'
import { adminErrorKey } from '../errors'
import { endSentence, formatBytes } from '../format'
import { useFileAction } from '../useFileAction'
import { useBackupProgress } from './useBackupProgress'

const createBackup = () => api.backup.create()
const wasCreated = (answer: { created: boolean }) => answer.created

/** Writes an encrypted backup where the person chooses (main asks with a native dialog). */
export function CreateBackupSection() {
  const { t, i18n } = useTranslation()
  const { action: backup, run } = useFileAction(createBackup, wasCreated)
  const progress = useBackupProgress(backup.state === 'running')
  const outcome = fileActionOutcome(backup, {
    done: (value, at) => ({
      tone: 'success',
      title: t('admin.backup.create.doneTitle'),
      text: endSentence(
        t('admin.backup.create.done', {
          fileName: value.fileName ?? '',
          size: formatBytes(value.bytes ?? 0, i18n.language),
          time: formatTime(at, i18n.language),
        }),
      ),
    }),
    cancelled: t('admin.backup.create.cancelled'),
    failed: (error) => t(`admin.errors.${adminErrorKey('backup', error)}`),
  })

  return (
    <AdminCard
      id="admin-backup-create-heading"
      title={t('admin.backup.create.heading')}
      explain={t('admin.backup.create.explain')}
      points={[
        t('admin.backup.create.pointEncrypted'),
        t('admin.backup.create.pointPassphrase'),
        t('admin.backup.create.pointStore'),
      ]}
    >
      <div className="admin-card__actions">
        <Button variant="primary" onPress={() => void run()} isDisabled={backup.state === 'running'}>
          {t('admin.backup.create.button')}
        </Button>
      </div>
      {/* The button is disabled while the backup runs, so focus moves to the outcome. */}
      <ActionOutcome
        busy={backup.state === 'running' ? { label: t('admin.backup.create.running'), progress } : null}
        outcome={outcome}
      />
    </AdminCard>
  )
}
