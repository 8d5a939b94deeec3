import { useState } from 'react'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { ROLES, type TRole } from '../../../../../shared/roles'
import { Button, DialogActions, ModalDialog, Notice, SelectField } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { api, callApi } from '../../../api'

export type TChangeRoleDialogProps = {
  /** The colleague whose role changes; null keeps the dialog closed. */
  account: TStaffAccount | null
  onClose: () => void
  onChanged: (account: TStaffAccount) => void
}

/** Gives a colleague another role. Main refuses to demote the last active administrator. */
export function ChangeRoleDialog({ account, onClose, onChanged }: TChangeRoleDialogProps) {
  const { t } = useTranslation()
  /** The role picked in this dialog; until then, the account's current role. */
  const [chosen, setChosen] = useState<TRole | null>(null)
  const role: TRole = chosen ?? account?.role ?? 'caseworker'
  const [isBusy, setIsBusy] = useState(false)
  const [errorKey, setErrorKey] = useState<TAdminErrorKey | null>(null)

  const close = () => {
    setChosen(null)
    setErrorKey(null)
    onClose()
  }

  const onSubmit = async () => {
    if (account === null) return
    setIsBusy(true)
    setErrorKey(null)
    const result = await callApi(() => api.accounts.changeRole({ accountId: account.id, role }))
    setIsBusy(false)
    if (result.ok) {
      setChosen(null)
      onChanged(result.value.account)
    } else setErrorKey(adminErrorKey('changeRole', result.error))
  }

  const roleOptions = ROLES.map((option: TRole) => ({
    id: option,
    label: t(`adminConsole.roles.${option}.label`),
    description: t(`adminConsole.roles.${option}.description`),
  }))

  return (
    <ModalDialog
      isOpen={account !== null}
      onOpenChange={(isOpen) => (isOpen ? undefined : close())}
      title={t('adminConsole.changeRole.title', { name: account?.displayName ?? '' })}
      isDismissable={!isBusy}
      size="medium"
    >
      <p className="admin-dialog__text">
        {t('adminConsole.changeRole.intro', {
          name: account?.displayName ?? '',
          username: account?.username ?? '',
        })}
      </p>
      <Form
        className="admin-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault()
          void onSubmit()
        }}
      >
        <SelectField
          label={t('adminConsole.changeRole.role')}
          options={roleOptions}
          value={role}
          onChange={(value) => {
            if (value !== null) setChosen(value as TRole)
          }}
          description={t(`adminConsole.roles.${role}.description`)}
          isDisabled={isBusy}
          isRequired
          autoFocus
        />
        {errorKey ? (
          <Notice tone="danger" live="alert">
            {t(`adminConsole.errors.${errorKey}`)}
          </Notice>
        ) : null}
        <DialogActions>
          <Button onPress={close} isDisabled={isBusy}>
            {t('adminConsole.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={isBusy}>
            {isBusy ? t('adminConsole.changeRole.submitting') : t('adminConsole.changeRole.submit')}
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  )
}
