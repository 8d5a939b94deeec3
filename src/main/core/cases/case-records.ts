/**
 * Pure rules between an intake and the case file: what a new intake makes of a case, how a further intake for the
 * same person updates it, and what the search index and the duplicate check know about a case. No SQL here.
 */
import type { z } from 'zod'
import {
  displayNameOf,
  intakeNames,
  type TIntake,
  type ZContactSchema,
  type ZLanguagesSchema,
  type ZLocationSchema,
  type ZNeedsSchema,
  type ZPersonSchema,
} from '../../../shared/cases/intake-schema'
import { REMOVAL_URGENT_DAYS, type TCaseStatus } from '../../../shared/cases/vocabulary'
import { buildSearchKeys, preparePerson, toLatin, type Person, type PreparedPerson } from '../person-matching'

export type TPersonRecord = z.output<typeof ZPersonSchema>
export type TContactRecord = z.output<typeof ZContactSchema>
export type TLanguagesRecord = z.output<typeof ZLanguagesSchema>
export type TLocationRecord = z.output<typeof ZLocationSchema>
export type TNeedsRecord = z.output<typeof ZNeedsSchema>

/** The survivor as the case file knows them: the summary part of every intake, merged. */
export type TProfile = { person: TPersonRecord; languages: TLanguagesRecord; location: TLocationRecord }

/** What the case row holds, derived from the profile, contact and needs. */
export type TCaseState = {
  profile: TProfile
  contact: TContactRecord
  needs: TNeedsRecord
}

export const stateFromIntake = (intake: TIntake): TCaseState => ({
  profile: { person: intake.person, languages: intake.languages, location: intake.location },
  contact: intake.contact,
  needs: intake.needs,
})

const isBlank = (value: unknown): boolean =>
  value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0)

/** Newer answers win, but a question left blank in the newer intake keeps what was known. */
function mergeNewer<T extends Record<string, unknown>>(older: T, newer: T): T {
  const merged: Record<string, unknown> = { ...older }
  for (const [key, value] of Object.entries(newer)) if (!isBlank(value)) merged[key] = value
  return merged as T
}

const unique = (values: readonly string[]): string[] => [
  ...new Set(values.filter((value) => value.trim() !== '')),
]

/**
 * A further intake for a person who already has a case. The legal name on file stays; names that differ in the new
 * intake become aliases, so the case is found under every name the person has given. Other answers: newer wins
 * unless blank. Needs accumulate; urgency (dates, detention, airport) is as of the newer intake.
 */
export function mergeIntoCase(existing: TCaseState, intake: TIntake): TCaseState {
  const known = new Set(intakeNames(existing.profile.person).map((name) => name.toLocaleLowerCase()))
  const incomingLegal = [intake.person.givenNames, intake.person.familyName].filter(Boolean).join(' ').trim()
  const newNames = [incomingLegal, intake.person.preferredName, ...intake.person.aliases].filter(
    (name) => name.trim() !== '' && !known.has(name.trim().toLocaleLowerCase()),
  )
  const person: TPersonRecord = {
    ...mergeNewer(existing.profile.person, { ...intake.person, aliases: [] }),
    givenNames: existing.profile.person.givenNames || intake.person.givenNames,
    familyName: existing.profile.person.familyName || intake.person.familyName,
    preferredName: intake.person.preferredName || existing.profile.person.preferredName,
    originalScriptName: existing.profile.person.originalScriptName || intake.person.originalScriptName,
    aliases: unique([...existing.profile.person.aliases, ...newNames]),
  }
  if (
    intake.person.originalScriptName !== '' &&
    intake.person.originalScriptName !== person.originalScriptName &&
    !person.aliases.includes(intake.person.originalScriptName)
  ) {
    person.aliases.push(intake.person.originalScriptName)
  }
  // Whatever the new intake added as aliases but is already the legal/preferred name stays out.
  person.aliases = person.aliases.filter(
    (alias) =>
      alias !== [person.givenNames, person.familyName].filter(Boolean).join(' ') &&
      alias !== person.preferredName,
  )
  const languages: TLanguagesRecord = {
    ...mergeNewer(existing.profile.languages, intake.languages),
    others: unique([...existing.profile.languages.others, ...intake.languages.others]),
  }
  const needs: TNeedsRecord = {
    ...mergeNewer(existing.needs, intake.needs),
    needs: [...new Set([...existing.needs.needs, ...intake.needs.needs])],
    atAirportNow: intake.needs.atAirportNow,
  }
  return {
    profile: { person, languages, location: mergeNewer(existing.profile.location, intake.location) },
    contact: mergeNewer(existing.contact, intake.contact),
    needs,
  }
}

/** The person-matching view of a case: every name, date of birth or birth year, phone and email. */
export function matchPersonOf(state: Pick<TCaseState, 'profile' | 'contact'>, today = new Date()): Person {
  const { person } = state.profile
  return {
    names: intakeNames(person),
    dateOfBirth: person.dateOfBirth || null,
    birthYear:
      person.dateOfBirth === '' && person.approximateAge !== null
        ? today.getUTCFullYear() - person.approximateAge
        : null,
    phones: state.contact.phone === '' ? [] : [state.contact.phone],
    emails: state.contact.email === '' ? [] : [state.contact.email],
  }
}

/** Blocking keys for the duplicate check. */
export const matchKeysOf = (state: Pick<TCaseState, 'profile' | 'contact'>): string[] =>
  buildSearchKeys(matchPersonOf(state))

export type TCaseListColumns = {
  display_name: string
  city: string
  province: string
  preferred_language: string
  language_keys: string
  need_keys: string
  detained: 0 | 1
  at_airport: 0 | 1
  urgent_flag: 0 | 1
  removal_date: string | null
  hearing_date: string | null
}

/** ' ar ti ': searchable with instr(column, ' ar ') inside an index. */
const spaced = (keys: readonly string[]): string =>
  ` ${[...new Set(keys.filter((key) => key !== ''))].join(' ')} `

export function listColumnsOf(state: TCaseState, status: TCaseStatus): TCaseListColumns {
  const detained = state.needs.detained === 'yes'
  const atAirport = state.needs.atAirportNow
  return {
    display_name: displayNameOf(state.profile.person),
    city: state.profile.location.city,
    province: state.profile.location.province,
    preferred_language: state.profile.languages.preferred,
    language_keys: spaced([state.profile.languages.preferred, ...state.profile.languages.others]),
    need_keys: spaced(state.needs.needs),
    detained: detained ? 1 : 0,
    at_airport: atAirport ? 1 : 0,
    urgent_flag: status !== 'closed' && (detained || atAirport) ? 1 : 0,
    removal_date: state.needs.removalDate || null,
    hearing_date: state.needs.hearingDate || null,
  }
}

/** The last day (ISO) a removal date counts as urgent, seen from `today`. */
export function removalCutoff(today: Date): string {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()))
  cutoff.setUTCDate(cutoff.getUTCDate() + REMOVAL_URGENT_DAYS)
  return cutoff.toISOString().slice(0, 10)
}

export const isUrgent = (
  row: { status: string; urgent_flag: number; removal_date: string | null },
  cutoff: string,
): boolean =>
  row.status !== 'closed' &&
  (row.urgent_flag === 1 || (row.removal_date !== null && row.removal_date <= cutoff))

/** Index terms for phonetic and spelling-tolerant search: Double Metaphone ('dm…') and skeleton ('sk…') keys. */
export const searchKeysOfNames = (names: readonly string[]): string =>
  searchKeysOfPrepared(preparePerson({ names }))

/** The same, from names already prepared. */
export function searchKeysOfPrepared(prepared: PreparedPerson): string {
  const terms = new Set<string>()
  for (const name of prepared.names) {
    for (const token of name.tokens) {
      for (const candidate of [token, token.variant]) {
        if (candidate === null) continue
        for (const phonetic of candidate.phonetic)
          if (phonetic.length >= 2) terms.add(`dm${phonetic.toLowerCase()}`)
        if (candidate.skeleton.length >= 2) terms.add(`sk${candidate.skeleton.toLowerCase()}`)
        if (candidate.text.length >= 2) terms.add(candidate.text)
      }
    }
  }
  return [...terms].join(' ')
}

/** What the search box can find a case by. */
export type TSearchDocument = { reference: string; names: string; latin: string; keys: string; notes: string }

export function searchDocumentOf(
  reference: string,
  person: TPersonRecord,
  notes: readonly string[],
  prepared?: PreparedPerson,
): TSearchDocument {
  const names = intakeNames(person)
  return {
    reference,
    names: names.join(' \u2022 '),
    latin: names.map((name) => toLatin(name)).join(' \u2022 '),
    keys: prepared === undefined ? searchKeysOfNames(names) : searchKeysOfPrepared(prepared),
    notes: notes.filter((note) => note.trim() !== '').join('\n'),
  }
}
