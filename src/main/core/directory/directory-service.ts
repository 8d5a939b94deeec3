import { randomUUID } from 'node:crypto'
import {
  ZOrganizationQuerySchema,
  ZResourceQuerySchema,
  type TOrganization,
  type TOrganizationQuery,
  type TResource,
  type TResourceQuery,
} from '../../../shared/contract/directory'
import {
  ZOrganizationFieldsSchema,
  ZResourceFieldsSchema,
  type TOrganizationFields,
  type TResourceFields,
} from '../../../shared/roster/directory-schema'
import { AppError } from '../../../shared/result'
import { ANY_STAFF, STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { searchWords } from '../../../shared/search-fold'
import { sessionIn, type TSessionSource } from '../session/session'
import {
  staleBefore,
  toOrganization,
  toOrganizationFields,
  toResource,
  toResourceFields,
} from './directory-views'
import { OrganizationQueries, OrganizationRepository } from './organization-repository'
import { ResourceQueries, ResourceRepository } from './resource-repository'

const NO_ORGANIZATION = 'This organization is not in the directory.'
const NO_RESOURCE = 'This resource is not in the directory.'

/** Names of the fields that differ (audit details name fields, never their values). */
const changedKeys = <T extends object>(before: T, after: T): string[] =>
  (Object.keys(after) as (keyof T & string)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )

function required<R>(row: R | undefined, message: string): R {
  if (row === undefined) throw new AppError('NOT_FOUND', message)
  return row
}

/**
 * The referral directory: organizations and background resources. Every role reads it; caseworkers and admins add,
 * edit and retire entries (retired entries leave the lists but stay, since referrals and packets name them). Each
 * change is audited with the entry's id and the names of the fields that changed.
 */
export class DirectoryService {
  constructor(private readonly sessions: TSessionSource) {}

  organizations(query: TOrganizationQuery): TOrganization[] {
    const session = sessionIn(this.sessions, ANY_STAFF)
    const parsed = ZOrganizationQuerySchema.parse(query)
    const cutoff = staleBefore(session.clock.now())
    return new OrganizationQueries(session.db)
      .list({
        words: searchWords(parsed.search),
        province: parsed.province,
        category: parsed.category,
        language: parsed.language,
        service: parsed.service,
        staleBefore: parsed.staleOnly ? cutoff : undefined,
        includeRetired: parsed.includeRetired,
      })
      .map((row) => toOrganization(row, cutoff))
  }

  organization(id: string): TOrganization {
    const session = sessionIn(this.sessions, ANY_STAFF)
    const row = required(new OrganizationQueries(session.db).get(id), NO_ORGANIZATION)
    return toOrganization(row, staleBefore(session.clock.now()))
  }

  createOrganization(input: TOrganizationFields): TOrganization {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const fields = ZOrganizationFieldsSchema.parse(input)
    const organizations = new OrganizationRepository(session.db)
    const id = randomUUID()
    const now = session.clock.now()
    return session.db.transaction(() => {
      organizations.insert(id, fields, now.toISOString())
      session.audit.record('record.created', { type: 'organization', id })
      return toOrganization(required(organizations.get(id), NO_ORGANIZATION), staleBefore(now))
    })
  }

  updateOrganization(id: string, input: TOrganizationFields): TOrganization {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const fields = ZOrganizationFieldsSchema.parse(input)
    const organizations = new OrganizationRepository(session.db)
    const now = session.clock.now()
    return session.db.transaction(() => {
      const before = required(organizations.get(id), NO_ORGANIZATION)
      const changed = changedKeys(toOrganizationFields(before), fields)
      if (changed.length > 0) {
        organizations.update(id, fields, now.toISOString())
        session.audit.record('record.changed', { type: 'organization', id }, { fields: changed })
      }
      return toOrganization(required(organizations.get(id), NO_ORGANIZATION), staleBefore(now))
    })
  }

  setOrganizationRetired(id: string, retired: boolean): TOrganization {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const organizations = new OrganizationRepository(session.db)
    const now = session.clock.now()
    return session.db.transaction(() => {
      const before = required(organizations.get(id), NO_ORGANIZATION)
      if ((before.retired_at !== null) !== retired) {
        organizations.setRetired(id, retired ? now.toISOString() : null, now.toISOString())
        session.audit.record('record.changed', { type: 'organization', id }, { fields: ['retired'], retired })
      }
      return toOrganization(required(organizations.get(id), NO_ORGANIZATION), staleBefore(now))
    })
  }

  resources(query: TResourceQuery): TResource[] {
    const session = sessionIn(this.sessions, ANY_STAFF)
    const parsed = ZResourceQuerySchema.parse(query)
    const cutoff = staleBefore(session.clock.now())
    return new ResourceQueries(session.db)
      .list({ words: searchWords(parsed.search), kind: parsed.kind, includeRetired: parsed.includeRetired })
      .map((row) => toResource(row, cutoff))
  }

  createResource(input: TResourceFields): TResource {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const fields = ZResourceFieldsSchema.parse(input)
    const resources = new ResourceRepository(session.db)
    const id = randomUUID()
    const now = session.clock.now()
    return session.db.transaction(() => {
      resources.insert(id, fields, now.toISOString())
      session.audit.record('record.created', { type: 'resource', id })
      return toResource(required(resources.get(id), NO_RESOURCE), staleBefore(now))
    })
  }

  updateResource(id: string, input: TResourceFields): TResource {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const fields = ZResourceFieldsSchema.parse(input)
    const resources = new ResourceRepository(session.db)
    const now = session.clock.now()
    return session.db.transaction(() => {
      const before = required(resources.get(id), NO_RESOURCE)
      const changed = changedKeys(toResourceFields(before), fields)
      if (changed.length > 0) {
        resources.update(id, fields, now.toISOString())
        session.audit.record('record.changed', { type: 'resource', id }, { fields: changed })
      }
      return toResource(required(resources.get(id), NO_RESOURCE), staleBefore(now))
    })
  }

  setResourceRetired(id: string, retired: boolean): TResource {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const resources = new ResourceRepository(session.db)
    const now = session.clock.now()
    return session.db.transaction(() => {
      const before = required(resources.get(id), NO_RESOURCE)
      if ((before.retired_at !== null) !== retired) {
        resources.setRetired(id, retired ? now.toISOString() : null, now.toISOString())
        session.audit.record('record.changed', { type: 'resource', id }, { fields: ['retired'], retired })
      }
      return toResource(required(resources.get(id), NO_RESOURCE), staleBefore(now))
    })
  }
}
