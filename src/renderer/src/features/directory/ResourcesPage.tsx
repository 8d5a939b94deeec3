import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { TResource, TResourceQuery } from '../../../../shared/contract/directory'
import { RESOURCE_KINDS, type TResourceKind } from '../../../../shared/roster/vocabulary'
import { api, callApi } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { Button, Checkbox, ConfirmDialog, Loaded, Notice, PageHeader, SelectField, TextField } from '../../ui'
import { canHandleCases, useSignedInStaff } from '../vault'
import { DirectoryTabs } from './DirectoryTabs'
import { useDirectoryWords } from './directoryWords'
import { EntryBadges } from './EntryBadges'
import { directoryErrorKey, type TDirectoryErrorKey } from './errors'
import { ResourceFormDialog } from './ResourceFormDialog'
import './directory.css'

const ANY = 'any'

type TResourceFilters = { search: string; kind: TResourceKind | undefined; includeRetired: boolean }

const kindOrUndefined = (value: string | null): TResourceKind | undefined =>
  (RESOURCE_KINDS as readonly string[]).includes(value ?? '') ? (value as TResourceKind) : undefined

/** Reads the filters from the URL; anything unknown is ignored rather than sent to main. */
const filtersFromParams = (params: URLSearchParams): TResourceFilters => ({
  search: (params.get('q') ?? '').slice(0, 200),
  kind: kindOrUndefined(params.get('kind')),
  includeRetired: params.get('retired') === '1',
})

const paramsFromFilters = (query: TResourceFilters): URLSearchParams => {
  const params = new URLSearchParams()
  if (query.search !== '') params.set('q', query.search)
  if (query.kind !== undefined) params.set('kind', query.kind)
  if (query.includeRetired) params.set('retired', '1')
  return params
}

type TEditing = { resource: TResource | null } | null

/** Background texts (treaties, statutes, guides, tools) a caseworker points people to; search, add, edit, retire. */
export function ResourcesPage() {
  const { t } = useTranslation()
  const words = useDirectoryWords()
  const staff = useSignedInStaff()
  const canEdit = canHandleCases(staff.role)
  const [params, setParams] = useSearchParams()
  const query = filtersFromParams(params)
  const key = JSON.stringify({
    search: query.search,
    includeRetired: query.includeRetired,
    ...(query.kind === undefined ? {} : { kind: query.kind }),
  } satisfies TResourceQuery)
  const list = useCallback(() => api.directory.resources(JSON.parse(key)), [key])
  const { load, reload } = useApiQuery(list)
  const [editing, setEditing] = useState<TEditing>(null)
  const [retiring, setRetiring] = useState<TResource | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const [refusal, setRefusal] = useState<TDirectoryErrorKey | null>(null)
  const [outcome, setOutcome] = useState('')
  const change = (next: TResourceFilters) => setParams(paramsFromFilters(next), { replace: true })

  const setRetired = async (resource: TResource, retired: boolean) => {
    setIsBusy(true)
    const result = await callApi(() => api.directory.setResourceRetired({ id: resource.id, retired }))
    setIsBusy(false)
    setRetiring(null)
    if (!result.ok) return setRefusal(directoryErrorKey(result.error))
    setRefusal(null)
    setOutcome(
      t(retired ? 'directory.resources.retired' : 'directory.resources.restored', { title: resource.title }),
    )
    reload()
  }

  return (
    <div className="directory-page">
      <PageHeader
        title={t('directory.title')}
        description={t('directory.lede')}
        actions={
          canEdit ? (
            <Button variant="primary" onPress={() => setEditing({ resource: null })}>
              {t('directory.resources.add')}
            </Button>
          ) : null
        }
      />
      <DirectoryTabs current="resources" />
      <div className="directory-filters" role="group" aria-label={t('directory.resources.filters')}>
        <TextField
          label={t('directory.resources.search')}
          value={query.search}
          onChange={(search) => change({ ...query, search })}
          type="search"
        />
        <SelectField
          label={t('directory.fields.kind')}
          options={[{ id: ANY, label: t('directory.resources.anyKind') }, ...words.kindOptions]}
          value={query.kind ?? ANY}
          onChange={(value) =>
            change({
              ...query,
              kind: kindOrUndefined(value),
            })
          }
        />
        <Checkbox
          isSelected={query.includeRetired}
          onChange={(includeRetired) => change({ ...query, includeRetired })}
        >
          {t('directory.filters.includeRetired')}
        </Checkbox>
      </div>
      <div role="status">{outcome ? <Notice tone="success">{outcome}</Notice> : null}</div>
      {refusal ? (
        <Notice tone="danger" live="alert">
          {t(`directory.errors.${refusal}`)}
        </Notice>
      ) : null}
      <Loaded
        load={load}
        loadingLabel={t('directory.resources.loading')}
        failedText={(error) => t(`directory.errors.${directoryErrorKey(error)}`)}
      >
        {(resources) => (
          <>
            <p role="status">{t('directory.resources.count', { count: resources.length })}</p>
            <ul className="directory-resources" aria-label={t('directory.resources.label')}>
              {resources.map((resource) => (
                <li key={resource.id} className="ui-panel">
                  <h2 className="ui-section__title">{resource.title}</h2>
                  <p>
                    {words.kind(resource.kind)} · {words.jurisdiction(resource.jurisdiction)}
                  </p>
                  {resource.summary === '' ? null : <p>{resource.summary}</p>}
                  {resource.link === '' ? null : (
                    <p>
                      {t('directory.resources.linkLabel')} <bdi>{resource.link}</bdi>
                    </p>
                  )}
                  <EntryBadges {...resource} />
                  {canEdit ? (
                    <div className="directory-resource__actions">
                      <Button
                        onPress={() => setEditing({ resource })}
                        aria-label={t('directory.resources.editNamed', { title: resource.title })}
                      >
                        {t('directory.detail.edit')}
                      </Button>
                      <Button
                        isDisabled={isBusy}
                        onPress={() =>
                          resource.retiredAt === null
                            ? setRetiring(resource)
                            : void setRetired(resource, false)
                        }
                        aria-label={t(
                          resource.retiredAt === null
                            ? 'directory.resources.retireNamed'
                            : 'directory.resources.restoreNamed',
                          { title: resource.title },
                        )}
                      >
                        {resource.retiredAt === null
                          ? t('directory.detail.retire')
                          : t('directory.detail.restore')}
                      </Button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
      {editing === null ? null : (
        <ResourceFormDialog
          resource={editing.resource}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null)
            setOutcome(t('directory.resources.saved', { title: saved.title }))
            reload()
          }}
        />
      )}
      <ConfirmDialog
        isOpen={retiring !== null}
        onClose={() => setRetiring(null)}
        title={t('directory.resources.retireTitle')}
        cancelLabel={t('directory.common.cancel')}
        confirmLabel={t('directory.detail.retire')}
        busyLabel={t('directory.detail.retiring')}
        isBusy={isBusy}
        onConfirm={() => (retiring === null ? undefined : void setRetired(retiring, true))}
      >
        <p>{t('directory.resources.retireBody', { title: retiring?.title ?? '' })}</p>
      </ConfirmDialog>
    </div>
  )
}
