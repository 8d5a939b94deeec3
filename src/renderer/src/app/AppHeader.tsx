import { useTranslation } from 'react-i18next'
import { LockButton, SignedInStaff, useVaultSession } from '../features/vault'
import { AppBar } from '../ui'
import { LanguageSwitch } from './LanguageSwitch'

/** The banner: who the app is for, who is signed in, and device-wide controls (language, Lock). */
export function AppHeader() {
  const { t } = useTranslation()
  const { organizationName } = useVaultSession()
  return (
    <AppBar productName={t('app.name')} subtitle={organizationName ?? t('app.organization')} isSticky>
      <SignedInStaff />
      <LanguageSwitch />
      <LockButton />
    </AppBar>
  )
}
