import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { TOrganization } from '../../../../shared/contract/directory'
import { api, callApi } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { useVocab } from '../../lib/vocabulary'
import { Button, ConfirmDialog, Loaded, Notice, PageHeader, Section, TextLink } from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { useDirectoryWords } from './directoryWords'
import { EntryBadges } from './EntryBadges'
import { directoryErrorKey, type TDirectoryErrorKey } from './errors'
import { OrganizationFormDialog } from './OrganizationFormDialog'
import './directory.css'

/** One organization of the directory: what it does, where, how to reach it, the source; edit, retire, bring back. */
export function OrganizationPage() {
  const { t } = useTranslation()
  const { organizationId = '' } = useParams()
  const read = useCallback(() => api.directory.organization({ id: organizationId }), [organizationId])
  const { load, reload } = useApiQuery(read)
  return (
    <div className="organization-page">
      <p>
        <TextLink href="/directory">{t('directory.detail.back')}</TextLink>
      </p>
      <Loaded
        load={load}
        loadingLabel={t('directory.detail.loading')}
        failedText={(error) => t(`directory.errors.${directoryErrorKey(error)}`)}
      >
        {(organization) => <OrganizationDetail organization={organization} onChanged={reload} />}
      </Loaded>
    </div>
  )
}

function OrganizationDetail({
  organization,
  onChanged,
}: {
  organization: TOrganization
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const words = useDirectoryWords()
  const staff = useSignedInStaff()
  const canEdit = canHandleCases(staff.role)
  const [isEditing, setIsEditing] = useState(false)
  const [isConfirmingRetire, setIsConfirmingRetire] = useState(false)
  const [isBusy, setIsBusy] = useState(false)
  const [refusal, setRefusal] = useState<TDirectoryErrorKey | null>(null)
  const [outcome, setOutcome] = useState('')
  const isRetired = organization.retiredAt !== null

  const setRetired = async (retired: boolean) => {
    setIsBusy(true)
    const result = await callApi(() => api.directory.setOrganizationRetired({ id: organization.id, retired }))
    setIsBusy(false)
    setIsConfirmingRetire(false)
    if (!result.ok) return setRefusal(directoryErrorKey(result.error))
    setRefusal(null)
    setOutcome(retired ? t('directory.detail.retired') : t('directory.detail.restored'))
    onChanged()
  }
  const facts: [string, string][] = [
    [t('directory.fields.category'), words.category(organization.category)],
    [
      t('directory.fields.provinces'),
      organization.national
        ? t('directory.badges.national')
        : organization.provinces.map((province) => vocab.province(province)).join(', '),
    ],
    [t('directory.fields.serviceKeys'), organization.serviceKeys.map(words.service).join(', ')],
    [t('directory.fields.services'), organization.services],
    [t('directory.fields.languages'), organization.languages.map((code) => vocab.language(code)).join(', ')],
    [t('directory.fields.website'), organization.website],
    [t('directory.fields.phone'), organization.phone],
    [t('directory.fields.email'), organization.email],
    [t('directory.fields.source'), organization.source],
    [t('directory.fields.confidence'), words.confidence(organization.confidence)],
    [
      t('directory.fields.lastVerifiedOn'),
      organization.lastVerifiedOn === '' ? t('directory.badges.neverVerified') : organization.lastVerifiedOn,
    ],
    [t('directory.fields.notes'), organization.notes],
  ]
  return (
    <>
      <PageHeader
        title={organization.name}
        description={words.category(organization.category)}
        actions={
          canEdit ? (
            <>
              <Button onPress={() => setIsEditing(true)}>{t('directory.detail.edit')}</Button>
              <Button
                onPress={() => (isRetired ? void setRetired(false) : setIsConfirmingRetire(true))}
                isDisabled={isBusy}
              >
                {isRetired ? t('directory.detail.restore') : t('directory.detail.retire')}
              </Button>
            </>
          ) : null
        }
      />
      <EntryBadges {...organization} />
      <div role="status">{outcome ? <Notice tone="success">{outcome}</Notice> : null}</div>
      {refusal ? (
        <Notice tone="danger" live="alert">
          {t(`directory.errors.${refusal}`)}
        </Notice>
      ) : null}
      <Section id="organization-facts-heading" title={t('directory.detail.about')}>
        <dl className="directory-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value === '' ? t('directory.detail.none') : value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      {isEditing ? (
        <OrganizationFormDialog
          organization={organization}
          onClose={() => setIsEditing(false)}
          onSaved={() => {
            setIsEditing(false)
            setOutcome(t('directory.detail.saved'))
            onChanged()
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={isConfirmingRetire}
        onClose={() => setIsConfirmingRetire(false)}
        title={t('directory.detail.retireTitle')}
        cancelLabel={t('directory.common.cancel')}
        confirmLabel={t('directory.detail.retire')}
        busyLabel={t('directory.detail.retiring')}
        isBusy={isBusy}
        onConfirm={() => void setRetired(true)}
      >
        <p>{t('directory.detail.retireBody')}</p>
      </ConfirmDialog>
    </>
  )
}
