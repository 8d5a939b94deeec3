import { useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TAuditQuery } from '../../../../../shared/contract/audit'
import {
  Button,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  DataTableBody,
  DataTableHeader,
  Loaded,
} from '../../../ui'
import { useApiQuery } from '../../../lib/useApiQuery'
import { AdminSection } from '../AdminSection'
import { adminErrorKey } from '../errors'
import { formatDateTime } from '../../../lib/dates'
import { auditTargetLabel, auditWhatLabel } from './auditLabels'
import { AuditFilters, EMPTY_AUDIT_FILTERS, toAuditQuery, type TAuditFilters } from './AuditFilters'
import { AuditVerification } from './AuditVerification'
import { api } from '../../../api'

const PAGE_SIZE = 25

const listAccounts = () => api.accounts.list()

/** The audit trail, newest first: who did what to which record and when, filtered and paged. */
export function AuditPanel() {
  const { t, i18n } = useTranslation()
  const [filters, setFilters] = useState<TAuditFilters>(EMPTY_AUDIT_FILTERS)
  const [offset, setOffset] = useState(0)
  // After "Clear filters" (which then disables itself), focus lands on the count of entries shown.
  const countRef = useRef<HTMLParagraphElement>(null)
  const query = useMemo<TAuditQuery>(
    () => ({ ...toAuditQuery(filters), offset, limit: PAGE_SIZE }),
    [filters, offset],
  )

  const { load: page } = useApiQuery(useCallback(() => api.audit.list(query), [query]))
  // Account targets are shown by sign-in name rather than an opaque id.
  const { load: accounts } = useApiQuery(listAccounts)
  const usernames = useMemo<ReadonlyMap<string, string>>(
    () =>
      accounts.state === 'ready'
        ? new Map(accounts.value.accounts.map((account) => [account.id, account.username]))
        : new Map(),
    [accounts],
  )

  const onFiltersChange = (next: TAuditFilters) => {
    setFilters(next)
    setOffset(0)
  }

  const total = page.state === 'ready' ? page.value.total : 0
  const shown = page.state === 'ready' ? page.value.entries.length : 0

  return (
    <AdminSection tab="audit">
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
      <Loaded
        load={page}
        loadingLabel={t('admin.audit.loading')}
        failedText={(error) => t(`admin.errors.${adminErrorKey('load', error)}`)}
      >
        {({ entries }) =>
          entries.length === 0 ? null : (
            <>
              <p id="admin-audit-grid-hint" className="admin-grid-hint">
                {t('admin.gridHint')}
              </p>
              <DataTable aria-labelledby="admin-audit-heading" aria-describedby="admin-audit-grid-hint">
                <DataTableHeader>
                  <DataColumn>{t('admin.audit.columns.when')}</DataColumn>
                  <DataColumn>{t('admin.audit.columns.who')}</DataColumn>
                  <DataColumn isRowHeader>{t('admin.audit.columns.what')}</DataColumn>
                  <DataColumn>{t('admin.audit.columns.target')}</DataColumn>
                  <DataColumn>{t('admin.audit.columns.seq')}</DataColumn>
                </DataTableHeader>
                {/* React Aria caches rendered rows; re-render them when names arrive or the language changes. */}
                <DataTableBody items={entries} dependencies={[usernames, i18n.language]}>
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
                      <DataCell>{auditWhatLabel(t, entry, i18n.language)}</DataCell>
                      <DataCell>{auditTargetLabel(t, entry, usernames)}</DataCell>
                      <DataCell>
                        <span className="admin-muted admin-mono">{entry.seq}</span>
                      </DataCell>
                    </DataRow>
                  )}
                </DataTableBody>
              </DataTable>
            </>
          )
        }
      </Loaded>
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
    </AdminSection>
  )
}
