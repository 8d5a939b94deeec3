import { useTranslation } from 'react-i18next'
import { TextLink } from '../../ui'
import { useVaultSession } from './session'

/** Who is signed in (name and role), with the way to their account page. */
export function SignedInStaff() {
  const { t } = useTranslation()
  const { staff } = useVaultSession()
  return (
    <div className="vault-signed-in">
      <div className="vault-signed-in__who">
        <span className="vault-signed-in__name">{staff.displayName}</span>
        <span className="vault-signed-in__role">{t(`vault.roles.${staff.role}`)}</span>
      </div>
      <TextLink href="/account" className="vault-signed-in__link">
        {t('vault.header.myAccount')}
      </TextLink>
    </div>
  )
}
