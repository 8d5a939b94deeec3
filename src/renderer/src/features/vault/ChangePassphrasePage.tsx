import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../ui'
import { ChangePassphraseForm } from './ChangePassphraseForm'
import { useVaultSession } from './session'
import './vault.css'

/** "My account": who is signed in, and a form to change their own passphrase (only their key slot changes). */
export function ChangePassphrasePage() {
  const { t } = useTranslation()
  const { staff } = useVaultSession()
  return (
    <>
      <PageHeader title={t('vault.account.title')} description={t('vault.account.lede')} />
      <div className="vault-account">
        <section className="vault-account__identity" aria-labelledby="account-identity">
          <h2 id="account-identity" className="vault-form__heading">
            {t('vault.account.identityHeading')}
          </h2>
          <dl className="vault-account__facts">
            <dt>{t('vault.account.nameLabel')}</dt>
            <dd>{staff.displayName}</dd>
            <dt>{t('vault.account.usernameLabel')}</dt>
            <dd>{staff.username}</dd>
            <dt>{t('vault.account.roleLabel')}</dt>
            <dd>{t(`vault.roles.${staff.role}`)}</dd>
          </dl>
        </section>
        <ChangePassphraseForm
          headingId="account-change"
          heading={
            <div>
              <h2 id="account-change" className="vault-form__heading">
                {t('vault.account.changeHeading')}
              </h2>
              <p className="vault-form__lede">{t('vault.account.changeLede')}</p>
            </div>
          }
        />
      </div>
    </>
  )
}

/** Route metadata for the document title (read by the app frame). */
export const accountRouteHandle = { titleKey: 'vault.account.title' }
