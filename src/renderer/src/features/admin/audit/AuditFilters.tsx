import { useEffect, useState } from 'react'
import type { DateValue } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { AUDIT_ACTIONS, type TAuditAction, type TAuditQuery } from '../../../../../shared/contract/audit'
import { Button, DateField, SelectField, TextField } from '../../../ui'

export type TAuditFilters = {
  action: TAuditAction | null
  actorUsername: string
  /** A case's reference, as typed: its entries and the import that created it. */
  caseReference: string
  from: DateValue | null
  to: DateValue | null
}

export const EMPTY_AUDIT_FILTERS: TAuditFilters = {
  action: null,
  actorUsername: '',
  caseReference: '',
  from: null,
  to: null,
}

const ALL_ACTIONS = 'all'

/** Calendar days in the computer's time zone → the contract's instants: from the start of `from` to the end of `to`. */
export function toAuditQuery(filters: TAuditFilters): Omit<TAuditQuery, 'offset' | 'limit'> {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const actor = filters.actorUsername.trim()
  const reference = filters.caseReference.trim()
  return {
    ...(filters.action === null ? {} : { action: filters.action }),
    ...(actor === '' ? {} : { actorUsername: actor }),
    ...(reference === '' ? {} : { caseReference: reference }),
    ...(filters.from === null ? {} : { from: filters.from.toDate(zone).toISOString() }),
    ...(filters.to === null ? {} : { to: filters.to.add({ days: 1 }).toDate(zone).toISOString() }),
  }
}

export type TAuditFiltersProps = {
  filters: TAuditFilters
  onChange: (filters: TAuditFilters) => void
  /** After "Clear filters": the button disables itself, so the panel moves focus to the result. */
  onCleared?: () => void
}

/** Narrow the trail by action, by who did it, by case and by a range of days. */
export function AuditFilters({ filters, onChange, onCleared }: TAuditFiltersProps) {
  const { t } = useTranslation()
  // The sign-in name and the case reference are applied after a pause in typing, not on every keystroke.
  const [actor, setActor] = useState(filters.actorUsername)
  const [reference, setReference] = useState(filters.caseReference)
  useEffect(() => {
    if (actor === filters.actorUsername && reference === filters.caseReference) return
    const timer = window.setTimeout(
      () => onChange({ ...filters, actorUsername: actor, caseReference: reference }),
      300,
    )
    return () => window.clearTimeout(timer)
  }, [actor, reference, filters, onChange])

  const actionOptions = [
    { id: ALL_ACTIONS, label: t('admin.audit.filters.allActions') },
    ...AUDIT_ACTIONS.map((action) => ({ id: action, label: t(`admin.auditActions.${action}`) })),
  ]
  const isRangeBackwards =
    filters.from !== null && filters.to !== null && filters.to.compare(filters.from) < 0
  const hasFilters =
    filters.action !== null ||
    filters.actorUsername !== '' ||
    filters.caseReference !== '' ||
    filters.from !== null ||
    filters.to !== null

  return (
    <div className="admin-filters" role="group" aria-label={t('admin.audit.filters.label')}>
      <SelectField
        label={t('admin.audit.filters.action')}
        options={actionOptions}
        value={filters.action ?? ALL_ACTIONS}
        onChange={(value) =>
          onChange({
            ...filters,
            action: AUDIT_ACTIONS.find((action) => action === value) ?? null,
          })
        }
      />
      <TextField
        type="search"
        label={t('admin.audit.filters.actor')}
        value={actor}
        onChange={setActor}
        autoComplete="off"
      />
      <TextField
        type="search"
        label={t('admin.audit.filters.caseReference')}
        description={t('admin.audit.filters.caseReferenceHint')}
        value={reference}
        onChange={setReference}
        autoComplete="off"
        spellCheck="false"
      />
      <DateField
        label={t('admin.audit.filters.from')}
        value={filters.from}
        onChange={(from) => onChange({ ...filters, from })}
      />
      <DateField
        label={t('admin.audit.filters.to')}
        value={filters.to}
        onChange={(to) => onChange({ ...filters, to })}
        errorMessage={isRangeBackwards ? t('admin.audit.filters.rangeBackwards') : undefined}
      />
      <div className="admin-filters__clear">
        <Button
          variant="quiet"
          isDisabled={!hasFilters && actor === '' && reference === ''}
          onPress={() => {
            setActor('')
            setReference('')
            onChange(EMPTY_AUDIT_FILTERS)
            onCleared?.()
          }}
        >
          {t('admin.audit.filters.clear')}
        </Button>
      </div>
    </div>
  )
}
