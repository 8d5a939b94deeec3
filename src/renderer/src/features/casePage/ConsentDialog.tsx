import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ZConsentEntrySchema } from '../../../../shared/cases/intake-schema'
import { CONSENT_METHODS, CONSENT_PURPOSES, type TConsentPurpose } from '../../../../shared/cases/vocabulary'
import { api, callApi } from '../../api'
import {
  Button,
  DialogActions,
  ModalDialog,
  Notice,
  RadioGroupField,
  SelectField,
  TextAreaField,
} from '../../ui'
import { caseErrorKey, refusedFields, type TCaseErrorKey } from './errors'
import { useFieldErrorText } from './fieldErrors'
import { todayIso } from '../../lib/dates'
import { IsoDateField } from './IsoDateField'
import { useVocab } from '../../lib/vocabulary'

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
  const fieldError = useFieldErrorText()
  const [serverError, setServerError] = useState<TCaseErrorKey | null>(null)
  const isWithdrawal = mode?.kind === 'withdraw'
  const { control, handleSubmit, setError, formState } = useForm<TConsentForm>({
    resolver: zodResolver(ZConsentEntrySchema),
    defaultValues: emptyForm(mode),
    mode: 'onTouched',
  })
  const isGranted = useWatch({ control, name: 'granted' })

  const onSubmit = handleSubmit(async (form) => {
    setServerError(null)
    // A refusal has a date (optional) but nothing that could expire.
    const entry = form.granted ? form : { ...form, expiresOn: '' }
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
        setError(
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
  const methodOptions = [
    { id: 'none', label: t('casePage.notRecorded') },
    ...CONSENT_METHODS.map((method) => ({ id: method, label: vocab.consentMethod(method) })),
  ]

  return (
    <ModalDialog
      isOpen={mode !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={title}
      role={isWithdrawal ? 'alertdialog' : 'dialog'}
      isDismissable={!formState.isSubmitting}
      isOutsideClickDismissable={!formState.isDirty}
    >
      <p className="case-dialog__text">
        {isWithdrawal
          ? t('casePage.consent.withdrawIntro', { reference })
          : t('casePage.consent.recordIntro', { reference })}
      </p>
      <Form onSubmit={(event) => void onSubmit(event)} validationBehavior="aria" className="case-form">
        <fieldset disabled={formState.isSubmitting} className="case-form__fieldset">
          <legend className="visually-hidden">{title}</legend>
          {isWithdrawal ? null : (
            <Controller
              control={control}
              name="purpose"
              render={({ field }) => (
                <SelectField
                  label={t('casePage.consent.purpose')}
                  options={purposeOptions}
                  value={(field.value as string) === '' ? null : field.value}
                  onChange={(value) => field.onChange(value ?? '')}
                  placeholder={t('casePage.consent.choosePurpose')}
                  isRequired
                  autoFocus
                  errorMessage={fieldError(formState.errors.purpose)}
                />
              )}
            />
          )}
          {isWithdrawal ? null : (
            <Controller
              control={control}
              name="granted"
              render={({ field }) => (
                <RadioGroupField
                  label={t('casePage.consent.answer.label')}
                  orientation="horizontal"
                  options={[
                    { id: 'granted', label: t('casePage.consent.answer.granted') },
                    { id: 'refused', label: t('casePage.consent.answer.refused') },
                  ]}
                  value={field.value ? 'granted' : 'refused'}
                  onChange={(value) => field.onChange(value === 'granted')}
                  name={field.name}
                />
              )}
            />
          )}
          <div className="case-form__row">
            <Controller
              control={control}
              name="givenOn"
              render={({ field }) => (
                <IsoDateField
                  label={
                    isWithdrawal
                      ? t('casePage.consent.withdrawnOn')
                      : isGranted
                        ? t('casePage.consent.givenOn')
                        : t('casePage.consent.refusedOn')
                  }
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  errorMessage={fieldError(formState.errors.givenOn)}
                />
              )}
            />
            {isWithdrawal || !isGranted ? null : (
              <Controller
                control={control}
                name="expiresOn"
                render={({ field }) => (
                  <IsoDateField
                    label={t('casePage.consent.expiresOn')}
                    description={t('casePage.consent.expiresHelp')}
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    errorMessage={fieldError(formState.errors.expiresOn)}
                  />
                )}
              />
            )}
          </div>
          <Controller
            control={control}
            name="method"
            render={({ field }) => (
              <SelectField
                label={
                  isWithdrawal
                    ? t('casePage.consent.withdrawMethod')
                    : isGranted
                      ? t('casePage.consent.method')
                      : t('casePage.consent.refusedMethod')
                }
                options={methodOptions}
                value={field.value === '' || field.value === undefined ? 'none' : field.value}
                onChange={(value) => field.onChange(value === 'none' || value === null ? '' : value)}
                errorMessage={fieldError(formState.errors.method)}
                {...(isWithdrawal ? { autoFocus: true } : {})}
              />
            )}
          />
          <Controller
            control={control}
            name="notes"
            render={({ field }) => (
              <TextAreaField
                label={t('casePage.consent.notes')}
                description={t('casePage.consent.notesHelp')}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                inputRef={field.ref}
                rows={2}
                errorMessage={fieldError(formState.errors.notes)}
              />
            )}
          />
        </fieldset>
        {serverError ? (
          <Notice tone="danger" live="alert">
            {t(`casePage.errors.${serverError}`)}
          </Notice>
        ) : null}
        <DialogActions>
          <Button onPress={onClose} isDisabled={formState.isSubmitting}>
            {t('casePage.common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting
              ? t('casePage.common.saving')
              : isWithdrawal
                ? t('casePage.consent.withdrawSubmit')
                : isGranted
                  ? t('casePage.consent.recordSubmit')
                  : t('casePage.consent.refusedSubmit')}
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  )
}
