import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { ROLES, type TRole } from '../../../../../shared/roles'
import { api, callApi } from '../../../api'
import { FormDialog, FormSelectField, Notice } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { RekeyProgress } from '../RekeyProgress'

export type TChangeRoleDialogProps = {
  /** The colleague whose role changes; null keeps the dialog closed. */
  account: TStaffAccount | null
  onClose: () => void
  onChanged: (account: TStaffAccount) => void
}

type TRoleForm = { role: TRole }

/**
 * Gives a colleague another role. Main refuses to demote the last active administrator; a lower role gives the
 * vault new keys (the keys of the higher role must stop working), which the dialog says before and shows as it runs.
 */
export function ChangeRoleDialog({ account, ...props }: TChangeRoleDialogProps) {
  // A fresh form for each colleague, starting at their current role.
  return <ChangeRoleForm key={account?.id ?? 'closed'} account={account} {...props} />
}

function ChangeRoleForm({ account, onClose, onChanged }: TChangeRoleDialogProps) {
  const { t } = useTranslation()
  const [errorKey, setErrorKey] = useState<TAdminErrorKey | null>(null)
  const form = useForm<TRoleForm>({ defaultValues: { role: account?.role ?? 'caseworker' } })
  const role = useWatch({ control: form.control, name: 'role' })
  // ROLES runs from the most to the least trusted.
  const isLowering = account !== null && ROLES.indexOf(role) > ROLES.indexOf(account.role)
  const isSubmitting = form.formState.isSubmitting

  const onSubmit = form.handleSubmit(async ({ role: chosen }) => {
    if (account === null) return
    setErrorKey(null)
    const result = await callApi(() => api.accounts.changeRole({ accountId: account.id, role: chosen }))
    if (result.ok) onChanged(result.value.account)
    else setErrorKey(adminErrorKey('changeRole', result.error))
  })

  const roleOptions = ROLES.map((option: TRole) => ({
    id: option,
    label: t(`admin.roles.${option}.label`),
    description: t(`admin.roles.${option}.description`),
  }))
  const names = { name: account?.displayName ?? '', username: account?.username ?? '' }

  return (
    <FormDialog
      isOpen={account !== null}
      onClose={onClose}
      title={t('admin.changeRole.title', names)}
      intro={<p className="admin-dialog__text">{t('admin.changeRole.intro', names)}</p>}
      form={form}
      onSubmit={onSubmit}
      error={errorKey === null ? null : t(`admin.errors.${errorKey}`)}
      cancelLabel={t('admin.common.cancel')}
      submitLabel={t('admin.changeRole.submit')}
      submittingLabel={t('admin.changeRole.submitting')}
    >
      <FormSelectField<TRoleForm>
        name="role"
        label={t('admin.changeRole.role')}
        options={roleOptions}
        description={t(`admin.roles.${role}.description`)}
        isRequired
        autoFocus
      />
      {isLowering ? <Notice tone="info">{t('admin.changeRole.lowerRekey')}</Notice> : null}
      <RekeyProgress isRunning={isSubmitting && isLowering} label={t('admin.changeRole.progress')} />
    </FormDialog>
  )
}
