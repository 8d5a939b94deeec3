import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import {
  REFERRAL_RECIPIENT_KINDS,
  REFERRAL_STATES,
  type TReferralRecipientKind,
  type TReferralState,
} from '../../../../shared/referrals/vocabulary'
import { api } from '../../api'
import { formatDateTime } from '../../lib/dates'
import { useApiQuery } from '../../lib/useApiQuery'
import {
  Badge,
  Checkbox,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  DataTableBody,
  DataTableHeader,
  LinkButton,
  Loaded,
  PageHeader,
  SelectField,
  TextLink,
} from '../../ui'
import { FollowUp } from './CaseReferrals'
import { referralErrorKey } from './errors'
import { referralFiltersFromParams, referralFiltersToParams, toReferralListQuery } from './referralListQuery'
import './referrals.css'

const ANY = 'any'
const PAGE_SIZE = 200

/** Every referral, newest change first, with its state and follow-up; the filters live in the URL. */
export function ReferralsPage() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filters = referralFiltersFromParams(params)
  const query = JSON.stringify(toReferralListQuery(filters, 0, PAGE_SIZE))
  const list = useCallback(() => api.referrals.list(JSON.parse(query)), [query])
  const { load } = useApiQuery(list)
  const change = (next: typeof filters) => setParams(referralFiltersToParams(next), { replace: true })

  return (
    <div className="referrals-page">
      <PageHeader
        title={t('referrals.title')}
        description={t('referrals.lede')}
        actions={<LinkButton href="/referrals/batch">{t('referrals.batch.open')}</LinkButton>}
      />
      <div className="referrals-page__filters" role="group" aria-label={t('referrals.filters.label')}>
        <SelectField
          label={t('referrals.filters.state')}
          options={[
            { id: ANY, label: t('referrals.filters.anyState') },
            { id: 'open', label: t('referrals.filters.open') },
            ...REFERRAL_STATES.map((id) => ({ id, label: t(`referrals.state.${id}`) })),
          ]}
          value={filters.state ?? ANY}
          onChange={(value) =>
            change({
              ...filters,
              state:
                value === 'open' || (REFERRAL_STATES as readonly (string | null)[]).includes(value)
                  ? (value as TReferralState | 'open')
                  : null,
            })
          }
        />
        <SelectField
          label={t('referrals.filters.kind')}
          options={[
            { id: ANY, label: t('referrals.filters.anyKind') },
            ...REFERRAL_RECIPIENT_KINDS.map((id) => ({ id, label: t(`referrals.kind.${id}`) })),
          ]}
          value={filters.kind ?? ANY}
          onChange={(value) =>
            change({
              ...filters,
              kind: (REFERRAL_RECIPIENT_KINDS as readonly (string | null)[]).includes(value)
                ? (value as TReferralRecipientKind)
                : null,
            })
          }
        />
        <Checkbox isSelected={filters.overdue} onChange={(overdue) => change({ ...filters, overdue })}>
          {t('referrals.filters.overdue')}
        </Checkbox>
      </div>
      <Loaded
        load={load}
        loadingLabel={t('referrals.list.loading')}
        failedText={(error) => t(`referrals.errors.${referralErrorKey(error)}`)}
      >
        {(page) => (
          <>
            <p role="status">{t('referrals.list.count', { count: page.total })}</p>
            {page.total === 0 ? (
              <p>{t('referrals.list.none')}</p>
            ) : (
              <DataTable aria-label={t('referrals.list.label')}>
                <DataTableHeader>
                  <DataColumn isRowHeader>{t('referrals.columns.case')}</DataColumn>
                  <DataColumn>{t('referrals.columns.recipient')}</DataColumn>
                  <DataColumn>{t('referrals.columns.state')}</DataColumn>
                  <DataColumn>{t('referrals.columns.followUp')}</DataColumn>
                  <DataColumn>{t('referrals.columns.updated')}</DataColumn>
                </DataTableHeader>
                <DataTableBody>
                  {page.rows.map((row) => (
                    <DataRow key={row.id} id={row.id} href={`/survivors/${row.caseId}`}>
                      <DataCell>
                        <TextLink href={`/survivors/${row.caseId}`}>{row.reference}</TextLink>
                        {row.urgent ? <Badge tone="indigo">{t('referrals.list.urgent')}</Badge> : null}
                      </DataCell>
                      <DataCell>
                        {row.recipientName} <Badge>{t(`referrals.kind.${row.recipientKind}`)}</Badge>
                      </DataCell>
                      <DataCell>{t(`referrals.state.${row.state}`)}</DataCell>
                      <DataCell>
                        <FollowUp referral={row} />
                      </DataCell>
                      <DataCell>{formatDateTime(row.updatedAt, i18n.language)}</DataCell>
                    </DataRow>
                  ))}
                </DataTableBody>
              </DataTable>
            )}
          </>
        )}
      </Loaded>
    </div>
  )
}
