import { randomUUID } from 'node:crypto'
import {
  ZLawyerListQuerySchema,
  type TLawyer,
  type TLawyerListPage,
  type TLawyerListQuery,
  type TOnCallNow,
  type TRosterCapacity,
} from '../../../shared/contract/lawyers'
import { AIRPORTS, airportLocalTime, type TAirport } from '../../../shared/roster/airports'
import { ZLawyerFieldsSchema, type TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { isOnCallAt, type TOnCallWindow } from '../../../shared/roster/on-call'
import type { TLawyerStatus } from '../../../shared/roster/vocabulary'
import { searchWords } from '../../../shared/search-fold'
import { AppError } from '../../../shared/result'
import { ANY_STAFF, STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { keysOf } from '../db/key-list'
import { ReferralQueries } from '../referrals/referral-repository'
import { sessionIn, type TSession, type TSessionSource } from '../session/session'
import { LawyerQueries, LawyerRepository, type TLawyerRecord } from './lawyer-repository'
import { lawyerCapacityRows, rosterCapacity } from './roster-capacity'
import { displayNameOf, toLawyer, toLawyerFields, toLawyerListRow } from './lawyer-views'

const NOT_FOUND = 'This lawyer is not on the roster.'

/**
 * Places each lawyer holds in open referrals. Referrals are survivor data (casework.db, attached only for staff
 * who handle cases), so a viewer's list shows none in use: their session cannot read them.
 */
const placesHeldFor = (session: TSession): Map<string, number> =>
  STAFF_WHO_HANDLE_CASES.includes(session.staff.role)
    ? new ReferralQueries(session.db).placesHeld()
    : new Map()
const DUPLICATE_LICENCE = 'Another lawyer on the roster has this licence number in this law society.'

/** The fields that differ between two versions of a lawyer: what an audit entry names (never the values). */
export function changedFields(before: TLawyerFields, after: TLawyerFields): string[] {
  return (Object.keys(after) as (keyof TLawyerFields)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
}

/**
 * The volunteer lawyer roster: every role reads it; caseworkers and admins add, edit and pause lawyers. Each change
 * is one transaction with its audit entry, which names the lawyer's id and the fields that changed, never values.
 */
export class RosterService {
  constructor(private readonly sessions: TSessionSource) {}

  list(query: TLawyerListQuery): TLawyerListPage {
    const session = sessionIn(this.sessions, ANY_STAFF)
    const parsed = ZLawyerListQuerySchema.parse(query)
    const lawyers = new LawyerQueries(session.db)
    const now = session.clock.now()
    const onCallIds = parsed.onCallNow ? this.onCallIds(lawyers, parsed.airport, now) : undefined
    const { rows, total } = lawyers.list(
      {
        words: searchWords(parsed.search),
        status: parsed.status,
        province: parsed.province,
        language: parsed.language,
        practiceArea: parsed.practiceArea,
        airport: parsed.airport,
        ids: onCallIds,
        hasCapacity: parsed.hasCapacity,
        placesHeldKnown: STAFF_WHO_HANDLE_CASES.includes(session.staff.role),
      },
      parsed.offset,
      parsed.limit,
    )
    const held = placesHeldFor(session)
    return {
      rows: rows.map((row) => {
        const windows = JSON.parse(row.on_call_windows) as TOnCallWindow[]
        const airports = keysOf(row.airport_keys) as TAirport[]
        const onCallNowAt =
          row.status === 'active' ? airports.filter((airport) => isOnCallAt(windows, airport, now)) : []
        return toLawyerListRow(row, onCallNowAt, held.get(row.id) ?? 0)
      }),
      total,
      offset: parsed.offset,
    }
  }

  get(id: string): TLawyer {
    const session = sessionIn(this.sessions, ANY_STAFF)
    return toLawyer(this.require(new LawyerQueries(session.db), id))
  }

  /** Who is on call at each airport now, in each airport's local time; airports with nobody are listed too. */
  onCallNow(): TOnCallNow {
    const session = sessionIn(this.sessions, ANY_STAFF)
    const lawyers = new LawyerQueries(session.db)
    const now = session.clock.now()
    return AIRPORTS.map((airport) => {
      const { day, minute } = airportLocalTime(airport, now)
      return {
        airport,
        localDay: day,
        localTime: `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
        lawyers: lawyers.onCallAt(airport, day, minute).map((row) => ({
          id: row.id,
          displayName: displayNameOf(row),
          phone: row.phone,
          email: row.email,
        })),
      }
    })
  }

  /** Places free, lawyers full and paused, by province: counts only, so every role may see them. */
  capacity(): TRosterCapacity {
    const session = sessionIn(this.sessions, ANY_STAFF)
    const canReadReferrals = STAFF_WHO_HANDLE_CASES.includes(session.staff.role)
    return rosterCapacity(lawyerCapacityRows(session.db), canReadReferrals ? placesHeldFor(session) : null)
  }

  create(input: TLawyerFields): TLawyer {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const fields = ZLawyerFieldsSchema.parse(input)
    const lawyers = new LawyerRepository(session.db)
    const id = randomUUID()
    const at = session.clock.now().toISOString()
    return session.db.transaction(() => {
      this.refuseTakenLicence(lawyers, fields, null)
      lawyers.insert(id, fields, at, session.staff.accountId)
      const record = this.require(lawyers, id)
      session.audit.record('record.created', { type: 'lawyer', id })
      return toLawyer(record)
    })
  }

  update(id: string, input: TLawyerFields): TLawyer {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const fields = ZLawyerFieldsSchema.parse(input)
    const lawyers = new LawyerRepository(session.db)
    const at = session.clock.now().toISOString()
    return session.db.transaction(() => {
      const before = toLawyerFields(this.require(lawyers, id))
      const fieldsChanged = changedFields(before, fields)
      if (fieldsChanged.length === 0) return toLawyer(this.require(lawyers, id))
      this.refuseTakenLicence(lawyers, fields, id)
      lawyers.replace(id, fields, at)
      const record = this.require(lawyers, id)
      session.audit.record('record.changed', { type: 'lawyer', id }, { fields: fieldsChanged })
      return toLawyer(record)
    })
  }

  /** Pause (no new referrals offered) or make active again. */
  setStatus(id: string, status: TLawyerStatus): TLawyer {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const lawyers = new LawyerRepository(session.db)
    const at = session.clock.now().toISOString()
    return session.db.transaction(() => {
      const before = this.require(lawyers, id)
      if (before.row.status === status) return toLawyer(before)
      lawyers.setStatus(id, status, at)
      session.audit.record('record.changed', { type: 'lawyer', id }, { fields: ['status'], status })
      return toLawyer(this.require(lawyers, id))
    })
  }

  private onCallIds(lawyers: LawyerQueries, airport: TAirport | undefined, now: Date): string[] {
    const airports = airport === undefined ? AIRPORTS : [airport]
    const ids = new Set<string>()
    for (const code of airports) {
      const { day, minute } = airportLocalTime(code, now)
      for (const row of lawyers.onCallAt(code, day, minute)) ids.add(row.id)
    }
    return [...ids]
  }

  private require(lawyers: LawyerQueries, id: string): TLawyerRecord {
    const record = lawyers.get(id)
    if (record === undefined) throw new AppError('NOT_FOUND', NOT_FOUND)
    return record
  }

  /** A licence already held by another lawyer is a CONFLICT with a clear message, not a database error. */
  private refuseTakenLicence(lawyers: LawyerQueries, fields: TLawyerFields, ownId: string | null): void {
    for (const membership of fields.memberships) {
      const holder = lawyers.licenceHolder(membership.province, membership.licenceNumber)
      if (holder !== undefined && holder !== ownId) throw new AppError('CONFLICT', DUPLICATE_LICENCE)
    }
  }
}
