import { between, chance, pick, type TRandom } from '../random'

/**
 * One piece of a name (a syllable, a prefix, a character): as written in its own script, then the Latin spellings
 * people and officials give it, commonest first. The same survivor is "Khaddour" on one paper and "Khadour" on
 * another because each piece has several spellings.
 */
export type TNameUnit = readonly [native: string, ...spellings: string[]]

/** A name as a sequence of pieces. */
export type TName = readonly TNameUnit[]

export type TGender = 'woman' | 'man'

/** ISO 15924 codes of the scripts names come in. 'Latn' traditions write names in Latin letters already. */
export type TScript = 'Arab' | 'Cyrl' | 'Ethi' | 'Deva' | 'Taml' | 'Hani' | 'Latn'

/** How one naming tradition builds and writes names. */
export type TNameTradition = {
  readonly script: TScript
  /** Chinese writes the family name first. */
  readonly familyFirst: boolean
  /** Between the parts of a full name in the native script ('' for Chinese). */
  readonly nativeSeparator: string
  given(random: TRandom, gender: TGender): TName
  family(random: TRandom, gender: TGender): TName
}

const capitalizeWords = (text: string): string =>
  text.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())

/** The name in its own script; scripts with capitals (Cyrillic, Latin) start each word with one. */
export const nativeOf = (name: TName): string => capitalizeWords(name.map((unit) => unit[0]).join(''))

/** The spelling most people would write. */
export const canonicalSpelling = (name: TName): string =>
  capitalizeWords(name.map((unit) => unit[1] ?? unit[0]).join(''))

/**
 * One Latin spelling of `name`: each piece keeps its commonest spelling except with probability `variance`, when
 * any of its spellings may be used.
 */
export function spelling(name: TName, random: TRandom, variance = 0.3): string {
  return capitalizeWords(
    name
      .map((unit) => {
        const spellings = unit.slice(1)
        if (spellings.length === 0) return unit[0]
        return chance(random, variance) ? pick(random, spellings) : (spellings[0] as string)
      })
      .join(''),
  )
}

/**
 * A name of `min` to `max` syllables: an onset from `onsets` with a vowel from `vowels` each, and maybe a closing
 * consonant. Every piece's native text and spellings are concatenated in step, so both scripts say the same name.
 */
export function syllableName(
  random: TRandom,
  parts: {
    onsets: readonly TNameUnit[]
    vowels: readonly TNameUnit[]
    codas?: readonly TNameUnit[]
    codaChance?: number
  },
  min = 2,
  max = 3,
): TName {
  const name: TNameUnit[] = []
  const count = between(random, min, max)
  for (let index = 0; index < count; index++)
    name.push(joinUnits(pick(random, parts.onsets), pick(random, parts.vowels)))
  if (parts.codas !== undefined && chance(random, parts.codaChance ?? 0.4))
    name.push(pick(random, parts.codas))
  return name
}

/** Two pieces as one: native texts joined, every pairing of their spellings (commonest pair first). */
export function joinUnits(first: TNameUnit, second: TNameUnit): TNameUnit {
  const firstSpellings = first.length > 1 ? first.slice(1) : [first[0]]
  const secondSpellings = second.length > 1 ? second.slice(1) : [second[0]]
  const spellings: string[] = []
  for (const left of firstSpellings) for (const right of secondSpellings) spellings.push(left + right)
  // Keep the list short: a syllable has a handful of plausible spellings, not dozens.
  return [first[0] + second[0], ...[...new Set(spellings)].slice(0, 6)]
}

/** A name written the same in every spelling (a Latin name with no variants, a fixed prefix). */
export const fixed = (text: string): TNameUnit => [text, text]
