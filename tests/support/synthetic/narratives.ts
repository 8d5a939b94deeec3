import { between, chance, pick, type TRandom } from './random'

/**
 * Invented narrative and note text: a few sentences in the register of intake notes, always marked synthetic,
 * with place names and years so notes search has words to find. Never anyone's story.
 */
const SENTENCES: readonly ((words: TNarrativeWords) => string)[] = [
  (w) => `Detained for ${w.months} months at ${w.place} in ${w.year}.`,
  (w) => `Describes interrogation by members of the ${w.party}.`,
  (w) => `Fled through ${w.otherPlace} with ${w.relatives} family members; reached Canada in ${w.laterYear}.`,
  (w) => `Has medical reports from a clinic in ${w.city}.`,
  (w) => `Witnessed the destruction of ${w.otherPlace} in ${w.year}.`,
  (w) => `Brother missing since ${w.year}; last seen at a checkpoint near ${w.place}.`,
  (w) => `Able to name two other witnesses now living in ${w.city}.`,
  (w) => `Kept a list of guards' names from ${w.place}.`,
  () => 'Asks that letters not be sent to the home address.',
  () => 'Interview paused and resumed the next week at the survivor’s request.',
]

export type TNarrativeWords = {
  place: string
  otherPlace: string
  party: string
  city: string
  year: number
  laterYear: number
  months: number
  relatives: number
}

export function narrative(
  random: TRandom,
  words: Omit<TNarrativeWords, 'year' | 'laterYear' | 'months' | 'relatives'>,
): string {
  const year = between(random, 1994, 2023)
  const filled: TNarrativeWords = {
    ...words,
    year,
    laterYear: Math.min(2025, year + between(random, 1, 6)),
    months: between(random, 1, 30),
    relatives: between(random, 1, 6),
  }
  const count = between(random, 1, 6)
  const sentences = ['Synthetic narrative.']
  for (let index = 0; index < count; index++) sentences.push(pick(random, SENTENCES)(filled))
  return sentences.join(' ')
}

const NOTES = [
  'Prefers calls after 3 pm.',
  'Needs an interpreter who is not from the same town.',
  'Referred by a settlement worker.',
  'Second interview planned with a psychologist present.',
  'Documents held by a cousin; copies to follow.',
  'Asked for a woman caseworker.',
]

/** A short staff note, or '' (most intakes have none). */
export const staffNote = (random: TRandom): string =>
  chance(random, 0.25) ? `Synthetic note: ${pick(random, NOTES)}` : ''
