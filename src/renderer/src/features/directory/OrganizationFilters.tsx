import { useTranslation } from 'react-i18next'
import { PROVINCES } from '../../../../shared/cases/vocabulary'
import { ORGANIZATION_CATEGORIES, ORGANIZATION_SERVICES } from '../../../../shared/roster/vocabulary'
import { useLanguageOptions } from '../../lib/languageOptions'
import { useVocab } from '../../lib/vocabulary'
import { Checkbox, SelectField, TextField } from '../../ui'
import { useDirectoryWords } from './directoryWords'
import type { TOrganizationFilters } from './organizationListQuery'

const ANY = 'any'
const orNull = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

export type TOrganizationFiltersProps = {
  filters: TOrganizationFilters
  onChange: (filters: TOrganizationFilters) => void
}

/** Search and filters of the organizations; each change goes to the URL, so the list can be shared and reloaded. */
export function OrganizationFilters({ filters, onChange }: TOrganizationFiltersProps) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const words = useDirectoryWords()
  const any = (label: string) => ({ id: ANY, label })
  const languageOptions = useLanguageOptions(filters.language)
  return (
    <div className="directory-filters" role="group" aria-label={t('directory.filters.label')}>
      <TextField
        label={t('directory.filters.search')}
        value={filters.search}
        onChange={(search) => onChange({ ...filters, search })}
        type="search"
      />
      <SelectField
        label={t('directory.filters.province')}
        description={t('directory.filters.provinceHint')}
        options={[any(t('directory.filters.anyProvince')), ...vocab.options('province', { sorted: true })]}
        value={filters.province ?? ANY}
        onChange={(value) => onChange({ ...filters, province: orNull(PROVINCES, value) })}
      />
      <SelectField
        label={t('directory.filters.category')}
        options={[any(t('directory.filters.anyCategory')), ...words.categoryOptions]}
        value={filters.category ?? ANY}
        onChange={(value) => onChange({ ...filters, category: orNull(ORGANIZATION_CATEGORIES, value) })}
      />
      <SelectField
        label={t('directory.filters.language')}
        options={[any(t('directory.filters.anyLanguage')), ...languageOptions]}
        value={filters.language ?? ANY}
        onChange={(value) => onChange({ ...filters, language: value === ANY ? null : value })}
      />
      <SelectField
        label={t('directory.filters.service')}
        options={[any(t('directory.filters.anyService')), ...words.serviceOptions]}
        value={filters.service ?? ANY}
        onChange={(value) => onChange({ ...filters, service: orNull(ORGANIZATION_SERVICES, value) })}
      />
      <Checkbox isSelected={filters.staleOnly} onChange={(staleOnly) => onChange({ ...filters, staleOnly })}>
        {t('directory.filters.staleOnly')}
      </Checkbox>
      <Checkbox
        isSelected={filters.includeRetired}
        onChange={(includeRetired) => onChange({ ...filters, includeRetired })}
      >
        {t('directory.filters.includeRetired')}
      </Checkbox>
    </div>
  )
}
