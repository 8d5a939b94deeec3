import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TStaffRef } from '../../../../shared/contract/cases'
import type { TCaseStatus } from '../../../../shared/cases/vocabulary'
import { useLanguageOptions } from '../../lib/languageOptions'
import { useVocab, VOCABULARIES } from '../../lib/vocabulary'
import { MultiSelectField, SelectField } from '../../ui'
import { UNASSIGNED, type TCaseListFilters } from './caseListQuery'

const ANY = 'any'

const orNull = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

export type TCaseFiltersProps = {
  filters: TCaseListFilters
  onChange: (filters: TCaseListFilters) => void
  /** Staff a case can be assigned to; empty while loading. */
  assignees: readonly TStaffRef[]
}

/** Narrow the list by status (several), urgency, province, language, legal need and caseworker. */
export function CaseFilters({ filters, onChange, assignees }: TCaseFiltersProps) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language])

  const anyOption = (label: string) => ({ id: ANY, label })
  const statusOptions = vocab.options('status')
  const urgencyOptions = [anyOption(t('caseList.filters.anyUrgency')), ...vocab.options('urgency')]
  const provinceOptions = [
    anyOption(t('caseList.filters.anyProvince')),
    ...vocab.options('province', { sorted: true }),
  ]
  const languageOptions = useLanguageOptions(filters.language)
  const needOptions = [anyOption(t('caseList.filters.anyNeed')), ...vocab.options('legalNeed')]
  const assigneeOptions = [
    anyOption(t('caseList.filters.anyAssignee')),
    { id: UNASSIGNED, label: t('caseList.unassigned') },
    ...[...assignees]
      .sort((left, right) => collator.compare(left.displayName, right.displayName))
      .map((staff) => ({ id: staff.accountId, label: staff.displayName })),
  ]
  // A filter for someone no longer offered (disabled since) still shows, so it can be seen and cleared.
  if (filters.assignee !== null && !assigneeOptions.some((option) => option.id === filters.assignee)) {
    assigneeOptions.push({ id: filters.assignee, label: t('caseList.filters.formerStaff') })
  }

  return (
    <div className="case-filters" role="group" aria-label={t('caseList.filters.label')}>
      <MultiSelectField
        label={t('caseList.filters.status')}
        placeholder={t('caseList.filters.anyStatus')}
        options={statusOptions}
        value={filters.statuses}
        onChange={(statuses) =>
          onChange({
            ...filters,
            statuses: VOCABULARIES.status.filter((status: TCaseStatus) => statuses.includes(status)),
          })
        }
      />
      <SelectField
        label={t('caseList.filters.urgency')}
        options={urgencyOptions}
        value={filters.urgency ?? ANY}
        onChange={(value) => onChange({ ...filters, urgency: orNull(VOCABULARIES.urgency, value) })}
      />
      <SelectField
        label={t('caseList.filters.province')}
        options={provinceOptions}
        value={filters.province ?? ANY}
        onChange={(value) => onChange({ ...filters, province: orNull(VOCABULARIES.province, value) })}
      />
      <SelectField
        label={t('caseList.filters.language')}
        options={[anyOption(t('caseList.filters.anyLanguage')), ...languageOptions]}
        value={filters.language ?? ANY}
        onChange={(value) =>
          onChange({ ...filters, language: value === null || value === ANY ? null : value })
        }
      />
      <SelectField
        label={t('caseList.filters.need')}
        options={needOptions}
        value={filters.need ?? ANY}
        onChange={(value) => onChange({ ...filters, need: orNull(VOCABULARIES.legalNeed, value) })}
      />
      <SelectField
        label={t('caseList.filters.assignee')}
        options={assigneeOptions}
        value={filters.assignee ?? ANY}
        onChange={(value) =>
          onChange({ ...filters, assignee: value === null || value === ANY ? null : value })
        }
      />
    </div>
  )
}
