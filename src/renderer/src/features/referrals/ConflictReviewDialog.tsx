import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CONFLICT_DECISIONS } from '../../../../shared/referrals/vocabulary'
import { api, callApi } from '../../api'
import { FormDialog, FormRadioGroupField, FormTextAreaField } from '../../ui'
import { referralErrorKey, useReferralFieldErrorText, type TReferralErrorKey } from './errors'

/** One conflict hit as the ranking shows it (the parameters of an `excluded.conflict` reason). */
export type TConflictHitView = {
  lawyerId: string
  lawyerDisplayName: string
  hitKey: string
  survivorName: string
  lawyerName: string
  source: string
  score: number
  evidence: string[]
}

const ZReviewFormSchema = z.object({
  decision: z.union([z.literal(''), z.enum(CONFLICT_DECISIONS)]).refine((value) => value !== '', {
    error: 'referrals.errors.reasonRequired',
  }),
  reason: z
    .string()
    .trim()
    .min(1, { error: 'referrals.errors.reasonRequired' })
    .max(2000, { error: 'vocab.validation.tooLong' }),
})
type TReviewForm = z.input<typeof ZReviewFormSchema>
const EMPTY: TReviewForm = { decision: '', reason: '' }

export type TConflictReviewDialogProps = {
  caseId: string
  /** null keeps the dialog closed. */
  hit: TConflictHitView | null
  onClose: () => void
  onReviewed: (message: string) => Promise<void>
}

/** Staff's review of one possible conflict: both names and why they matched, a decision and its reason. */
export function ConflictReviewDialog({ caseId, hit, onClose, onReviewed }: TConflictReviewDialogProps) {
  const { t } = useTranslation()
  const [serverError, setServerError] = useState<TReferralErrorKey | null>(null)
  const form = useForm<TReviewForm>({
    resolver: zodResolver(ZReviewFormSchema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  })
  const close = () => {
    form.reset(EMPTY)
    setServerError(null)
    onClose()
  }
  const onSubmit = form.handleSubmit(async ({ decision, reason }) => {
    if (hit === null || decision === '') return
    setServerError(null)
    const result = await callApi(() =>
      api.matching.reviewConflict({ caseId, lawyerId: hit.lawyerId, hitKey: hit.hitKey, decision, reason }),
    )
    if (!result.ok) {
      setServerError(referralErrorKey(result.error))
      return
    }
    form.reset(EMPTY)
    await onReviewed(t('referrals.review.done', { name: hit.lawyerDisplayName }))
  })
  const evidence = (hit?.evidence ?? []).map((key) =>
    key.startsWith('name.') && t(`referrals.evidence.${key}` as 'referrals.evidence.other') !== key
      ? t(`referrals.evidence.${key}` as 'referrals.evidence.other')
      : t('referrals.evidence.other'),
  )
  return (
    <FormDialog
      isOpen={hit !== null}
      onClose={close}
      title={t('referrals.review.title', { name: hit?.lawyerDisplayName ?? '' })}
      intro={
        hit === null ? null : (
          <>
            <p>
              {t('referrals.review.intro', {
                survivorName: hit.survivorName,
                lawyerName: hit.lawyerName,
                source: t(`referrals.source.${hit.source}` as 'referrals.source.declared'),
                score: hit.score.toFixed(2),
              })}
            </p>
            <p>{t('referrals.review.evidence', { evidence: [...new Set(evidence)].join(', ') })}</p>
          </>
        )
      }
      form={form}
      onSubmit={onSubmit}
      errorWording={useReferralFieldErrorText()}
      error={serverError === null ? null : t(`referrals.errors.${serverError}`)}
      cancelLabel={t('referrals.actionDialog.cancel')}
      submitLabel={t('referrals.review.submit')}
      submittingLabel={t('referrals.review.submitting')}
    >
      <FormRadioGroupField<TReviewForm>
        name="decision"
        label={t('referrals.review.decision')}
        options={CONFLICT_DECISIONS.map((decision) => ({
          id: decision,
          label: t(`referrals.review.${decision}`),
        }))}
        orientation="vertical"
        isRequired
      />
      <FormTextAreaField<TReviewForm>
        name="reason"
        label={t('referrals.review.reason')}
        isRequired
        rows={3}
      />
    </FormDialog>
  )
}
