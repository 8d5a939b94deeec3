import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { MIN_PASSPHRASE_LENGTH } from '../../../../../shared/passphrase-limits'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import { ROLES, type TRole } from '../../../../../shared/roles'
import { Button, DialogActions, ModalDialog, Notice, SelectField, TextField } from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { newStaffErrorKey, ZNewStaffFormSchema, type TNewStaffForm } from './newStaffForm'
import { NewPassphraseFieldPair } from './NewPassphraseFieldPair'
import { api, callApi } from '../../../api'

export type TAddStaffDialogProps = {
  isOpen: boolean
  onClose: () => void
  onAdded: (account: TStaffAccount) => void
}

const EMPTY_FORM: TNewStaffForm = {
  displayName: '',
  username: '',
  role: 'caseworker',
  passphrase: '',
  confirmPassphrase: '',
}

/** Adds a staff member with a role and a first passphrase, chosen together with them. */
export function AddStaffDialog({ isOpen, onClose, onAdded }: TAddStaffDialogProps) {
  const { t } = useTranslation()
  const [serverErrorKey, setServerErrorKey] = useState<TAdminErrorKey | null>(null)
  const form = useForm<TNewStaffForm>({
    resolver: zodResolver(ZNewStaffFormSchema),
    defaultValues: EMPTY_FORM,
    mode: 'onTouched',
  })
  const { control, handleSubmit, reset, setError, setFocus, formState } = form
  // The fields are disabled while submitting; focus the refused sign-in name once they are enabled again.
  const [usernameRefusals, setUsernameRefusals] = useState(0)
  const { isSubmitting } = formState
  useEffect(() => {
    if (usernameRefusals > 0 && !isSubmitting) setFocus('username')
  }, [usernameRefusals, isSubmitting, setFocus])
  const [passphrase, username, displayName] = useWatch({
    control,
    name: ['passphrase', 'username', 'displayName'],
  })

  const close = () => {
    reset(EMPTY_FORM)
    setServerErrorKey(null)
    onClose()
  }

  const onSubmit = handleSubmit(async ({ confirmPassphrase: _confirm, ...account }) => {
    setServerErrorKey(null)
    setUsernameRefusals(0)
    const result = await callApi(() => api.accounts.add(account))
    if (result.ok) {
      reset(EMPTY_FORM)
      onAdded(result.value.account)
      return
    }
    const errorKey = adminErrorKey('addAccount', result.error)
    // A taken sign-in name is said on that field, which takes focus, rather than only at the bottom.
    if (errorKey === 'usernameTaken') {
      setError('username', { type: 'server', message: 'usernameTaken' })
      setUsernameRefusals((count) => count + 1)
    } else {
      setServerErrorKey(errorKey)
    }
  })

  const fieldError = (field: keyof TNewStaffForm) => {
    const key = newStaffErrorKey(field, formState.errors[field])
    return key === undefined
      ? undefined
      : t(`adminConsole.accounts.form.errors.${key}`, { count: MIN_PASSPHRASE_LENGTH })
  }

  const roleOptions = ROLES.map((role: TRole) => ({
    id: role,
    label: t(`adminConsole.roles.${role}.label`),
    description: t(`adminConsole.roles.${role}.description`),
  }))

  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? undefined : close())}
      title={t('adminConsole.accounts.form.title')}
      isDismissable={!formState.isSubmitting}
      // A stray click outside must not discard what was typed; Escape and Cancel still close it.
      isOutsideClickDismissable={!formState.isDirty}
      size="large"
    >
      <p className="admin-dialog__text">{t('adminConsole.accounts.form.intro')}</p>
      <Form onSubmit={(event) => void onSubmit(event)} validationBehavior="aria" className="admin-form">
        <fieldset disabled={formState.isSubmitting} className="admin-form__fieldset">
          <legend className="visually-hidden">{t('adminConsole.accounts.form.title')}</legend>
          <div className="admin-form__row">
            <Controller
              control={control}
              name="displayName"
              render={({ field }) => (
                <TextField
                  label={t('adminConsole.accounts.form.displayName')}
                  description={t('adminConsole.accounts.form.displayNameHelp')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  autoFocus
                  isRequired
                  errorMessage={fieldError('displayName')}
                />
              )}
            />
            <Controller
              control={control}
              name="username"
              render={({ field }) => (
                <TextField
                  label={t('adminConsole.accounts.form.username')}
                  description={t('adminConsole.accounts.form.usernameHelp')}
                  inputRef={field.ref}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  autoComplete="off"
                  isRequired
                  errorMessage={fieldError('username')}
                />
              )}
            />
          </div>
          <Controller
            control={control}
            name="role"
            render={({ field }) => (
              <SelectField
                label={t('adminConsole.accounts.form.role')}
                options={roleOptions}
                value={field.value}
                onChange={(value) => field.onChange(value ?? undefined)}
                description={t(`adminConsole.roles.${field.value}.description`)}
                isRequired
                errorMessage={fieldError('role')}
              />
            )}
          />
          <NewPassphraseFieldPair
            control={control}
            labels={{
              passphrase: t('adminConsole.accounts.form.passphrase'),
              confirmPassphrase: t('adminConsole.accounts.form.confirmPassphrase'),
            }}
            errors={{
              passphrase: fieldError('passphrase'),
              confirmPassphrase: fieldError('confirmPassphrase'),
            }}
            passphrase={passphrase}
            userInputs={[username, displayName]}
          />
        </fieldset>
        {serverErrorKey ? (
          <Notice tone="danger" live="alert">
            {t(`adminConsole.errors.${serverErrorKey}`)}
          </Notice>
        ) : null}
        <DialogActions>
          <Button onPress={close} isDisabled={formState.isSubmitting}>
            {t('adminConsole.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting
              ? t('adminConsole.accounts.form.submitting')
              : t('adminConsole.accounts.form.submit')}
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  )
}
