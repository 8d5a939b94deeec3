import { useTranslation } from 'react-i18next'
import { ProductMark } from '../../ui'
import './vault.css'

/** The first moment of the app, while main says whether a vault exists and whether it is open. */
export function OpeningScreen() {
  const { t } = useTranslation()
  return (
    <div className="vault-opening" role="status">
      <ProductMark size={48} />
      <p>{t('app.loading')}</p>
    </div>
  )
}
