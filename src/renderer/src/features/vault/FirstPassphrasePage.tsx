import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../ui'
import { ChangePassphraseForm } from './ChangePassphraseForm'
import { GateFrame } from './GateFrame'
import { GateIntro } from './gateParts'
import { lockNow } from './lock'
import { useActivityPing } from './useUnlockedSessionGuards'
import './vault.css'

type TFirstPassphrasePageProps = {
  languageSwitch: ReactNode
  /** Their own passphrase is written: open the app. */
  onFinished: () => void
}

/**
 * Shown before the app to someone who unlocked with a passphrase an admin chose (a new account, a reset): they
 * choose their own, so nobody else knows the one in use. Main refuses everything else until then; Lock stays.
 */
export function FirstPassphrasePage({ languageSwitch, onFinished }: TFirstPassphrasePageProps) {
  const { t } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    window.scrollTo(0, 0)
    headingRef.current?.focus({ preventScroll: true })
  }, [])
  // The vault is unlocked behind this screen; typing a passphrase is activity.
  useActivityPing(true)

  return (
    <GateFrame languageSwitch={languageSwitch} documentTitle={t('vault.firstPassphrase.documentTitle')}>
      <GateIntro
        eyebrow={t('vault.firstPassphrase.eyebrow')}
        title={t('vault.firstPassphrase.title')}
        lede={t('vault.firstPassphrase.lede')}
        headingRef={headingRef}
        isGateTitle
      />
      <ChangePassphraseForm
        headingId="first-passphrase-form"
        heading={
          <h2 id="first-passphrase-form" className="vault-form__heading">
            {t('vault.firstPassphrase.formHeading')}
          </h2>
        }
        onChanged={onFinished}
        secondaryAction={
          <Button variant="secondary" onPress={() => void lockNow('manual')}>
            {t('vault.firstPassphrase.lock')}
          </Button>
        }
      />
    </GateFrame>
  )
}
