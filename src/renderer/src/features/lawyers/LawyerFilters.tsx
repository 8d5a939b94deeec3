import { useTranslation } from 'react-i18next'
import { LEGAL_NEEDS, PROVINCES } from '../../../../shared/cases/vocabulary'
import { AIRPORTS } from '../../../../shared/roster/airports'
import { LAWYER_STATUSES } from '../../../../shared/roster/vocabulary'
import { useLanguageOptions } from '../../lib/languageOptions'
import { useVocab } from '../../lib/vocabulary'
import { Checkbox, SelectField, TextField } from '../../ui'
import type { TLawyerFilters } from './lawyerListQuery'

const ANY = 'any'
const orNull = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

export type TLawyerFiltersProps = { filters: TLawyerFilters; onChange: (filters: TLawyerFilters) => void }

/** Search and filters of the roster; each change goes to the URL, so the list can be shared and reloaded. */
export function LawyerFilters({ filters, onChange }: TLawyerFiltersProps) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const any = (label: string) => ({ id: ANY, label })
  const languageOptions = useLanguageOptions(filters.language)
  return (
    <div className="lawyer-filters" role="group" aria-label={t('lawyers.filters.label')}>
      <TextField
        label={t('lawyers.filters.search')}
        value={filters.search}
        onChange={(search) => onChange({ ...filters, search })}
        type="search"
      />
      <SelectField
        label={t('lawyers.filters.status')}
        options={[
          any(t('lawyers.filters.anyStatus')),
          ...LAWYER_STATUSES.map((id) => ({ id, label: t(`lawyers.status.${id}`) })),
        ]}
        value={filters.status ?? ANY}
        onChange={(value) => onChange({ ...filters, status: orNull(LAWYER_STATUSES, value) })}
      />
      <SelectField
        label={t('lawyers.filters.province')}
        options={[any(t('lawyers.filters.anyProvince')), ...vocab.options('province', { sorted: true })]}
        value={filters.province ?? ANY}
        onChange={(value) => onChange({ ...filters, province: orNull(PROVINCES, value) })}
      />
      <SelectField
        label={t('lawyers.filters.language')}
        options={[any(t('lawyers.filters.anyLanguage')), ...languageOptions]}
        value={filters.language ?? ANY}
        onChange={(value) => onChange({ ...filters, language: value === ANY ? null : value })}
      />
      <SelectField
        label={t('lawyers.filters.practiceArea')}
        options={[any(t('lawyers.filters.anyPracticeArea')), ...vocab.options('legalNeed')]}
        value={filters.practiceArea ?? ANY}
        onChange={(value) => onChange({ ...filters, practiceArea: orNull(LEGAL_NEEDS, value) })}
      />
      <SelectField
        label={t('lawyers.filters.airport')}
        options={[any(t('lawyers.filters.anyAirport')), ...AIRPORTS.map((id) => ({ id, label: id }))]}
        value={filters.airport ?? ANY}
        onChange={(value) => onChange({ ...filters, airport: orNull(AIRPORTS, value) })}
      />
      <Checkbox isSelected={filters.onCallNow} onChange={(onCallNow) => onChange({ ...filters, onCallNow })}>
        {t('lawyers.filters.onCallNow')}
      </Checkbox>
      <Checkbox
        isSelected={filters.hasCapacity}
        onChange={(hasCapacity) => onChange({ ...filters, hasCapacity })}
      >
        {t('lawyers.filters.hasCapacity')}
      </Checkbox>
    </div>
  )
}
