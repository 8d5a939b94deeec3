import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TAuditEntry, TAuditQuery } from '../../../../../shared/contract/audit'
import {
  BusyIndicator,
  Button,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  DataTableBody,
  DataTableHeader,
  Notice,
} from '../../../ui'
import { adminErrorKey, type TAdminErrorKey } from '../errors'
import { formatDateTime } from '../../../lib/dates'
import { auditTargetLabel, auditWhatLabel } from './auditLabels'
import { AuditFilters, EMPTY_AUDIT_FILTERS, toAuditQuery, type TAuditFilters } from './AuditFilters'
import { AuditVerification } from './AuditVerification'
import { api, callApi } from '../../../api'

const PAGE_SIZE = 25

type TPageState =
  | { state: 'loading' }
  | { state: 'failed'; errorKey: TAdminErrorKey }
  | { state: 'ready'; entries: TAuditEntry[]; total: number }

/** The audit trail, newest first: who did what to which record and when, filtered and paged. */
export function AuditPanel() {
  const { t, i18n } = useTranslation()
  const [filters, setFilters] = useState<TAuditFilters>(EMPTY_AUDIT_FILTERS)
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<TPageState>({ state: 'loading' })
  const [usernames, setUsernames] = useState<ReadonlyMap<string, string>>(new Map())
  // After "Clear filters" (which then disables itself), focus lands on the count of entries shown.
  const countRef = useRef<HTMLParagraphElement>(null)
  const query = useMemo<TAuditQuery>(
    () => ({ ...toAuditQuery(filters), offset, limit: PAGE_SIZE }),
    [filters, offset],
  )

  useEffect(() => {
    let isCurrent = true
    void callApi(() => api.audit.list(query)).then((result) => {
      if (!isCurrent) return
      setPage(
        result.ok
          ? { state: 'ready', entries: result.value.entries, total: result.value.total }
          : { state: 'failed', errorKey: adminErrorKey('load', result.error) },
      )
    })
    return () => {
      isCurrent = false
    }
  }, [query])

  // Account targets are shown by sign-in name rather than an opaque id.
  useEffect(() => {
    let isCurrent = true
    void callApi(() => api.accounts.list()).then((result) => {
      if (isCurrent && result.ok) {
        setUsernames(new Map(result.value.accounts.map((account) => [account.id, account.username])))
      }
    })
    return () => {
      isCurrent = false
    }
  }, [])

  const onFiltersChange = (next: TAuditFilters) => {
    setFilters(next)
    setOffset(0)
  }

  const total = page.state === 'ready' ? page.total : 0
  const shown = page.state === 'ready' ? page.entries.length : 0

  return (
    <section aria-labelledby="admin-audit-heading" className="admin-section">
      <div className="admin-section__header">
        <div>
          <h2 id="admin-audit-heading" className="admin-section__title">
            {t('admin.audit.heading')}
          </h2>
          <p className="admin-section__lede">{t('admin.audit.lede')}</p>
        </div>
      </div>
      <AuditVerification />
      <AuditFilters
        filters={filters}
        onChange={onFiltersChange}
        onCleared={() => countRef.current?.focus()}
      />
      <p role="status" className="admin-audit__count" ref={countRef} tabIndex={-1}>
        {page.state === 'ready'
          ? total === 0
            ? t('admin.audit.noEntries')
            : t('admin.audit.showing', { from: offset + 1, to: offset + shown, total })
          : ''}
      </p>
      {page.state === 'loading' ? <BusyIndicator label={t('admin.audit.loading')} /> : null}
      {page.state === 'failed' ? (
        <Notice tone="danger" live="alert">
          {t(`admin.errors.${page.errorKey}`)}
        </Notice>
      ) : null}
      {page.state === 'ready' && page.entries.length > 0 ? (
        <p id="admin-audit-grid-hint" className="admin-grid-hint">
          {t('admin.gridHint')}
        </p>
      ) : null}
      {page.state === 'ready' && page.entries.length > 0 ? (
        <DataTable aria-labelledby="admin-audit-heading" aria-describedby="admin-audit-grid-hint">
          <DataTableHeader>
            <DataColumn>{t('admin.audit.columns.when')}</DataColumn>
            <DataColumn>{t('admin.audit.columns.who')}</DataColumn>
            <DataColumn isRowHeader>{t('admin.audit.columns.what')}</DataColumn>
            <DataColumn>{t('admin.audit.columns.target')}</DataColumn>
            <DataColumn>{t('admin.audit.columns.seq')}</DataColumn>
          </DataTableHeader>
          {/* React Aria caches rendered rows; re-render them when names arrive or the language changes. */}
          <DataTableBody items={page.entries} dependencies={[usernames, i18n.language]}>
            {(entry) => (
              <DataRow id={entry.seq}>
                <DataCell>
                  <span className="admin-nowrap">
                    {formatDateTime(entry.at, i18n.language, { time: 'medium' })}
                  </span>
                </DataCell>
                <DataCell>
                  {entry.actorUsername ? (
                    <span className="admin-mono">{entry.actorUsername}</span>
                  ) : (
                    <span className="admin-muted">{t('admin.audit.nobody')}</span>
                  )}
                </DataCell>
                <DataCell>{auditWhatLabel(t, entry)}</DataCell>
                <DataCell>{auditTargetLabel(t, entry, usernames)}</DataCell>
                <DataCell>
                  <span className="admin-muted admin-mono">{entry.seq}</span>
                </DataCell>
              </DataRow>
            )}
          </DataTableBody>
        </DataTable>
      ) : null}
      {total > PAGE_SIZE ? (
        <nav className="admin-pager" aria-label={t('admin.audit.pagerLabel')}>
          <Button isDisabled={offset === 0} onPress={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('admin.audit.newer')}
          </Button>
          <span className="admin-muted">
            {t('admin.audit.pageOf', {
              page: Math.floor(offset / PAGE_SIZE) + 1,
              pages: Math.ceil(total / PAGE_SIZE),
            })}
          </span>
          <Button isDisabled={offset + PAGE_SIZE >= total} onPress={() => setOffset(offset + PAGE_SIZE)}>
            {t('admin.audit.older')}
          </Button>
        </nav>
      ) : null}
    </section>
  )
}
