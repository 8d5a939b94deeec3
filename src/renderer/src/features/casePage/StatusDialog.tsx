import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CASE_STATUSES, type TCaseStatus } from '../../../../shared/cases/vocabulary'
import type { TCaseDetail } from '../../../../shared/contract/cases'
import { api, callApi } from '../../api'
import { useVocab } from '../../lib/vocabulary'
import { FormDialog, FormRadioGroupField, FormTextAreaField } from '../../ui'
import { useCaseDialog } from './caseDialog'
import { caseErrorKey, referralRefusal, refusedFields, type TCaseErrorKey } from './errors'

/** Closing, or going back to an earlier step, needs a reason (main checks the same). */
export function needsReason(from: TCaseStatus, to: TCaseStatus | ''): boolean {
  if (to === '') return false
  return to === 'closed' || CASE_STATUSES.indexOf(to) < CASE_STATUSES.indexOf(from)
}

const statusFormSchema = (from: TCaseStatus, allowed: readonly TCaseStatus[]) =>
  z
    .object({
      to: z.union([z.literal(''), z.enum(CASE_STATUSES)]),
      reason: z.string().trim().max(2000, { error: 'vocab.validation.tooLong' }),
    })
    .superRefine((form, ctx) => {
      if (form.to === '' || !allowed.includes(form.to)) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'casePage.status.errors.toRequired' })
      } else if (needsReason(from, form.to) && form.reason === '') {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'casePage.status.errors.reasonRequired' })
      }
    })
type TStatusForm = { to: TCaseStatus | ''; reason: string }
const EMPTY: TStatusForm = { to: '', reason: '' }

export type TStatusDialogProps = {
  detail: TCaseDetail
  isOpen: boolean
  onClose: () => void
  onChanged: () => Promise<void>
}

/** Moves the case along its workflow, offering only the statuses main says may follow. */
export function StatusDialog({ detail, isOpen, onClose, onChanged }: TStatusDialogProps) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const [serverError, setServerError] = useState<TCaseErrorKey | null>(null)
  const dialog = useCaseDialog(serverError)
  const schema = useMemo(
    () => statusFormSchema(detail.status, detail.nextStatuses),
    [detail.status, detail.nextStatuses],
  )
  const form = useForm<TStatusForm>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  })
  const to = useWatch({ control: form.control, name: 'to' })
  const isReasonRequired = needsReason(detail.status, to)

  const close = () => {
    form.reset(EMPTY)
    setServerError(null)
    onClose()
  }

  const onSubmit = form.handleSubmit(async ({ to: target, reason }) => {
    if (target === '') return
    setServerError(null)
    const result = await callApi(() => api.cases.changeStatus({ caseId: detail.id, to: target, reason }))
    if (result.ok) {
      form.reset(EMPTY)
      await onChanged()
      return
    }
    // Said on the field it concerns when main names one; otherwise under the form.
    const fields = refusedFields(result.error)
    if (fields.includes('reason')) {
      form.setError(
        'reason',
        { type: 'server', message: 'casePage.status.errors.reasonRefused' },
        { shouldFocus: true },
      )
    } else if (fields.includes('to') || result.error?.code === 'CONFLICT') {
      // The case's referrals say why (docs/matching.md); otherwise the status moved under us.
      const refusal = referralRefusal(result.error)
      const message = refusal === null ? 'notAllowed' : refusal
      form.setError('to', { type: 'server', message: `casePage.status.errors.${message}` })
    } else {
      setServerError(caseErrorKey(result.error))
    }
  })

  const options = detail.nextStatuses.map((status) => ({
    id: status,
    label: vocab.status(status),
    description:
      status === 'closed'
        ? t('casePage.status.closeHint')
        : needsReason(detail.status, status)
          ? t('casePage.status.backHint')
          : t('casePage.status.forwardHint'),
  }))

  return (
    <FormDialog
      isOpen={isOpen}
      onClose={close}
      title={t('casePage.status.title', { reference: detail.reference })}
      intro={
        <p className="case-dialog__text">
          {t('casePage.status.current', { status: vocab.status(detail.status) })}
        </p>
      }
      form={form}
      onSubmit={onSubmit}
      {...dialog}
      submitLabel={t('casePage.status.submit')}
      submittingLabel={t('casePage.status.submitting')}
    >
      <FormRadioGroupField<TStatusForm>
        name="to"
        label={t('casePage.status.to')}
        options={options}
        orientation="vertical"
        isRequired
      />
      <FormTextAreaField<TStatusForm>
        name="reason"
        label={isReasonRequired ? t('casePage.status.reasonRequired') : t('casePage.status.reason')}
        description={t('casePage.status.reasonHelp')}
        isRequired={isReasonRequired}
        rows={3}
      />
    </FormDialog>
  )
}
