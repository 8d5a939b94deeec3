import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZPassphraseSchema, ZUsernameSchema } from '../../../../../shared/contract/accounts'
import { BusyIndicator, Button, DialogActions, ModalDialog, Notice, TextField } from '../../../ui'
import { useBackupProgress } from './useBackupProgress'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { useSignedInStaff } from '../../vault'
import { formatDate, formatTime } from '../../../lib/dates'
import { endSentence } from '../format'
import { FocusedResult } from '../FocusedResult'
import { api, callApi } from '../../../api'

const ZRestoreFormSchema = z.object({ username: ZUsernameSchema, passphrase: ZPassphraseSchema })
type TRestoreForm = z.infer<typeof ZRestoreFormSchema>

type TRestoreState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'restored'; backupCreatedAt: string | null }
  | { state: 'cancelled' }
  | { state: 'failed'; errorKey: TAdminErrorKey }

/**
 * Replaces everything in this computer's vault with a backup's content. Asks for the passphrase of an
 * account in the backup first, then confirms in a warning dialog before main opens the file chooser.
 */
export function RestoreBackupSection() {
  const { t, i18n } = useTranslation()
  const signedIn = useSignedInStaff()
  const [restore, setRestore] = useState<TRestoreState>({ state: 'idle' })
  const [isConfirming, setIsConfirming] = useState(false)
  const { control, handleSubmit, getValues, resetField, formState } = useForm<TRestoreForm>({
    resolver: zodResolver(ZRestoreFormSchema),
    defaultValues: { username: signedIn.username, passphrase: '' },
    mode: 'onTouched',
  })
  const isRunning = restore.state === 'running'
  const progress = useBackupProgress(isRunning)

  const onRestore = async () => {
    setIsConfirming(false)
    setRestore({ state: 'running' })
    const { username, passphrase } = getValues()
    const result = await callApi(() => api.backup.restore({ username, passphrase }))
    resetField('passphrase')
    if (!result.ok) setRestore({ state: 'failed', errorKey: adminErrorKey('restore', result.error) })
    else if (!result.value.restored) setRestore({ state: 'cancelled' })
    else setRestore({ state: 'restored', backupCreatedAt: result.value.backupCreatedAt })
  }

  const usernameError = formState.errors.username
    ? t(
        formState.errors.username.type === 'too_small'
          ? 'adminConsole.accounts.form.errors.usernameShort'
          : 'adminConsole.accounts.form.errors.usernameCharacters',
      )
    : undefined
  const passphraseError = formState.errors.passphrase
    ? t('adminConsole.accounts.form.errors.passphraseRequired')
    : undefined

  return (
    <section aria-labelledby="admin-backup-restore-heading" className="admin-card admin-card--caution">
      <h3 id="admin-backup-restore-heading" className="admin-card__title">
        {t('adminConsole.backup.restore.heading')}
      </h3>
      <p className="admin-card__text">{t('adminConsole.backup.restore.explain')}</p>
      <Notice tone="warning" title={t('adminConsole.backup.restore.warningTitle')}>
        {t('adminConsole.backup.restore.warning')}
      </Notice>
      <Form
        className="admin-form"
        validationBehavior="aria"
        onSubmit={(event) => void handleSubmit(() => setIsConfirming(true))(event)}
      >
        <fieldset disabled={isRunning} className="admin-form__fieldset">
          <legend className="visually-hidden">{t('adminConsole.backup.restore.heading')}</legend>
          <Controller
            control={control}
            name="username"
            render={({ field }) => (
              <TextField
                label={t('adminConsole.backup.restore.username')}
                description={t('adminConsole.backup.restore.usernameHelp')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                autoComplete="off"
                isRequired
                errorMessage={usernameError}
              />
            )}
          />
          <Controller
            control={control}
            name="passphrase"
            render={({ field }) => (
              <TextField
                type="password"
                label={t('adminConsole.backup.restore.passphrase')}
                description={t('adminConsole.backup.restore.passphraseHelp')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                autoComplete="current-password"
                isRequired
                errorMessage={passphraseError}
              />
            )}
          />
        </fieldset>
        <div className="admin-card__actions">
          <Button type="submit" className="admin-danger" variant="primary" isDisabled={isRunning}>
            {t('adminConsole.backup.restore.button')}
          </Button>
        </div>
      </Form>
      <div role="status" className="admin-card__result">
        {isRunning ? (
          <BusyIndicator label={t('adminConsole.backup.restore.running')} progress={progress} />
        ) : null}
      </div>
      {/* The form is disabled while the restore runs, so focus moves to the outcome. */}
      {restore.state === 'restored' ? (
        <FocusedResult>
          <Notice tone="success" title={t('adminConsole.backup.restore.doneTitle')}>
            {restore.backupCreatedAt === null ? null : (
              <p>
                {endSentence(
                  t('adminConsole.backup.restore.doneWhich', {
                    date: formatDate(restore.backupCreatedAt, i18n.language),
                    time: formatTime(restore.backupCreatedAt, i18n.language),
                  }),
                )}
              </p>
            )}
            <p>{t('adminConsole.backup.restore.done')}</p>
          </Notice>
        </FocusedResult>
      ) : null}
      {restore.state === 'cancelled' ? (
        <FocusedResult>
          <Notice tone="info">{t('adminConsole.backup.restore.cancelled')}</Notice>
        </FocusedResult>
      ) : null}
      {restore.state === 'failed' ? (
        <FocusedResult>
          <Notice tone="danger">{t(`adminConsole.errors.${restore.errorKey}`)}</Notice>
        </FocusedResult>
      ) : null}
      <ModalDialog
        isOpen={isConfirming}
        onOpenChange={setIsConfirming}
        title={t('adminConsole.backup.restore.confirmTitle')}
        role="alertdialog"
        size="small"
      >
        <p className="admin-dialog__text">{t('adminConsole.backup.restore.confirmBody')}</p>
        <Notice tone="danger">{t('adminConsole.backup.restore.confirmWarning')}</Notice>
        <DialogActions>
          <Button onPress={() => setIsConfirming(false)} autoFocus>
            {t('adminConsole.common.cancel')}
          </Button>
          <Button variant="primary" className="admin-danger" onPress={() => void onRestore()}>
            {t('adminConsole.backup.restore.confirm')}
          </Button>
        </DialogActions>
      </ModalDialog>
    </section>
  )
}
