import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ZConsentEntrySchema } from '../../../../shared/cases/intake-schema'
import { CONSENT_METHODS, CONSENT_PURPOSES, type TConsentPurpose } from '../../../../shared/cases/vocabulary'
import { api, callApi } from '../../api'
import { todayIso } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import { FormDateField, FormDialog, FormRadioGroupField, FormSelectField, FormTextAreaField } from '../../ui'
import { useCaseDialog } from './caseDialog'
import { caseErrorKey, refusedFields, type TCaseErrorKey } from './errors'

type TConsentForm = z.input<typeof ZConsentEntrySchema>
const FIELDS = ['purpose', 'granted', 'method', 'givenOn', 'expiresOn', 'notes'] as const

/** What the dialog is for: the survivor's answer, given or refused (any purpose), or withdrawing one purpose. */
export type TConsentDialogMode =
  { kind: 'grant'; purpose: TConsentPurpose | '' } | { kind: 'withdraw'; purpose: TConsentPurpose }

export type TConsentDialogProps = {
  caseId: string
  reference: string
  /** null keeps the dialog closed. */
  mode: TConsentDialogMode | null
  onClose: () => void
  onRecorded: (message: string) => Promise<void>
}

const emptyForm = (mode: TConsentDialogMode | null): TConsentForm => ({
  purpose: (mode?.purpose ?? '') as TConsentPurpose,
  granted: mode?.kind !== 'withdraw',
  method: '',
  givenOn: todayIso(),
  expiresOn: '',
  notes: '',
})

/** Records consent given, renewed, refused or withdrawn. Never overwrites: each one is added to the history. */
export function ConsentDialog({ mode, ...props }: TConsentDialogProps) {
  // A fresh form for each opening, so a withdrawal never inherits a grant's fields.
  const key = mode === null ? 'closed' : `${mode.kind}-${mode.purpose}`
  return <ConsentDialogForm key={key} mode={mode} {...props} />
}

function ConsentDialogForm({ caseId, reference, mode, onClose, onRecorded }: TConsentDialogProps) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const [serverError, setServerError] = useState<TCaseErrorKey | null>(null)
  const dialog = useCaseDialog(serverError)
  const isWithdrawal = mode?.kind === 'withdraw'
  const form = useForm<TConsentForm>({
    resolver: zodResolver(ZConsentEntrySchema),
    defaultValues: emptyForm(mode),
    mode: 'onTouched',
  })
  const isGranted = useWatch({ control: form.control, name: 'granted' })

  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null)
    // A refusal has a date (optional) but nothing that could expire.
    const entry = values.granted ? values : { ...values, expiresOn: '' }
    const result = await callApi(() => api.cases.recordConsent({ caseId, entry }))
    if (result.ok) {
      const purpose = vocab.consentPurpose(result.value.purpose)
      await onRecorded(
        result.value.granted
          ? t('casePage.consent.recorded', { purpose })
          : isWithdrawal
            ? t('casePage.consent.withdrawnDone', { purpose })
            : t('casePage.consent.refusedDone', { purpose }),
      )
      return
    }
    const fields = refusedFields(result.error)
      .map((field) => field.replace(/^entry\./, ''))
      .filter((field): field is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(field))
    if (fields.length > 0) {
      fields.forEach((field, index) =>
        form.setError(
          field,
          { type: 'server', message: 'casePage.consent.errors.refused' },
          { shouldFocus: index === 0 },
        ),
      )
    } else setServerError(caseErrorKey(result.error))
  })

  const title = isWithdrawal
    ? t('casePage.consent.withdrawTitle', { purpose: vocab.consentPurpose(mode.purpose) })
    : t('casePage.consent.recordTitle')
  const purposeOptions = CONSENT_PURPOSES.map((purpose) => ({
    id: purpose,
    label: vocab.consentPurpose(purpose),
  }))
  const methodOptions = CONSENT_METHODS.map((method) => ({ id: method, label: vocab.consentMethod(method) }))

  return (
    <FormDialog
      isOpen={mode !== null}
      onClose={onClose}
      title={title}
      role={isWithdrawal ? 'alertdialog' : 'dialog'}
      intro={
        <p className="case-dialog__text">
          {isWithdrawal
            ? t('casePage.consent.withdrawIntro', { reference })
            : t('casePage.consent.recordIntro', { reference })}
        </p>
      }
      form={form}
      onSubmit={onSubmit}
      {...dialog}
      submitLabel={
        isWithdrawal
          ? t('casePage.consent.withdrawSubmit')
          : isGranted
            ? t('casePage.consent.recordSubmit')
            : t('casePage.consent.refusedSubmit')
      }
      submittingLabel={t('casePage.common.saving')}
    >
      {isWithdrawal ? null : (
        <FormSelectField<TConsentForm>
          name="purpose"
          label={t('casePage.consent.purpose')}
          options={purposeOptions}
          placeholder={t('casePage.consent.choosePurpose')}
          isRequired
          autoFocus
        />
      )}
      {isWithdrawal ? null : (
        <FormRadioGroupField<TConsentForm>
          name="granted"
          label={t('casePage.consent.answer.label')}
          orientation="horizontal"
          options={[
            { id: 'granted', label: t('casePage.consent.answer.granted') },
            { id: 'refused', label: t('casePage.consent.answer.refused') },
          ]}
          toOption={(granted) => (granted ? 'granted' : 'refused')}
          fromOption={(id) => id === 'granted'}
        />
      )}
      <div className="case-form__row">
        <FormDateField<TConsentForm>
          name="givenOn"
          label={
            isWithdrawal
              ? t('casePage.consent.withdrawnOn')
              : isGranted
                ? t('casePage.consent.givenOn')
                : t('casePage.consent.refusedOn')
          }
        />
        {isWithdrawal || !isGranted ? null : (
          <FormDateField<TConsentForm>
            name="expiresOn"
            label={t('casePage.consent.expiresOn')}
            description={t('casePage.consent.expiresHelp')}
          />
        )}
      </div>
      <FormSelectField<TConsentForm>
        name="method"
        label={
          isWithdrawal
            ? t('casePage.consent.withdrawMethod')
            : isGranted
              ? t('casePage.consent.method')
              : t('casePage.consent.refusedMethod')
        }
        options={methodOptions}
        emptyOption={t('casePage.notRecorded')}
        {...(isWithdrawal ? { autoFocus: true } : {})}
      />
      <FormTextAreaField<TConsentForm>
        name="notes"
        label={t('casePage.consent.notes')}
        description={t('casePage.consent.notesHelp')}
        rows={2}
      />
    </FormDialog>
  )
}
