import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TOrganization } from '../../../../shared/contract/directory'
import { emptyOrganizationFields } from '../../../../shared/roster/directory-schema'
import { api, callApi } from '../../api'
import { useVocab } from '../../lib/vocabulary'
import {
  FormCheckbox,
  FormCheckboxGroupField,
  FormDateField,
  FormDialog,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from '../../ui'
import { useDirectoryWords } from './directoryWords'
import { directoryErrorKey, useDirectoryFieldErrorText, type TDirectoryErrorKey } from './errors'
import {
  fromOrganizationForm,
  toOrganizationForm,
  ZOrganizationFormSchema,
  type TOrganizationForm,
} from './organizationForm'

export type TOrganizationFormDialogProps = {
  /** The organization to edit, or null to add one. */
  organization: TOrganization | null
  onClose: () => void
  onSaved: (organization: TOrganization) => void
}

/** Adds an organization to the directory or edits one: what it is, where it serves, how to reach it, the source. */
export function OrganizationFormDialog({ organization, onClose, onSaved }: TOrganizationFormDialogProps) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const words = useDirectoryWords()
  const errorWording = useDirectoryFieldErrorText()
  const [refusal, setRefusal] = useState<TDirectoryErrorKey | null>(null)
  const form = useForm<TOrganizationForm>({
    resolver: zodResolver(ZOrganizationFormSchema),
    defaultValues: toOrganizationForm(organization ?? emptyOrganizationFields()),
    mode: 'onTouched',
  })
  const isNational = useWatch({ control: form.control, name: 'national' })

  const onSubmit = form.handleSubmit(async (values) => {
    setRefusal(null)
    const fields = fromOrganizationForm(values)
    const result = await callApi(() =>
      organization === null
        ? api.directory.createOrganization({ organization: fields })
        : api.directory.updateOrganization({ id: organization.id, organization: fields }),
    )
    if (result.ok) onSaved(result.value)
    else setRefusal(directoryErrorKey(result.error))
  })

  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={organization === null ? t('directory.form.addTitle') : t('directory.form.editTitle')}
      size="large"
      form={form}
      onSubmit={onSubmit}
      errorWording={errorWording}
      error={refusal && t(`directory.errors.${refusal}`)}
      cancelLabel={t('directory.common.cancel')}
      submitLabel={t('directory.form.save')}
      submittingLabel={t('directory.form.saving')}
    >
      <div className="directory-form__grid">
        <FormTextField<TOrganizationForm> name="name" label={t('directory.fields.name')} isRequired />
        <FormSelectField<TOrganizationForm>
          name="category"
          label={t('directory.fields.category')}
          options={words.categoryOptions}
        />
        <FormTextField<TOrganizationForm> name="website" label={t('directory.fields.website')} type="url" />
        <FormTextField<TOrganizationForm> name="phone" label={t('directory.fields.phone')} type="tel" />
        <FormTextField<TOrganizationForm> name="email" label={t('directory.fields.email')} type="email" />
        <FormTextField<TOrganizationForm>
          name="languages"
          label={t('directory.fields.languages')}
          description={t('directory.form.languagesHint')}
        />
      </div>
      <FormCheckbox<TOrganizationForm> name="national">{t('directory.fields.national')}</FormCheckbox>
      {isNational ? null : (
        <FormCheckboxGroupField<TOrganizationForm>
          name="provinces"
          label={t('directory.fields.provinces')}
          options={vocab.options('province', { sorted: true })}
        />
      )}
      <FormCheckboxGroupField<TOrganizationForm>
        name="serviceKeys"
        label={t('directory.fields.serviceKeys')}
        options={words.serviceOptions}
      />
      <FormTextAreaField<TOrganizationForm> name="services" label={t('directory.fields.services')} />
      <div className="directory-form__grid">
        <FormTextField<TOrganizationForm> name="source" label={t('directory.fields.source')} />
        <FormSelectField<TOrganizationForm>
          name="confidence"
          label={t('directory.fields.confidence')}
          options={words.confidenceOptions}
          emptyOption={t('directory.form.notSaid')}
        />
        <FormDateField<TOrganizationForm>
          name="lastVerifiedOn"
          label={t('directory.fields.lastVerifiedOn')}
          description={t('directory.form.lastVerifiedHint')}
        />
      </div>
      <FormTextAreaField<TOrganizationForm> name="notes" label={t('directory.fields.notes')} />
    </FormDialog>
  )
}
