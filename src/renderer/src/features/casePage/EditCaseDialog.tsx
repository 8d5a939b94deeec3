import { zodResolver } from '@hookform/resolvers/zod'
import { useState, type ReactNode } from 'react'
import { useForm, type FieldPath, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { TCaseFileChanges, TCaseFileChangesInput } from '../../../../shared/cases/case-file-schema'
import type { TCaseDetail } from '../../../../shared/contract/cases'
import { api, callApi } from '../../api'
import { announce, Button, FormDialog, Notice } from '../../ui'
import { useCaseDialog } from './caseDialog'
import { caseErrorKey, type TCaseErrorKey } from './errors'

type TEditForm = TCaseFileChangesInput

export type TEditCaseDialogProps = {
  detail: TCaseDetail
  title: string
  /** The sections this editor changes, whole, with the intake's rules for them. */
  schema: z.ZodType<TCaseFileChanges, TEditForm>
  defaultValues: TEditForm
  onClose: () => void
  /** After a save: reload the case (and whatever the caller shows of the edited sections). */
  onSaved: (values: TEditForm) => Promise<void>
  /** After a refusal because the case changed meanwhile: load the latest version. */
  onReload: () => Promise<void>
  children: ReactNode
}

/** Main names the field at fault as 'section.field' with the intake's translation key as its message. */
function fieldRefusal(details: unknown): { field: string; message: string } | null {
  if (typeof details !== 'object' || details === null) return null
  if (!('field' in details) || !('message' in details)) return null
  const { field, message } = details
  return typeof field === 'string' && typeof message === 'string' && field !== '' ? { field, message } : null
}

/**
 * Edits sections of the survivor's file with the intake's fields and rules. The save carries the version the page
 * loaded: if the case changed since (another window, a colleague), main refuses it and the dialog says so, with a
 * way to load the latest version; nothing is overwritten.
 */
export function EditCaseDialog({
  detail,
  title,
  schema,
  defaultValues,
  onClose,
  onSaved,
  onReload,
  children,
}: TEditCaseDialogProps) {
  const { t } = useTranslation()
  const [serverError, setServerError] = useState<TCaseErrorKey | null>(null)
  const [isStale, setIsStale] = useState(false)
  const dialog = useCaseDialog(serverError)
  const form = useForm<TEditForm>({
    resolver: zodResolver(schema) as Resolver<TEditForm>,
    defaultValues,
    mode: 'onTouched',
  })

  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null)
    const result = await callApi(() =>
      api.cases.edit({ caseId: detail.id, version: detail.updatedAt, changes: values }),
    )
    if (result.ok) {
      const count = result.value.changedFields.length
      announce(count === 0 ? t('casePage.edit.unchanged') : t('casePage.edit.saved', { count }))
      await onSaved(values)
      onClose()
      return
    }
    if (result.error?.code === 'CONFLICT') {
      setIsStale(true)
      return
    }
    const refusal = fieldRefusal(result.error?.details)
    if (result.error?.code === 'BAD_REQUEST' && refusal !== null) {
      form.setError(
        refusal.field as FieldPath<TEditForm>,
        { type: 'server', message: refusal.message },
        { shouldFocus: true },
      )
      return
    }
    setServerError(caseErrorKey(result.error))
  })

  const reloadLatest = async () => {
    await onReload()
    onClose()
  }

  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={title}
      size="large"
      intro={
        isStale ? (
          <Notice tone="danger" live="alert">
            <p>{t('casePage.edit.stale')}</p>
            <Button onPress={() => void reloadLatest()}>{t('casePage.edit.reload')}</Button>
          </Notice>
        ) : (
          <p className="case-dialog__text">{t('casePage.edit.intro', { reference: detail.reference })}</p>
        )
      }
      form={form}
      onSubmit={onSubmit}
      {...dialog}
      submitLabel={t('casePage.edit.submit')}
      submittingLabel={t('casePage.edit.submitting')}
    >
      {children}
    </FormDialog>
  )
}
