import { zodResolver } from '@hookform/resolvers/zod'
import { useCallback, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button, ConfirmDialog, Form, FormFieldset, FormTextField, Notice } from '../../../ui'
import {
  STAFF_FIELD_ISSUES,
  useAdminFieldErrorText,
  ZRestoreFormSchema,
  type TRestoreForm,
} from '../accounts/staffForms'
import { useBackupProgress } from './useBackupProgress'
import { adminErrorKey } from '../errors'
import { useSignedInStaff } from '../../vault'
import { formatDate, formatTime } from '../../../lib/dates'
import { endSentence } from '../format'
import { AdminCard } from '../AdminCard'
import { ActionOutcome, fileActionOutcome } from '../ActionOutcome'
import { useFileAction } from '../useFileAction'
import { api } from '../../../api'

const wasRestored = (answer: { restored: boolean }) => answer.restored

/**
 * Replaces everything in this computer's vault with a backup's content. Asks for the passphrase of an
 * account in the backup first, then confirms in a warning dialog before main opens the file chooser.
 */
export function RestoreBackupSection() {
  const { t, i18n } = useTranslation()
  const signedIn = useSignedInStaff()
  const [isConfirming, setIsConfirming] = useState(false)
  const errorWording = useAdminFieldErrorText()
  const form = useForm<TRestoreForm>({
    resolver: zodResolver(ZRestoreFormSchema),
    defaultValues: { username: signedIn.username, passphrase: '' },
    mode: 'onTouched',
  })
  const { getValues } = form
  const restoreBackup = useCallback(() => api.backup.restore(getValues()), [getValues])
  const { action: restore, run } = useFileAction(restoreBackup, wasRestored)
  const isRunning = restore.state === 'running'
  const progress = useBackupProgress(isRunning)

  const onRestore = async () => {
    setIsConfirming(false)
    await run()
    form.resetField('passphrase')
  }

  const outcome = fileActionOutcome(restore, {
    done: ({ backupCreatedAt }) => ({
      tone: 'success',
      title: t('admin.backup.restore.doneTitle'),
      text: (
        <>
          {backupCreatedAt === null ? null : (
            <p>
              {endSentence(
                t('admin.backup.restore.doneWhich', {
                  date: formatDate(backupCreatedAt, i18n.language),
                  time: formatTime(backupCreatedAt, i18n.language),
                }),
              )}
            </p>
          )}
          <p>{t('admin.backup.restore.done')}</p>
        </>
      ),
    }),
    cancelled: t('admin.backup.restore.cancelled'),
    failed: (error) => t(`admin.errors.${adminErrorKey('restore', error)}`),
  })

  return (
    <AdminCard
      id="admin-backup-restore-heading"
      title={t('admin.backup.restore.heading')}
      explain={t('admin.backup.restore.explain')}
      warning={
        <Notice tone="warning" title={t('admin.backup.restore.warningTitle')}>
          {t('admin.backup.restore.warning')}
        </Notice>
      }
      isCaution
    >
      <Form
        form={form}
        onSubmit={form.handleSubmit(() => setIsConfirming(true))}
        errorWording={errorWording}
        className="admin-form"
      >
        <FormFieldset legend={t('admin.backup.restore.heading')} isDisabled={isRunning}>
          <FormTextField<TRestoreForm>
            name="username"
            label={t('admin.backup.restore.username')}
            description={t('admin.backup.restore.usernameHelp')}
            autoComplete="off"
            isRequired
            issues={{
              too_small: STAFF_FIELD_ISSUES.username.too_small,
              '*': STAFF_FIELD_ISSUES.username['*'],
            }}
          />
          <FormTextField<TRestoreForm>
            name="passphrase"
            type="password"
            label={t('admin.backup.restore.passphrase')}
            description={t('admin.backup.restore.passphraseHelp')}
            autoComplete="current-password"
            isRequired
            issues={{ '*': STAFF_FIELD_ISSUES.passphrase['*'] }}
          />
        </FormFieldset>
        <div className="admin-card__actions">
          <Button type="submit" variant="danger" isDisabled={isRunning}>
            {t('admin.backup.restore.button')}
          </Button>
        </div>
      </Form>
      {/* The form is disabled while the restore runs, so focus moves to the outcome. */}
      <ActionOutcome
        busy={isRunning ? { label: t('admin.backup.restore.running'), progress } : null}
        outcome={outcome}
      />
      <ConfirmDialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={t('admin.backup.restore.confirmTitle')}
        onConfirm={() => void onRestore()}
        confirmLabel={t('admin.backup.restore.confirm')}
        cancelLabel={t('admin.common.cancel')}
        isDanger
        isCancelFocused
      >
        <p className="admin-dialog__text">{t('admin.backup.restore.confirmBody')}</p>
        <Notice tone="danger">{t('admin.backup.restore.confirmWarning')}</Notice>
      </ConfirmDialog>
    </AdminCard>
  )
}
