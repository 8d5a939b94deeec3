import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BusyIndicator, Button, Notice } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { formatTime } from '../../../lib/dates'
import { endSentence, formatBytes } from '../format'
import { FocusedResult } from '../FocusedResult'
import { useBackupProgress } from './useBackupProgress'
import { api, callApi } from '../../../api'

type TCreateState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'created'; bytes: number; fileName: string; at: Date }
  | { state: 'cancelled' }
  | { state: 'failed'; errorKey: TAdminErrorKey }

/** Writes an encrypted backup where the person chooses (main asks with a native dialog). */
export function CreateBackupSection() {
  const { t, i18n } = useTranslation()
  const [backup, setBackup] = useState<TCreateState>({ state: 'idle' })
  const progress = useBackupProgress(backup.state === 'running')

  const onCreate = async () => {
    setBackup({ state: 'running' })
    const result = await callApi(() => api.backup.create())
    if (!result.ok) setBackup({ state: 'failed', errorKey: adminErrorKey('backup', result.error) })
    else if (!result.value.created) setBackup({ state: 'cancelled' })
    else {
      setBackup({
        state: 'created',
        bytes: result.value.bytes ?? 0,
        fileName: result.value.fileName ?? '',
        at: new Date(),
      })
    }
  }

  return (
    <section aria-labelledby="admin-backup-create-heading" className="admin-card">
      <h3 id="admin-backup-create-heading" className="admin-card__title">
        {t('admin.backup.create.heading')}
      </h3>
      <p className="admin-card__text">{t('admin.backup.create.explain')}</p>
      <ul className="admin-card__points">
        <li>{t('admin.backup.create.pointEncrypted')}</li>
        <li>{t('admin.backup.create.pointPassphrase')}</li>
        <li>{t('admin.backup.create.pointStore')}</li>
      </ul>
      <div className="admin-card__actions">
        <Button variant="primary" onPress={() => void onCreate()} isDisabled={backup.state === 'running'}>
          {t('admin.backup.create.button')}
        </Button>
      </div>
      <div role="status" className="admin-card__result">
        {backup.state === 'running' ? (
          <BusyIndicator label={t('admin.backup.create.running')} progress={progress} />
        ) : null}
      </div>
      {/* The button is disabled while the backup runs, so focus moves to the outcome. */}
      {backup.state === 'created' ? (
        <FocusedResult>
          <Notice tone="success" title={t('admin.backup.create.doneTitle')}>
            {endSentence(
              t('admin.backup.create.done', {
                fileName: backup.fileName,
                size: formatBytes(backup.bytes, i18n.language),
                time: formatTime(backup.at, i18n.language),
              }),
            )}
          </Notice>
        </FocusedResult>
      ) : null}
      {backup.state === 'cancelled' ? (
        <FocusedResult>
          <Notice tone="info">{t('admin.backup.create.cancelled')}</Notice>
        </FocusedResult>
      ) : null}
      {backup.state === 'failed' ? (
        <FocusedResult>
          <Notice tone="danger">{t(`admin.errors.${backup.errorKey}`)}</Notice>
        </FocusedResult>
      ) : null}
    </section>
  )
}
