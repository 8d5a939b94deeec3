/**
 * A case's names as the search's similar-name pass compares them, prepared once when the case is written (the
 * `case_names` table, casework migration 6) instead of on every search for each of its 150 candidates. Each name
 * keeps which of the person's names it is, so the row can say "alias “Abu Sami”" without reading the profile.
 */
import type { TSearchReasonKind } from '../../../shared/contract/cases'
import { intakeNames, type TPerson } from '../../../shared/cases/intake-schema'
import { preparePerson, readStoredNames, storeNames, type PreparedPerson } from '../person-matching'

/** The person's names a search can meet: what intakeNames lists. */
export type TNamedPerson = Pick<
  TPerson,
  'givenNames' | 'familyName' | 'preferredName' | 'aliases' | 'originalScriptName'
>

/** Which of the person's names `name` is: the legal or preferred name, the original-script name or an alias. */
export function nameKindOf(person: TNamedPerson, name: string): TSearchReasonKind {
  const legal = [person.givenNames.trim(), person.familyName.trim()].filter(Boolean).join(' ')
  if (name === legal || name === person.preferredName.trim()) return 'name'
  if (name === person.originalScriptName.trim()) return 'originalScript'
  if (person.aliases.some((alias) => alias.trim() === name)) return 'alias'
  return 'name'
}

/** The person's names prepared for matching, from their intake names. */
export const preparedNamesOf = (person: TNamedPerson): PreparedPerson =>
  preparePerson({ names: intakeNames(person) })

/** What `case_names` holds for a person: their prepared names, each tagged with its kind. */
export function storedCaseNamesOf(person: TNamedPerson, prepared = preparedNamesOf(person)): string {
  return storeNames(prepared.names.map((name) => ({ name, tag: nameKindOf(person, name.written) })))
}

/** A case's names read back for the search, each with its kind; null when the stored text cannot be used. */
export function readCaseNames(
  text: string | null,
): { names: PreparedPerson['names']; kinds: Map<string, TSearchReasonKind> } | null {
  const stored = text === null ? null : readStoredNames(text)
  if (stored === null) return null
  const kinds = new Map<string, TSearchReasonKind>()
  for (const { name, tag } of stored) kinds.set(name.written, isKind(tag) ? tag : 'name')
  return { names: stored.map(({ name }) => name), kinds }
}

const NAME_KINDS: readonly string[] = ['name', 'alias', 'originalScript'] satisfies TSearchReasonKind[]
const isKind = (tag: string): tag is TSearchReasonKind => NAME_KINDS.includes(tag)
