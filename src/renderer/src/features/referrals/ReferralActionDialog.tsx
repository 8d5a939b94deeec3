import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { TReferral } from '../../../../shared/contract/referrals'
import { CONFLICT_CONFIRMATION_METHODS, type TReferralAction } from '../../../../shared/referrals/vocabulary'
import { api, callApi } from '../../api'
import { FormDialog, FormRadioGroupField, FormTextAreaField } from '../../ui'
import { referralErrorKey, useReferralFieldErrorText, type TReferralErrorKey } from './errors'

type TActionForm = { confirmation: string; note: string }
const EMPTY: TActionForm = { confirmation: '', note: '' }

/** Confirming needs how the lawyer confirmed; closing needs a reason (main checks the same). */
const actionFormSchema = (action: TReferralAction | null) =>
  z
    .object({
      confirmation: z.string(),
      note: z.string().trim().max(2000, { error: 'vocab.validation.tooLong' }),
    })
    .superRefine((form, ctx) => {
      if (action === 'confirm_no_conflict' && form.confirmation === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmation'],
          message: 'referrals.errors.confirmationRequired',
        })
      }
      if (action === 'close' && form.note === '') {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'referrals.errors.reasonRequired' })
      }
    })

export type TReferralActionDialogProps = {
  /** The referral and the step to record; null keeps the dialog closed. */
  target: { referral: TReferral; action: TReferralAction } | null
  onClose: () => void
  onDone: (message: string) => Promise<void>
}

/** Records one step of a referral, with how the lawyer confirmed, or a note (a reason, to close). */
export function ReferralActionDialog({ target, onClose, onDone }: TReferralActionDialogProps) {
  const { t } = useTranslation()
  const [serverError, setServerError] = useState<TReferralErrorKey | null>(null)
  const action = target?.action ?? null
  const schema = useMemo(() => actionFormSchema(action), [action])
  const form = useForm<TActionForm>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  })
  const close = () => {
    form.reset(EMPTY)
    setServerError(null)
    onClose()
  }
  const onSubmit = form.handleSubmit(async ({ confirmation, note }) => {
    if (target === null) return
    setServerError(null)
    const method = CONFLICT_CONFIRMATION_METHODS.find((each) => each === confirmation)
    const result = await callApi(() =>
      api.referrals.act({
        referralId: target.referral.id,
        action: target.action,
        note,
        ...(method === undefined ? {} : { confirmation: method }),
      }),
    )
    if (!result.ok) {
      setServerError(referralErrorKey(result.error))
      return
    }
    form.reset(EMPTY)
    await onDone(t(`referrals.actionDone.${target.action}`, { name: target.referral.recipientName }))
  })
  return (
    <FormDialog
      isOpen={target !== null}
      onClose={close}
      title={t('referrals.actionDialog.title', {
        action: action === null ? '' : t(`referrals.action.${action}`),
        name: target?.referral.recipientName ?? '',
      })}
      form={form}
      onSubmit={onSubmit}
      errorWording={useReferralFieldErrorText()}
      error={serverError === null ? null : t(`referrals.errors.${serverError}`)}
      cancelLabel={t('referrals.actionDialog.cancel')}
      submitLabel={t('referrals.actionDialog.submit')}
      submittingLabel={t('referrals.actionDialog.submitting')}
    >
      {action === 'confirm_no_conflict' ? (
        <FormRadioGroupField<TActionForm>
          name="confirmation"
          label={t('referrals.actionDialog.confirmation')}
          options={CONFLICT_CONFIRMATION_METHODS.map((method) => ({
            id: method,
            label: t(`referrals.confirmation.${method}`),
          }))}
          orientation="vertical"
          isRequired
        />
      ) : null}
      <FormTextAreaField<TActionForm>
        name="note"
        label={
          action === 'close' ? t('referrals.actionDialog.closeReason') : t('referrals.actionDialog.note')
        }
        isRequired={action === 'close'}
        rows={3}
      />
    </FormDialog>
  )
}
