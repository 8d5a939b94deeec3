import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TLawyer } from '../../../../shared/contract/lawyers'
import { AIRPORTS, airportName } from '../../../../shared/roster/airports'
import { emptyLawyerFields, type TLawyerFields } from '../../../../shared/roster/lawyer-schema'
import { LICENCE_STATUSES } from '../../../../shared/roster/vocabulary'
import { api, callApi } from '../../api'
import { useVocab } from '../../lib/vocabulary'
import {
  FormCheckboxGroupField,
  FormDateField,
  FormDialog,
  FormNumberField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../ui'
import { lawyerErrorKey, useLawyerFieldErrorText, type TLawyerErrorKey } from './errors'
import { fromLawyerForm, toLawyerForm, ZLawyerFormSchema, type TLawyerForm } from './lawyerForm'

export type TLawyerFormDialogProps = {
  /** The lawyer to edit, or null to add one. */
  lawyer: TLawyer | null
  onClose: () => void
  onSaved: (lawyer: TLawyer) => void
}

/** Adds a lawyer to the roster or edits one: who they are, where they are licensed, what they take, when on call. */
export function LawyerFormDialog({ lawyer, onClose, onSaved }: TLawyerFormDialogProps) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const errorWording = useLawyerFieldErrorText()
  const [refusal, setRefusal] = useState<TLawyerErrorKey | null>(null)
  const base: TLawyerFields = lawyer ?? emptyLawyerFields()
  const form = useForm<TLawyerForm>({
    resolver: zodResolver(ZLawyerFormSchema),
    defaultValues: toLawyerForm(base),
    mode: 'onTouched',
  })

  const onSubmit = form.handleSubmit(async (values) => {
    setRefusal(null)
    const fields = fromLawyerForm(values, base)
    const result = await callApi(() =>
      lawyer === null
        ? api.lawyers.create({ lawyer: fields })
        : api.lawyers.update({ id: lawyer.id, lawyer: fields }),
    )
    if (result.ok) onSaved(result.value)
    else setRefusal(lawyerErrorKey(result.error))
  })

  const provinceOptions = vocab.options('province', { sorted: true })
  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={lawyer === null ? t('lawyers.form.addTitle') : t('lawyers.form.editTitle')}
      size="large"
      form={form}
      onSubmit={onSubmit}
      errorWording={errorWording}
      error={refusal && t(`lawyers.errors.${refusal}`)}
      cancelLabel={t('lawyers.common.cancel')}
      submitLabel={t('lawyers.form.save')}
      submittingLabel={t('lawyers.form.saving')}
    >
      <div className="lawyer-form__grid">
        <FormTextField<TLawyerForm> name="firstName" label={t('lawyers.fields.firstName')} />
        <FormTextField<TLawyerForm> name="lastName" label={t('lawyers.fields.lastName')} />
        <FormTextField<TLawyerForm> name="email" label={t('lawyers.fields.email')} type="email" />
        <FormTextField<TLawyerForm> name="phone" label={t('lawyers.fields.phone')} type="tel" />
        <FormTextField<TLawyerForm> name="firm" label={t('lawyers.fields.firm')} />
        <FormTextField<TLawyerForm> name="city" label={t('lawyers.fields.city')} />
        <FormSelectField<TLawyerForm>
          name="province"
          label={t('lawyers.fields.province')}
          options={provinceOptions}
          emptyOption={t('lawyers.form.none')}
        />
        <FormTextField<TLawyerForm>
          name="languages"
          label={t('lawyers.fields.languages')}
          description={t('lawyers.form.languagesHint')}
        />
      </div>
      <fieldset className="lawyer-form__group">
        <legend>{t('lawyers.form.licence')}</legend>
        <div className="lawyer-form__grid">
          <FormSelectField<TLawyerForm>
            name="licenceProvince"
            label={t('lawyers.fields.lawSociety')}
            options={provinceOptions}
            emptyOption={t('lawyers.form.none')}
          />
          <FormTextField<TLawyerForm> name="licenceNumber" label={t('lawyers.fields.licenceNumber')} />
          <FormSelectField<TLawyerForm>
            name="licenceStatus"
            label={t('lawyers.fields.licenceStatus')}
            options={LICENCE_STATUSES.map((status) => ({
              id: status,
              label: t(`lawyers.licenceStatus.${status}`),
            }))}
          />
          <FormDateField<TLawyerForm> name="licenceVerifiedOn" label={t('lawyers.fields.verifiedOn')} />
        </div>
        <FormTextField<TLawyerForm>
          name="otherLicences"
          label={t('lawyers.fields.otherLicences')}
          description={t('lawyers.form.otherLicencesHint')}
        />
      </fieldset>
      <FormCheckboxGroupField<TLawyerForm>
        name="practiceAreas"
        label={t('lawyers.fields.practiceAreas')}
        options={vocab.options('legalNeed')}
      />
      <FormCheckboxGroupField<TLawyerForm>
        name="experienceTypes"
        label={t('lawyers.fields.experienceTypes')}
        options={vocab.options('experience')}
      />
      <fieldset className="lawyer-form__group">
        <legend>{t('lawyers.form.onCall')}</legend>
        <FormCheckboxGroupField<TLawyerForm>
          name="airports"
          label={t('lawyers.fields.airports')}
          options={AIRPORTS.map((airport) => ({
            id: airport,
            label: `${airport} — ${airportName(airport, i18n.language)}`,
          }))}
        />
        <FormTextField<TLawyerForm>
          name="onCallHours"
          label={t('lawyers.fields.onCallHours')}
          description={t('lawyers.form.onCallHoursHint')}
        />
      </fieldset>
      <FormNumberField<TLawyerForm>
        name="maxActive"
        label={t('lawyers.fields.maxActive')}
        description={t('lawyers.form.maxActiveHint')}
        minValue={0}
        maxValue={200}
        incrementLabel={t('lawyers.form.more')}
        decrementLabel={t('lawyers.form.fewer')}
      />
      <FormTextAreaField<TLawyerForm>
        name="conflicts"
        label={t('lawyers.fields.conflicts')}
        description={t('lawyers.form.conflictsHint')}
      />
      <FormTextAreaField<TLawyerForm> name="notes" label={t('lawyers.fields.notes')} />
    </FormDialog>
  )
}
