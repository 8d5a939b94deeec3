import { useState, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { confirmRecoveryKey } from './confirmRecoveryKey'
import { GateFrame } from './GateFrame'
import { RecoveryKeyStep } from './RecoveryKeyStep'

type TRecoveryKeyGateProps = {
  languageSwitch: ReactNode
  headingRef: RefObject<HTMLHeadingElement | null>
  recoveryKey: string
  organizationName: string
  createdAt: Date
  context: 'first-run' | 'new-key'
  /** The key is confirmed as stored in the vault: open the app. */
  onFinished: () => void
}

/**
 * The recovery key step as a screen before the app (after a first run, or a key issued at unlock): confirming
 * it marks it stored in the vault and opens the app; if that fails, the key stays on screen to try again.
 */
export function RecoveryKeyGate({ languageSwitch, onFinished, ...step }: TRecoveryKeyGateProps) {
  const { t } = useTranslation()
  const [isConfirmFailed, setIsConfirmFailed] = useState(false)
  return (
    <GateFrame
      languageSwitch={languageSwitch}
      documentTitle={t('vault.recoveryKey.documentTitle')}
      width="wide"
    >
      <RecoveryKeyStep
        {...step}
        failureMessage={isConfirmFailed ? t('vault.recoveryKey.confirmFailed') : null}
        onConfirmed={async () => {
          setIsConfirmFailed(false)
          if ((await confirmRecoveryKey()) === 'done') onFinished()
          else setIsConfirmFailed(true)
        }}
      />
    </GateFrame>
  )
}
