import { useTranslation } from 'react-i18next'
import { LockButton, SignedInStaff, useVaultSession } from '../features/vault'
import { ProductMark } from '../ui'
import { LanguageSwitch } from './LanguageSwitch'

/** The banner: who the app is for, who is signed in, and device-wide controls (language, Lock). */
export function AppHeader() {
  const { t } = useTranslation()
  const { organizationName } = useVaultSession()
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <ProductMark size={32} />
        <div className="app-header__names">
          <span className="app-header__product">{t('app.name')}</span>
          <span className="app-header__organization">{organizationName ?? t('app.organization')}</span>
        </div>
      </div>
      <div className="app-header__actions">
        <SignedInStaff />
        <LanguageSwitch />
        <LockButton />
      </div>
    </header>
  )
}
