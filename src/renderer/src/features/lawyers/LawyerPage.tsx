import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { TLawyer } from '../../../../shared/contract/lawyers'
import { lawyerDisplayName } from '../../../../shared/roster/lawyer-schema'
import { formatOnCallWindow } from '../../../../shared/roster/on-call'
import { api, callApi } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { useVocab } from '../../lib/vocabulary'
import { Button, ConfirmDialog, Loaded, Notice, PageHeader, Section, TextLink } from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { lawyerErrorKey, type TLawyerErrorKey } from './errors'
import { LawyerFormDialog } from './LawyerFormDialog'
import './lawyers.css'

/** One lawyer of the roster: who they are, licences, what they take, on-call hours, conflicts; edit and pause. */
export function LawyerPage() {
  const { t } = useTranslation()
  const { lawyerId = '' } = useParams()
  const read = useCallback(() => api.lawyers.get({ id: lawyerId }), [lawyerId])
  const { load, reload } = useApiQuery(read)
  return (
    <div className="lawyer-page">
      <p>
        <TextLink href="/lawyers">{t('lawyers.detail.back')}</TextLink>
      </p>
      <Loaded
        load={load}
        loadingLabel={t('lawyers.detail.loading')}
        failedText={(error) => t(`lawyers.errors.${lawyerErrorKey(error)}`)}
      >
        {(lawyer) => <LawyerDetail lawyer={lawyer} onChanged={reload} />}
      </Loaded>
    </div>
  )
}

function LawyerDetail({ lawyer, onChanged }: { lawyer: TLawyer; onChanged: () => void }) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const staff = useSignedInStaff()
  const canEdit = canHandleCases(staff.role)
  const [isEditing, setIsEditing] = useState(false)
  const [isConfirmingPause, setIsConfirmingPause] = useState(false)
  const [refusal, setRefusal] = useState<TLawyerErrorKey | null>(null)
  const [outcome, setOutcome] = useState('')
  const isActive = lawyer.status === 'active'

  const setStatus = async () => {
    const result = await callApi(() =>
      api.lawyers.setStatus({ id: lawyer.id, status: isActive ? 'paused' : 'active' }),
    )
    setIsConfirmingPause(false)
    if (!result.ok) return setRefusal(lawyerErrorKey(result.error))
    setOutcome(isActive ? t('lawyers.detail.paused') : t('lawyers.detail.resumed'))
    onChanged()
  }
  const facts: [string, string][] = [
    [t('lawyers.fields.email'), lawyer.email],
    [t('lawyers.fields.phone'), lawyer.phone],
    [t('lawyers.fields.firm'), lawyer.firm],
    [t('lawyers.fields.city'), [lawyer.city, vocab.province(lawyer.province)].filter(Boolean).join(', ')],
    [t('lawyers.fields.languages'), lawyer.languages.map((code) => vocab.language(code)).join(', ')],
    [t('lawyers.fields.practiceAreas'), lawyer.practiceAreas.map((area) => vocab.legalNeed(area)).join(', ')],
    [
      t('lawyers.fields.experienceTypes'),
      lawyer.experienceTypes.map((kind) => vocab.experience(kind)).join(', '),
    ],
    [
      t('lawyers.fields.experienceCountries'),
      lawyer.experienceCountries.map((code) => vocab.country(code)).join(', '),
    ],
    [t('lawyers.fields.maxActive'), String(lawyer.maxActive)],
    [t('lawyers.fields.notes'), lawyer.notes],
  ]
  return (
    <>
      <PageHeader
        title={lawyerDisplayName(lawyer)}
        description={t(`lawyers.status.${lawyer.status}`)}
        actions={
          canEdit ? (
            <>
              <Button onPress={() => setIsEditing(true)}>{t('lawyers.detail.edit')}</Button>
              <Button onPress={() => (isActive ? setIsConfirmingPause(true) : void setStatus())}>
                {isActive ? t('lawyers.detail.pause') : t('lawyers.detail.resume')}
              </Button>
            </>
          ) : null
        }
      />
      <div role="status">{outcome ? <Notice tone="success">{outcome}</Notice> : null}</div>
      {refusal ? (
        <Notice tone="danger" live="alert">
          {t(`lawyers.errors.${refusal}`)}
        </Notice>
      ) : null}
      <Section id="lawyer-facts-heading" title={t('lawyers.detail.about')}>
        <dl className="lawyer-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value === '' ? t('lawyers.detail.none') : value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="lawyer-licences-heading" title={t('lawyers.detail.licences')}>
        {lawyer.memberships.length === 0 ? (
          <p>{t('lawyers.detail.noLicence')}</p>
        ) : (
          <ul>
            {lawyer.memberships.map((membership) => (
              <li key={membership.province}>
                {t('lawyers.detail.licence', {
                  province: vocab.province(membership.province),
                  number: membership.licenceNumber,
                  status: t(`lawyers.licenceStatus.${membership.status}`),
                })}
                {membership.verifiedOn === ''
                  ? ''
                  : ` — ${t('lawyers.detail.verifiedOn', { date: membership.verifiedOn })}`}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="lawyer-on-call-heading" title={t('lawyers.detail.onCall')}>
        <p>
          {lawyer.airports.length === 0
            ? t('lawyers.detail.noAirports')
            : t('lawyers.detail.airports', { airports: lawyer.airports.join(', ') })}
        </p>
        <p>
          {lawyer.onCallWindows.length === 0
            ? t('lawyers.detail.noHours')
            : t('lawyers.detail.hours', { hours: lawyer.onCallWindows.map(formatOnCallWindow).join('; ') })}
        </p>
      </Section>
      <Section
        id="lawyer-conflicts-heading"
        title={t('lawyers.detail.conflicts')}
        lede={t('lawyers.detail.conflictCount', { count: lawyer.conflicts.length })}
      >
        <ul>
          {lawyer.conflicts.map((conflict, index) => (
            <li key={index}>
              {vocab.adversePartyKind(conflict.kind)}: <bdi>{conflict.name}</bdi>
            </li>
          ))}
        </ul>
      </Section>
      {isEditing ? (
        <LawyerFormDialog
          lawyer={lawyer}
          onClose={() => setIsEditing(false)}
          onSaved={() => {
            setIsEditing(false)
            setOutcome(t('lawyers.detail.saved'))
            onChanged()
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={isConfirmingPause}
        onClose={() => setIsConfirmingPause(false)}
        title={t('lawyers.detail.pauseTitle')}
        cancelLabel={t('lawyers.common.cancel')}
        confirmLabel={t('lawyers.detail.pause')}
        busyLabel={t('lawyers.detail.pausing')}
        onConfirm={() => void setStatus()}
      >
        <p>{t('lawyers.detail.pauseBody')}</p>
      </ConfirmDialog>
    </>
  )
}
