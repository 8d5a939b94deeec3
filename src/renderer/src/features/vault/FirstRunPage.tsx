import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FirstRunForm } from './FirstRunForm'
import { GateFrame, useFocusHeadingOnChange } from './GateFrame'
import { RecoveryKeyGate } from './RecoveryKeyGate'
import { useActivityPing } from './useUnlockedSessionGuards'

type TFirstRunPageProps = {
  languageSwitch: ReactNode
  /** The vault exists, is unlocked, and the recovery key was recorded: open the app. */
  onFinished: () => void
}

type TCreatedVault = { recoveryKey: string; organizationName: string; createdAt: Date }

/**
 * First start on this computer: create the vault and its first administrator, then show the recovery key once.
 * The key lives only in this component's state: it is gone the moment the person continues (or the page reloads).
 * Continue marks it confirmed in the vault; a reload before that leaves it unconfirmed, and the admin is asked to
 * issue a new one after unlocking (RecoveryKeyUnconfirmedPage).
 */
export function FirstRunPage({ languageSwitch, onFinished }: TFirstRunPageProps) {
  const { t } = useTranslation()
  const [created, setCreated] = useState<TCreatedVault | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusHeadingOnChange(headingRef, created === null ? 'form' : 'key')
  // The vault is already unlocked on the recovery key step; reading and copying the key is activity.
  useActivityPing(created !== null)

  if (created === null) {
    return (
      <GateFrame
        languageSwitch={languageSwitch}
        documentTitle={t('vault.firstRun.documentTitle')}
        width="wide"
      >
        <FirstRunForm
          headingRef={headingRef}
          onCreated={(recoveryKey, organizationName) =>
            setCreated({ recoveryKey, organizationName, createdAt: new Date() })
          }
        />
      </GateFrame>
    )
  }
  return (
    <RecoveryKeyGate
      languageSwitch={languageSwitch}
      headingRef={headingRef}
      recoveryKey={created.recoveryKey}
      organizationName={created.organizationName}
      createdAt={created.createdAt}
      context="first-run"
      onFinished={onFinished}
    />
  )
}
