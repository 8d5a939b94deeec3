import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { api } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { useVocab } from '../../lib/vocabulary'
import {
  Badge,
  Button,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  DataTableBody,
  DataTableHeader,
  LinkButton,
  Loaded,
  PageHeader,
  TextLink,
} from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { lawyerErrorKey } from './errors'
import { LawyerFilters } from './LawyerFilters'
import { LawyerFormDialog } from './LawyerFormDialog'
import { lawyerFiltersFromParams, lawyerFiltersToParams, toLawyerListQuery } from './lawyerListQuery'
import { OnCallNowPanel } from './OnCallNowPanel'
import './lawyers.css'

const PAGE_SIZE = 100

/** The roster of volunteer lawyers: on call now, filters kept in the URL, the list a page at a time. */
export function LawyersPage() {
  const { t } = useTranslation()
  const vocab = useVocab()
  const navigate = useNavigate()
  const staff = useSignedInStaff()
  const [params, setParams] = useSearchParams()
  const filters = lawyerFiltersFromParams(params)
  const offset = Math.max(0, Number(params.get('from') ?? 0) || 0)
  const [isAdding, setIsAdding] = useState(false)
  const query = JSON.stringify(toLawyerListQuery(filters, offset, PAGE_SIZE))
  const list = useCallback(() => api.lawyers.list(JSON.parse(query)), [query])
  const { load } = useApiQuery(list)
  const moveTo = (from: number) => {
    const next = lawyerFiltersToParams(filters)
    if (from > 0) next.set('from', String(from))
    setParams(next, { replace: true })
  }

  return (
    <div className="lawyers-page">
      <PageHeader
        title={t('lawyers.title')}
        description={t('lawyers.lede')}
        actions={
          canHandleCases(staff.role) ? (
            <>
              <LinkButton href="/lawyers/import">{t('lawyers.import.open')}</LinkButton>
              <Button variant="primary" onPress={() => setIsAdding(true)}>
                {t('lawyers.add')}
              </Button>
            </>
          ) : null
        }
      />
      <OnCallNowPanel />
      <LawyerFilters
        filters={filters}
        onChange={(next) => setParams(lawyerFiltersToParams(next), { replace: true })}
      />
      <Loaded
        load={load}
        loadingLabel={t('lawyers.list.loading')}
        failedText={(error) => t(`lawyers.errors.${lawyerErrorKey(error)}`)}
      >
        {(page) => (
          <>
            <p role="status" className="lawyers-page__count">
              {t('lawyers.list.count', { count: page.total })}
            </p>
            {page.total === 0 ? null : (
              <DataTable aria-label={t('lawyers.list.label')}>
                <DataTableHeader>
                  <DataColumn isRowHeader>{t('lawyers.columns.name')}</DataColumn>
                  <DataColumn>{t('lawyers.columns.place')}</DataColumn>
                  <DataColumn>{t('lawyers.columns.languages')}</DataColumn>
                  <DataColumn>{t('lawyers.columns.practiceAreas')}</DataColumn>
                  <DataColumn>{t('lawyers.columns.capacity')}</DataColumn>
                  <DataColumn>{t('lawyers.columns.status')}</DataColumn>
                </DataTableHeader>
                <DataTableBody>
                  {page.rows.map((row) => (
                    <DataRow key={row.id} id={row.id} href={`/lawyers/${row.id}`}>
                      <DataCell>
                        <TextLink href={`/lawyers/${row.id}`}>{row.displayName}</TextLink>
                        {row.firm === '' ? null : <div className="lawyers-page__firm">{row.firm}</div>}
                      </DataCell>
                      <DataCell>
                        {[row.city, vocab.province(row.province)].filter(Boolean).join(', ')}
                      </DataCell>
                      <DataCell>{row.languages.map((code) => vocab.language(code)).join(', ')}</DataCell>
                      <DataCell>{row.practiceAreas.map((area) => vocab.legalNeed(area)).join(', ')}</DataCell>
                      <DataCell>
                        {t('lawyers.list.capacity', {
                          free: Math.max(0, row.maxActive - row.activeReferrals),
                          max: row.maxActive,
                        })}
                      </DataCell>
                      <DataCell>
                        <Badge tone={row.status === 'active' ? 'accent' : 'neutral'}>
                          {t(`lawyers.status.${row.status}`)}
                        </Badge>
                        {row.onCallNowAt.length > 0 ? (
                          <Badge tone="indigo">
                            {t('lawyers.list.onCallAt', { airports: row.onCallNowAt.join(', ') })}
                          </Badge>
                        ) : null}
                      </DataCell>
                    </DataRow>
                  ))}
                </DataTableBody>
              </DataTable>
            )}
            {page.total > PAGE_SIZE ? (
              <nav className="lawyers-page__pages" aria-label={t('lawyers.list.pages')}>
                <Button isDisabled={offset === 0} onPress={() => moveTo(Math.max(0, offset - PAGE_SIZE))}>
                  {t('lawyers.list.previous')}
                </Button>
                <span>
                  {t('lawyers.list.range', {
                    from: offset + 1,
                    to: Math.min(page.total, offset + PAGE_SIZE),
                    total: page.total,
                  })}
                </span>
                <Button
                  isDisabled={offset + PAGE_SIZE >= page.total}
                  onPress={() => moveTo(offset + PAGE_SIZE)}
                >
                  {t('lawyers.list.next')}
                </Button>
              </nav>
            ) : null}
          </>
        )}
      </Loaded>
      {isAdding ? (
        <LawyerFormDialog
          lawyer={null}
          onClose={() => setIsAdding(false)}
          onSaved={(lawyer) => {
            setIsAdding(false)
            void navigate(`/lawyers/${lawyer.id}`)
          }}
        />
      ) : null}
    </div>
  )
}
