import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, callApi } from '../../api'
import { formatDateTime } from '../../lib/dates'
import { useApiQuery } from '../../lib/useApiQuery'
import { Button, ConfirmDialog, Loaded, Notice, type TLoad } from '../../ui'
import { confirmRecoveryKey, RecoveryKeyStep, useVaultSession } from '../vault'
import { AdminSection } from './AdminSection'
import { RekeyProgress } from './RekeyProgress'

const readStatus = () => api.vault.recoveryKeyStatus()

type TNewKey = { recoveryKey: string; createdAt: Date }

/**
 * Admin › Recovery key (/admin/recovery-key): whether the current key was confirmed as stored, and replacing it
 * (the old key stops working at once and the vault gets new keys; the new one is shown once, through the same step
 * as the first run).
 */
export function RecoveryKeyPanel() {
  const { t, i18n } = useTranslation()
  const { organizationName } = useVaultSession()
  const { load } = useApiQuery(readStatus)
  const [newKey, setNewKey] = useState<TNewKey | null>(null)
  /** When the key shown here was just confirmed: the status read again right after. */
  const [justConfirmed, setJustConfirmed] = useState<{ confirmedAt: string | null } | null>(null)
  const [isDialogOpen, setIsDialogOpen] = useState(false)
  const [isBusy, setIsBusy] = useState(false)
  const [failure, setFailure] = useState<'replace' | 'confirm' | null>(null)
  const keyHeadingRef = useRef<HTMLHeadingElement>(null)
  const statusHeadingRef = useRef<HTMLHeadingElement>(null)
  const step = newKey !== null ? 'key' : load.state === 'ready' || justConfirmed ? 'status' : 'loading'
  const previousStep = useRef(step)

  // Focus follows the step: the key's heading when it appears, the status heading after confirming.
  useEffect(() => {
    if (previousStep.current === step) return
    const wasLoading = previousStep.current === 'loading'
    previousStep.current = step
    if (step === 'key') {
      window.scrollTo(0, 0)
      keyHeadingRef.current?.focus()
    } else if (step === 'status' && !wasLoading) statusHeadingRef.current?.focus()
  }, [step])

  const replace = async () => {
    setIsBusy(true)
    setFailure(null)
    const result = await callApi(() => api.vault.replaceRecoveryKey())
    setIsBusy(false)
    if (result.ok) {
      setIsDialogOpen(false)
      setNewKey({ recoveryKey: result.value.recoveryKey, createdAt: new Date() })
    } else setFailure('replace')
  }

  const onConfirmed = async () => {
    setFailure(null)
    if ((await confirmRecoveryKey()) !== 'done') {
      setFailure('confirm')
      return
    }
    const status = await callApi(readStatus)
    setJustConfirmed({ confirmedAt: status.ok ? status.value.confirmedAt : new Date().toISOString() })
    setNewKey(null)
  }

  if (newKey !== null) {
    return (
      <section className="admin-section recovery-key-admin" aria-label={t('admin.recoveryKey.heading')}>
        <RecoveryKeyStep
          headingRef={keyHeadingRef}
          headingLevel={2}
          context="new-key"
          recoveryKey={newKey.recoveryKey}
          organizationName={organizationName ?? ''}
          createdAt={newKey.createdAt}
          continueLabel={t('admin.recoveryKey.done')}
          failureMessage={failure === 'confirm' ? t('vault.recoveryKey.confirmFailed') : null}
          onConfirmed={onConfirmed}
        />
      </section>
    )
  }

  const status: TLoad<{ confirmedAt: string | null }> =
    justConfirmed === null ? load : { state: 'ready', value: justConfirmed }
  return (
    <AdminSection tab="recovery-key">
      <div className="ui-panel admin-card admin-card--narrow">
        <h3 ref={statusHeadingRef} tabIndex={-1} className="admin-card__title">
          {t('admin.recoveryKey.statusHeading')}
        </h3>
        <Loaded load={status} loadingLabel={t('admin.loading')} failedText={() => t('vault.errors.generic')}>
          {({ confirmedAt }) => (
            <>
              <div role="status">
                {justConfirmed === null ? null : (
                  <Notice tone="success">{t('admin.recoveryKey.confirmed')}</Notice>
                )}
              </div>
              {confirmedAt !== null ? (
                <p className="admin-card__text" data-testid="recovery-key-status">
                  {t('admin.recoveryKey.confirmedOn', {
                    date: formatDateTime(confirmedAt, i18n.language, { date: 'long' }),
                  })}
                </p>
              ) : (
                <Notice tone="warning">
                  <span data-testid="recovery-key-status">{t('admin.recoveryKey.notConfirmed')}</span>
                </Notice>
              )}
              <div className="admin-card__actions">
                <Button variant="primary" onPress={() => setIsDialogOpen(true)}>
                  {t('admin.recoveryKey.replace')}
                </Button>
              </div>
            </>
          )}
        </Loaded>
      </div>
      <ConfirmDialog
        isOpen={isDialogOpen}
        onClose={() => {
          setFailure(null)
          setIsDialogOpen(false)
        }}
        title={t('admin.recoveryKey.dialogTitle')}
        onConfirm={() => void replace()}
        confirmLabel={t('admin.recoveryKey.dialogConfirm')}
        cancelLabel={t('admin.recoveryKey.cancel')}
        isBusy={isBusy}
        error={failure === 'replace' ? t('admin.recoveryKey.failed') : null}
        isDanger
      >
        <p className="admin-dialog__text">{t('admin.recoveryKey.dialogBody')}</p>
        <Notice tone="warning">{t('admin.recoveryKey.dialogWarning')}</Notice>
        <Notice tone="info">
          <p>{t('admin.recoveryKey.dialogRekey')}</p>
          <p>{t('admin.recoveryKey.dialogOldBackups')}</p>
        </Notice>
        <RekeyProgress isRunning={isBusy} label={t('admin.recoveryKey.progress')} />
      </ConfirmDialog>
    </AdminSection>
  )
}
