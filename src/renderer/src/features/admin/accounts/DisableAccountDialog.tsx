import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { api, callApi } from '../../../api'
import { ConfirmDialog, Notice } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { RekeyProgress } from '../RekeyProgress'

export type TDisableAccountDialogProps = {
  /** The account to disable; null keeps the dialog closed. */
  account: TStaffAccount | null
  onClose: () => void
  onDisabled: (account: TStaffAccount) => void
}

/**
 * Asks before disabling, and says what happens: the person's passphrase stops opening the vault, the vault is
 * re-encrypted under new keys (so a copy they kept opens nothing current), colleagues keep their passphrases, and
 * backups made before still open with that time's passphrases, theirs included.
 */
export function DisableAccountDialog({ account, onClose, onDisabled }: TDisableAccountDialogProps) {
  const { t } = useTranslation()
  const [isBusy, setIsBusy] = useState(false)
  const [errorKey, setErrorKey] = useState<TAdminErrorKey | null>(null)

  const close = () => {
    setErrorKey(null)
    onClose()
  }

  const onConfirm = async () => {
    if (account === null) return
    setIsBusy(true)
    setErrorKey(null)
    const result = await callApi(() => api.accounts.disable({ accountId: account.id }))
    setIsBusy(false)
    if (result.ok) onDisabled(result.value.account)
    else setErrorKey(adminErrorKey('disableAccount', result.error))
  }

  return (
    <ConfirmDialog
      isOpen={account !== null}
      onClose={close}
      title={t('admin.disable.title', { name: account?.displayName ?? '' })}
      onConfirm={() => void onConfirm()}
      confirmLabel={t('admin.disable.confirm')}
      busyLabel={t('admin.disable.busy')}
      cancelLabel={t('admin.common.cancel')}
      isBusy={isBusy}
      error={errorKey === null ? null : t(`admin.errors.${errorKey}`)}
      isDanger
      size="medium"
    >
      <p className="admin-dialog__text">{t('admin.disable.body', { username: account?.username ?? '' })}</p>
      <Notice tone="info" title={t('admin.disable.rekeyTitle')}>
        <p>{t('admin.disable.rekey')}</p>
        <p>{t('admin.disable.oldBackups')}</p>
      </Notice>
      <Notice tone="warning">{t('admin.disable.cannotUndo')}</Notice>
      <RekeyProgress isRunning={isBusy} label={t('admin.disable.progress')} />
    </ConfirmDialog>
  )
}
