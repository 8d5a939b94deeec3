import { useTranslation } from 'react-i18next'
import { ProductMark } from '../ui'
import { LanguageSwitch } from './LanguageSwitch'

/** The banner: who the app is for, and device-wide controls (language; later, Lock). */
export function AppHeader() {
  const { t } = useTranslation()
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <ProductMark size={32} />
        <div className="app-header__names">
          <span className="app-header__product">{t('app.name')}</span>
          <span className="app-header__organization">{t('app.organization')}</span>
        </div>
      </div>
      <div className="app-header__actions">
        <LanguageSwitch />
      </div>
    </header>
  )
}
