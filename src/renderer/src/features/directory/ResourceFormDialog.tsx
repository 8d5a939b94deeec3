import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TResource } from '../../../../shared/contract/directory'
import {
  emptyResourceFields,
  ZResourceFieldsSchema,
  type TResourceFields,
} from '../../../../shared/roster/directory-schema'
import { api, callApi } from '../../api'
import { FormDateField, FormDialog, FormSelectField, FormTextAreaField, FormTextField } from '../../ui'
import { useDirectoryWords } from './directoryWords'
import { directoryErrorKey, useDirectoryFieldErrorText, type TDirectoryErrorKey } from './errors'

type TResourceForm = TResourceFields

export type TResourceFormDialogProps = {
  /** The resource to edit, or null to add one. */
  resource: TResource | null
  onClose: () => void
  onSaved: (resource: TResource) => void
}

/** Adds a background resource (a treaty, a statute, a guide …) or edits one. */
export function ResourceFormDialog({ resource, onClose, onSaved }: TResourceFormDialogProps) {
  const { t } = useTranslation()
  const words = useDirectoryWords()
  const errorWording = useDirectoryFieldErrorText()
  const [refusal, setRefusal] = useState<TDirectoryErrorKey | null>(null)
  const base = resource ?? emptyResourceFields()
  const form = useForm<TResourceForm>({
    resolver: zodResolver(ZResourceFieldsSchema),
    defaultValues: {
      title: base.title,
      kind: base.kind,
      link: base.link,
      jurisdiction: base.jurisdiction,
      summary: base.summary,
      source: base.source,
      lastVerifiedOn: base.lastVerifiedOn,
    },
    mode: 'onTouched',
  })

  const onSubmit = form.handleSubmit(async (fields) => {
    setRefusal(null)
    const result = await callApi(() =>
      resource === null
        ? api.directory.createResource({ resource: fields })
        : api.directory.updateResource({ id: resource.id, resource: fields }),
    )
    if (result.ok) onSaved(result.value)
    else setRefusal(directoryErrorKey(result.error))
  })

  return (
    <FormDialog
      isOpen
      onClose={onClose}
      title={resource === null ? t('directory.resourceForm.addTitle') : t('directory.resourceForm.editTitle')}
      form={form}
      onSubmit={onSubmit}
      errorWording={errorWording}
      error={refusal && t(`directory.errors.${refusal}`)}
      cancelLabel={t('directory.common.cancel')}
      submitLabel={t('directory.form.save')}
      submittingLabel={t('directory.form.saving')}
    >
      <FormTextField<TResourceForm> name="title" label={t('directory.fields.title')} isRequired />
      <div className="directory-form__grid">
        <FormSelectField<TResourceForm>
          name="kind"
          label={t('directory.fields.kind')}
          options={words.kindOptions}
        />
        <FormSelectField<TResourceForm>
          name="jurisdiction"
          label={t('directory.fields.jurisdiction')}
          options={words.jurisdictionOptions}
        />
      </div>
      <FormTextField<TResourceForm> name="link" label={t('directory.fields.link')} type="url" />
      <FormTextAreaField<TResourceForm> name="summary" label={t('directory.fields.summary')} />
      <FormTextField<TResourceForm> name="source" label={t('directory.fields.source')} />
      <FormDateField<TResourceForm>
        name="lastVerifiedOn"
        label={t('directory.fields.lastVerifiedOn')}
        description={t('directory.form.lastVerifiedHint')}
      />
    </FormDialog>
  )
}
