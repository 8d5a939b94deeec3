import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { api } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { useVocab } from '../../lib/vocabulary'
import {
  Button,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  DataTableBody,
  DataTableHeader,
  Loaded,
  PageHeader,
  TextLink,
} from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { DirectoryTabs } from './DirectoryTabs'
import { useDirectoryWords } from './directoryWords'
import { EntryBadges } from './EntryBadges'
import { directoryErrorKey } from './errors'
import { OrganizationFilters } from './OrganizationFilters'
import { OrganizationFormDialog } from './OrganizationFormDialog'
import {
  organizationFiltersFromParams,
  organizationFiltersToParams,
  toOrganizationQuery,
} from './organizationListQuery'
import './directory.css'

/** The directory's organizations: search and filters kept in the URL, stale entries flagged, add one. */
export function OrganizationsPage() {
  const { t } = useTranslation()
  const vocab = useVocab()
  const words = useDirectoryWords()
  const navigate = useNavigate()
  const staff = useSignedInStaff()
  const [params, setParams] = useSearchParams()
  const filters = organizationFiltersFromParams(params)
  const [isAdding, setIsAdding] = useState(false)
  const query = JSON.stringify(toOrganizationQuery(filters))
  const list = useCallback(() => api.directory.organizations(JSON.parse(query)), [query])
  const { load } = useApiQuery(list)

  return (
    <div className="directory-page">
      <PageHeader
        title={t('directory.title')}
        description={t('directory.lede')}
        actions={
          canHandleCases(staff.role) ? (
            <Button variant="primary" onPress={() => setIsAdding(true)}>
              {t('directory.organizations.add')}
            </Button>
          ) : null
        }
      />
      <DirectoryTabs current="organizations" />
      <OrganizationFilters
        filters={filters}
        onChange={(next) => setParams(organizationFiltersToParams(next), { replace: true })}
      />
      <Loaded
        load={load}
        loadingLabel={t('directory.organizations.loading')}
        failedText={(error) => t(`directory.errors.${directoryErrorKey(error)}`)}
      >
        {(organizations) => (
          <>
            <p role="status">{t('directory.organizations.count', { count: organizations.length })}</p>
            {organizations.length === 0 ? null : (
              <DataTable aria-label={t('directory.organizations.label')}>
                <DataTableHeader>
                  <DataColumn isRowHeader>{t('directory.columns.name')}</DataColumn>
                  <DataColumn>{t('directory.columns.category')}</DataColumn>
                  <DataColumn>{t('directory.columns.serves')}</DataColumn>
                  <DataColumn>{t('directory.columns.languages')}</DataColumn>
                  <DataColumn>{t('directory.columns.verified')}</DataColumn>
                </DataTableHeader>
                <DataTableBody>
                  {organizations.map((organization) => (
                    <DataRow
                      key={organization.id}
                      id={organization.id}
                      href={`/directory/organizations/${organization.id}`}
                    >
                      <DataCell>
                        <TextLink href={`/directory/organizations/${organization.id}`}>
                          {organization.name}
                        </TextLink>
                      </DataCell>
                      <DataCell>{words.category(organization.category)}</DataCell>
                      <DataCell>
                        {organization.national
                          ? t('directory.badges.national')
                          : organization.provinces.map((province) => vocab.province(province)).join(', ')}
                      </DataCell>
                      <DataCell>
                        {organization.languages.map((code) => vocab.language(code)).join(', ')}
                      </DataCell>
                      <DataCell>
                        {organization.lastVerifiedOn === '' ? null : organization.lastVerifiedOn}
                        <EntryBadges {...organization} />
                      </DataCell>
                    </DataRow>
                  ))}
                </DataTableBody>
              </DataTable>
            )}
          </>
        )}
      </Loaded>
      {isAdding ? (
        <OrganizationFormDialog
          organization={null}
          onClose={() => setIsAdding(false)}
          onSaved={(organization) => {
            setIsAdding(false)
            void navigate(`/directory/organizations/${organization.id}`)
          }}
        />
      ) : null}
    </div>
  )
}
