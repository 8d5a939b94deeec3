import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api, forgetEverything } from '../../api'
import { Button, LiveRegion, Notice } from '../../ui'
import { GateFrame, useFocusHeadingOnChange } from './GateFrame'
import { GateIntro } from './gateParts'
import { lockNow } from './lock'
import { RecoveryKeyGate } from './RecoveryKeyGate'
import { useActivityPing } from './useUnlockedSessionGuards'

type TRecoveryKeyUnconfirmedPageProps = {
  languageSwitch: ReactNode
  organizationName: string | null
  /** 'used' right after the recovery key opened the vault; 'unconfirmed' otherwise. */
  reason: 'unconfirmed' | 'used'
  /** A new key was issued and confirmed: open the app. */
  onFinished: () => void
}

type TNewKey = { recoveryKey: string; createdAt: Date }

/**
 * Shown to an admin, before the app, while the vault's recovery key is not confirmed as stored (the first run was
 * interrupted, or the key was used). The only ways on: issue a new key and confirm it, or lock.
 */
export function RecoveryKeyUnconfirmedPage({
  languageSwitch,
  organizationName,
  reason,
  onFinished,
}: TRecoveryKeyUnconfirmedPageProps) {
  const { t } = useTranslation()
  const [newKey, setNewKey] = useState<TNewKey | null>(null)
  const [isCreating, setIsCreating] = useState(false)
  const [isCreateFailed, setIsCreateFailed] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusHeadingOnChange(headingRef, newKey === null ? 'explain' : 'key')
  // It replaces the unlock or recovery screen: start at the top, with its title announced.
  useEffect(() => {
    window.scrollTo(0, 0)
    headingRef.current?.focus({ preventScroll: true })
  }, [])
  // The vault is unlocked behind this screen; reading and copying the key is activity.
  useActivityPing(true)

  const createKey = async () => {
    setIsCreating(true)
    setIsCreateFailed(false)
    try {
      const result = await api.vault.replaceRecoveryKey()
      if (result.ok) setNewKey({ recoveryKey: result.value.recoveryKey, createdAt: new Date() })
      else if (result.error.code === 'LOCKED') forgetEverything()
      else setIsCreateFailed(true)
    } catch {
      setIsCreateFailed(true)
    } finally {
      setIsCreating(false)
    }
  }

  if (newKey !== null) {
    return (
      <RecoveryKeyGate
        languageSwitch={languageSwitch}
        headingRef={headingRef}
        recoveryKey={newKey.recoveryKey}
        organizationName={organizationName ?? ''}
        createdAt={newKey.createdAt}
        context="new-key"
        onFinished={onFinished}
      />
    )
  }

  return (
    <GateFrame
      languageSwitch={languageSwitch}
      documentTitle={t('vault.unconfirmed.documentTitle')}
      width="wide"
    >
      <GateIntro
        eyebrow={t('vault.unconfirmed.eyebrow')}
        title={reason === 'used' ? t('vault.unconfirmed.titleUsed') : t('vault.unconfirmed.titleUnconfirmed')}
        lede={reason === 'used' ? t('vault.unconfirmed.ledeUsed') : t('vault.unconfirmed.ledeUnconfirmed')}
        headingRef={headingRef}
        isGateTitle
      />
      <section className="ui-panel vault-card vault-form" aria-labelledby="recovery-unconfirmed-action">
        <Notice tone="warning">{t('vault.unconfirmed.risk')}</Notice>
        <p id="recovery-unconfirmed-action">{t('vault.unconfirmed.action')}</p>
        <LiveRegion>
          {isCreateFailed ? <Notice tone="danger">{t('vault.unconfirmed.failed')}</Notice> : null}
        </LiveRegion>
        <div className="vault-form__actions">
          <Button variant="primary" onPress={() => void createKey()} isDisabled={isCreating}>
            {isCreating ? t('vault.unconfirmed.creating') : t('vault.unconfirmed.create')}
          </Button>
          <Button variant="secondary" onPress={() => void lockNow('manual')} isDisabled={isCreating}>
            {t('vault.unconfirmed.lock')}
          </Button>
        </div>
      </section>
    </GateFrame>
  )
}
