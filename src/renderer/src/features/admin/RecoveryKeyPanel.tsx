import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { formatDateTime } from '../../lib/dates'
import { BusyIndicator, Button, ConfirmDialog, Notice } from '../../ui'
import { confirmRecoveryKey, RecoveryKeyStep, useVaultSession } from '../vault'

type TPanelState =
  | { step: 'loading' }
  | { step: 'status'; confirmedAt: string | null; isJustConfirmed: boolean }
  | { step: 'key'; recoveryKey: string; createdAt: Date }

/**
 * Admin › Recovery key (/admin/recovery-key): whether the current key was confirmed as stored, and replacing it
 * (the old key stops working at once; the new one is shown once, through the same step as the first run).
 */
export function RecoveryKeyPanel() {
  const { t, i18n } = useTranslation()
  const { organizationName } = useVaultSession()
  const [state, setState] = useState<TPanelState>({ step: 'loading' })
  const [isDialogOpen, setIsDialogOpen] = useState(false)
  const [isBusy, setIsBusy] = useState(false)
  const [failure, setFailure] = useState<'replace' | 'confirm' | 'load' | null>(null)
  const keyHeadingRef = useRef<HTMLHeadingElement>(null)
  const statusHeadingRef = useRef<HTMLHeadingElement>(null)
  const previousStep = useRef(state.step)

  useEffect(() => {
    let isCurrent = true
    void api.vault
      .recoveryKeyStatus()
      .then((result) => {
        if (!isCurrent) return
        if (result.ok)
          setState({ step: 'status', confirmedAt: result.value.confirmedAt, isJustConfirmed: false })
        else setFailure('load')
      })
      .catch(() => {
        if (isCurrent) setFailure('load')
      })
    return () => {
      isCurrent = false
    }
  }, [])

  // Focus follows the step: the key's heading when it appears, the status heading after confirming.
  useEffect(() => {
    if (previousStep.current === state.step) return
    const wasLoading = previousStep.current === 'loading'
    previousStep.current = state.step
    if (state.step === 'key') {
      window.scrollTo(0, 0)
      keyHeadingRef.current?.focus()
    } else if (state.step === 'status' && !wasLoading) statusHeadingRef.current?.focus()
  }, [state.step])

  const replace = async () => {
    setIsBusy(true)
    setFailure(null)
    try {
      const result = await api.vault.replaceRecoveryKey()
      if (result.ok) {
        setIsDialogOpen(false)
        setState({ step: 'key', recoveryKey: result.value.recoveryKey, createdAt: new Date() })
      } else setFailure('replace')
    } catch {
      setFailure('replace')
    } finally {
      setIsBusy(false)
    }
  }

  if (state.step === 'key') {
    return (
      <section className="admin-section recovery-key-admin" aria-label={t('admin.recoveryKey.heading')}>
        <RecoveryKeyStep
          headingRef={keyHeadingRef}
          headingLevel={2}
          context="new-key"
          recoveryKey={state.recoveryKey}
          organizationName={organizationName ?? ''}
          createdAt={state.createdAt}
          continueLabel={t('admin.recoveryKey.done')}
          failureMessage={failure === 'confirm' ? t('vault.recoveryKey.confirmFailed') : null}
          onConfirmed={async () => {
            setFailure(null)
            if ((await confirmRecoveryKey()) !== 'done') {
              setFailure('confirm')
              return
            }
            const status = await api.vault.recoveryKeyStatus()
            setState({
              step: 'status',
              confirmedAt: status.ok ? status.value.confirmedAt : new Date().toISOString(),
              isJustConfirmed: true,
            })
          }}
        />
      </section>
    )
  }

  return (
    <section aria-labelledby="admin-recovery-key-heading" className="admin-section">
      <div className="admin-section__header">
        <div>
          <h2 id="admin-recovery-key-heading" className="admin-section__title">
            {t('admin.recoveryKey.heading')}
          </h2>
          <p className="admin-section__lede">{t('admin.recoveryKey.lede')}</p>
        </div>
      </div>
      <div className="admin-card admin-card--narrow">
        <h3 ref={statusHeadingRef} tabIndex={-1} className="admin-card__title">
          {t('admin.recoveryKey.statusHeading')}
        </h3>
        {state.step === 'loading' ? (
          failure === 'load' ? (
            <Notice tone="danger">{t('vault.errors.generic')}</Notice>
          ) : (
            <BusyIndicator label={t('admin.loading')} />
          )
        ) : (
          <>
            <div role="status">
              {state.isJustConfirmed ? (
                <Notice tone="success">{t('admin.recoveryKey.confirmed')}</Notice>
              ) : null}
            </div>
            {state.confirmedAt !== null ? (
              <p className="admin-card__text" data-testid="recovery-key-status">
                {t('admin.recoveryKey.confirmedOn', {
                  date: formatDateTime(state.confirmedAt, i18n.language, { date: 'long' }),
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
      </ConfirmDialog>
    </section>
  )
}
