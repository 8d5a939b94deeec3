import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { api, callApi } from '../../../api'
import { ConfirmDialog, Notice } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'

export type TDisableAccountDialogProps = {
  /** The account to disable; null keeps the dialog closed. */
  account: TStaffAccount | null
  onClose: () => void
  onDisabled: (account: TStaffAccount) => void
}

/** Asks before disabling: the person's passphrase stops opening the vault, and this screen cannot undo it. */
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
      cancelLabel={t('admin.common.cancel')}
      isBusy={isBusy}
      error={errorKey === null ? null : t(`admin.errors.${errorKey}`)}
      isDanger
    >
      <p className="admin-dialog__text">{t('admin.disable.body', { username: account?.username ?? '' })}</p>
      <Notice tone="warning">{t('admin.disable.cannotUndo')}</Notice>
    </ConfirmDialog>
  )
}
