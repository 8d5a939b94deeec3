import { useTranslation } from 'react-i18next'
import { Button, LockIcon } from '../../ui'
import { isMacPlatform, lockNow } from './lock'

/** Lock now: the vault closes and the page forgets everything. Same as Ctrl/Cmd+L. */
export function LockButton() {
  const { t } = useTranslation()
  const isMac = isMacPlatform()
  return (
    <Button variant="secondary" className="vault-lock-button" onPress={() => void lockNow('manual')}>
      <LockIcon size={18} />
      <span>{t('vault.header.lock')}</span>
      <kbd className="vault-lock-button__shortcut">
        {isMac ? t('vault.header.lockShortcutMac') : t('vault.header.lockShortcut')}
      </kbd>
    </Button>
  )
}
