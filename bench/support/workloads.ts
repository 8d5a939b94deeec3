/**
 * What the case figures ask of the caseload, the same on the encrypted vault and its plain twin: the filters a
 * caseworker sets, the searches they type, the intakes they re-enter, all taken from sampled cases so they find
 * what a real search would (a name as typed, another spelling, the original script, a fragment, a typo, a
 * reference, a word of the notes, nothing).
 */
import type { TIntake } from '../../src/shared/cases/intake-schema'
import type { TCaseListQuery } from '../../src/shared/contract/cases'
import { seededRandom, syntheticIntake, syntheticPopulation } from '#test-support/synthetic'
import type { TCaseSample } from './caseload'
import type { TCaseServices } from './plain-twin'

/** New filters, as a caseworker sets them: each one's first page counts its rows. */
export const listFilters = (caseworkerId: string | undefined): TCaseListQuery[] => [
  { province: 'QC' },
  { statuses: ['new'] },
  { urgency: 'urgent' },
  { language: 'ar' },
  { need: 'detention_review' },
  { assignee: 'unassigned' },
  { province: 'ON', need: 'refugee_claim' },
  { statuses: ['awaiting_match', 'screening'] },
  { language: 'ti', province: 'ON' },
  ...(caseworkerId === undefined ? [] : [{ assignee: caseworkerId, statuses: ['screening' as const] }]),
]

export type TSearch = { kind: string; text: string }

const SEARCH_KINDS = [
  'full name',
  'other spelling',
  'original script',
  'start of family name',
  'misspelled family name',
  'reference',
  'word of the notes',
  'no match',
] as const

/** One vowel changed: the typo a person makes typing a name heard aloud. */
const misspell = (name: string): string =>
  name.replace(/[aeiou]/, (vowel) => ({ a: 'e', e: 'i', i: 'e', o: 'u', u: 'o' })[vowel] ?? vowel)

function searchFor(sample: TCaseSample, kind: (typeof SEARCH_KINDS)[number], index: number): string {
  const { person, experiences } = sample.intake
  const family = person.familyName || person.originalScriptName
  switch (kind) {
    case 'full name':
      return `${person.givenNames} ${person.familyName}`.trim() || person.originalScriptName
    case 'other spelling':
      return person.aliases[0] ?? misspell(`${person.givenNames} ${family}`.trim())
    case 'original script':
      return person.originalScriptName || family.toUpperCase()
    case 'start of family name':
      return [...family].slice(0, 4).join('')
    case 'misspelled family name':
      return misspell(family)
    case 'reference':
      return sample.reference
    case 'word of the notes':
      // A place named in the narrative, else the survivor's city (searchable with the notes: a broad search).
      return (
        /\b(?:near|at|through|of) ([A-Z][\p{L}-]+)/u.exec(experiences.narrative)?.[1] ??
        (sample.intake.location.city || 'checkpoint')
      )
    default:
      return `zqx${index}vw`
  }
}

/** `count` searches over the samples, every kind in turn. */
export function searchesFrom(samples: readonly TCaseSample[], count: number): TSearch[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = SEARCH_KINDS[index % SEARCH_KINDS.length] ?? 'no match'
    const sample = samples[Math.floor(index / SEARCH_KINDS.length) % Math.max(1, samples.length)]
    return { kind, text: sample === undefined ? 'checkpoint' : searchFor(sample, kind, index) }
  })
}

/**
 * Intakes for the duplicate check: four in five are a sampled survivor entered again under another spelling
 * (their alias, or a typo), half of those without a date of birth; one in five is someone new.
 */
export function duplicateChecksFrom(samples: readonly TCaseSample[], count: number, today: Date): TIntake[] {
  const random = seededRandom(977)
  const population = syntheticPopulation(random)
  return Array.from({ length: count }, (_, index) => {
    const sample = samples[index % Math.max(1, samples.length)]
    if (sample === undefined || index % 5 === 4) return syntheticIntake(random, today, population)
    const intake = structuredClone(sample.intake)
    const [given, ...family] = (intake.person.aliases[0] ?? '').split(' ')
    if (given !== undefined && family.length > 0) {
      intake.person.givenNames = given
      intake.person.familyName = family.join(' ')
    } else intake.person.familyName = misspell(intake.person.familyName)
    intake.person.aliases = []
    if (index % 2 === 1) intake.person.dateOfBirth = ''
    return intake
  })
}

/**
 * A write, as staff make all day (a caseworker's draft saved and discarded), outside any timing: it throws away the
 * counts the list caches (searches, language and need filters, cases facing removal); the case counts of the
 * session's count table stay, being kept in step by triggers.
 */
export function forgetCounts(services: TCaseServices): void {
  const { id } = services.intake.saveDraft({ step: 'person', data: {} })
  services.intake.discardDraft(id)
}
