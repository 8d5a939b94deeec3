import { between, chance, pick, skewed, type TRandom } from '../random'
import type { TGender, TName, TNameTradition, TNameUnit } from './name'

/*
 * Amharic and Tigrinya names in the Ethiopic syllabary (Ethiopia, Eritrea). Each glyph is a consonant with one of
 * seven vowels, laid out in Unicode as rows of eight: the glyph for consonant C with vowel order k is C's first
 * code point + k. There are no family names: a person's second name is their father's given name.
 */

/** First code point of each consonant's row, and its Latin spellings. */
const CONSONANTS: readonly [number, ...string[]][] = [
  [0x1200, 'h'],
  [0x1208, 'l'],
  [0x1210, 'h'],
  [0x1218, 'm'],
  [0x1228, 'r'],
  [0x1230, 's'],
  [0x1238, 'sh'],
  [0x1240, 'q', 'k'],
  [0x1260, 'b'],
  [0x1270, 't'],
  [0x1278, 'ch', 'c'],
  [0x1290, 'n'],
  [0x12a0, ''],
  [0x12a8, 'k'],
  [0x12c8, 'w'],
  [0x12d8, 'z'],
  [0x12e8, 'y'],
  [0x12f0, 'd'],
  [0x1308, 'g'],
  [0x1320, 't'],
  [0x1338, 'ts', 'tz', 's'],
  [0x1348, 'f'],
]

/** The vowel orders: ä u i a e ə o, spelt as people do (the sixth order is often not written at all). */
const VOWELS: readonly string[][] = [['e', 'a'], ['u'], ['i'], ['a'], ['e', 'ie'], ['', 'i', 'e'], ['o']]

/** Names common enough that many share them. */
const COMMON: Record<TGender, readonly TNameUnit[]> = {
  man: [
    ['ዳዊት', 'Dawit', 'Dawite'],
    ['ተስፋዬ', 'Tesfaye', 'Tesfay'],
    ['ሰለሞን', 'Solomon', 'Selemon'],
    ['ዮሐንስ', 'Yohannes', 'Yohanes', 'Johannes'],
  ],
  woman: [
    ['ሰላም', 'Selam', 'Salam'],
    ['ትግስት', 'Tigist', 'Tigest'],
    ['ሄለን', 'Helen', 'Hellen'],
    ['ሳባ', 'Saba'],
  ],
}

function glyph(consonant: readonly [number, ...string[]], order: number): TNameUnit {
  const [base, ...consonantSpellings] = consonant
  const vowels = VOWELS[order] as string[]
  const spellings = consonantSpellings.flatMap((start) => vowels.map((vowel) => start + vowel))
  // The glottal row spells as its vowel alone; never leave a piece with no letters.
  const nonEmpty = spellings.map((text) => (text === '' ? 'e' : text))
  return [String.fromCodePoint(base + order), ...new Set(nonEmpty)]
}

function ethiopicName(random: TRandom): TName {
  const length = between(random, 2, 4)
  const name: TNameUnit[] = []
  for (let index = 0; index < length; index++) {
    // Sixth-order glyphs close syllables; vowels otherwise.
    const order = index > 0 && chance(random, 0.35) ? 5 : pick(random, [0, 0, 1, 2, 3, 4, 6])
    name.push(glyph(pick(random, CONSONANTS), order))
  }
  return name
}

export const ETHIOPIC: TNameTradition = {
  script: 'Ethi',
  familyFirst: false,
  nativeSeparator: ' ',
  given: (random, gender) => (chance(random, 0.25) ? [skewed(random, COMMON[gender])] : ethiopicName(random)),
  // The father's given name.
  family: (random) => (chance(random, 0.25) ? [skewed(random, COMMON.man)] : ethiopicName(random)),
}
