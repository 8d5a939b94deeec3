import { chance, pick } from '../random'
import { syllableName, type TName, type TNameTradition, type TNameUnit } from './name'

/*
 * Traditions written in Latin letters, where the trouble is diacritics and local orthography rather than script:
 * Spanish accents and two family names (Núñez Peña, Nunez), Kurdish and Turkish ş ç ğ (Şêxo, Sheikho),
 * Somali c and x for sounds English spells a and h (Cabdi Xasan, Abdi Hassan), Kinyarwanda and Lingala
 * prefixes, and Haitian French accents. The native form keeps the diacritics; spellings drop or replace them.
 */

function latinTradition(
  onsets: readonly TNameUnit[],
  vowels: readonly TNameUnit[],
  codas: readonly TNameUnit[],
  family: (random: () => number, name: () => TName) => TName,
  givenLength: [number, number] = [2, 3],
): TNameTradition {
  const build = (random: () => number, min: number, max: number) =>
    syllableName(random, { onsets, vowels, codas, codaChance: 0.45 }, min, max)
  return {
    script: 'Latn',
    familyFirst: false,
    nativeSeparator: ' ',
    given: (random) => build(random, givenLength[0], givenLength[1]),
    family: (random) => family(random, () => build(random, 2, 3)),
  }
}

const plain = (letters: string): TNameUnit[] => [...letters].map((letter) => [letter, letter])

export const SPANISH = latinTradition(
  [...plain('bcdfglmnprstv'), ['ñ', 'ñ', 'n', 'ny'], ['ll', 'll', 'y'], ['qu', 'qu'], ['j', 'j', 'h']],
  // Accented vowels are the exception: one in a name at most, usually none.
  [
    ...plain('aeiouaeiouaeiouaeiou'),
    ['á', 'á', 'a'],
    ['é', 'é', 'e'],
    ['í', 'í', 'i'],
    ['ó', 'ó', 'o'],
    ['ú', 'ú', 'u'],
  ],
  [['z', 'z', 's'], ...plain('nrls'), ['ez', 'ez', 'es']],
  // Two family names, the father's then the mother's; people often drop the second.
  (random, name) => (chance(random, 0.7) ? [...name(), [' ', ' '], ...name()] : name()),
)

export const KURDISH_TURKISH = latinTradition(
  [
    ...plain('bdfhklmnrstvyz'),
    ['ş', 'ş', 'sh', 's'],
    ['ç', 'ç', 'ch', 'c'],
    ['x', 'x', 'kh', 'h'],
    ['c', 'c', 'j', 'dj'],
  ],
  [
    ...plain('aeiouaeiouaeiou'),
    ['ê', 'ê', 'e'],
    ['î', 'î', 'i', 'ee'],
    ['û', 'û', 'u', 'ou'],
    ['ı', 'ı', 'i'],
    ['ö', 'ö', 'o', 'oe'],
    ['ü', 'ü', 'u', 'ue'],
  ],
  [...plain('nrlm'), ['ğ', 'ğ', 'g', '']],
  (_random, name) => name(),
)

export const SOMALI = latinTradition(
  [...plain('bdfghjklmnrswy'), ['c', 'c', "'", ''], ['x', 'x', 'h'], ['dh', 'dh', 'd'], ['sh', 'sh']],
  [
    ['a', 'a'],
    ['aa', 'aa', 'a'],
    ['i', 'i'],
    ['ii', 'ii', 'i', 'ee'],
    ['u', 'u'],
    ['uu', 'uu', 'u', 'oo'],
    ['o', 'o'],
    ['e', 'e'],
  ],
  [...plain('lnrd'), ['x', 'x', 'h']],
  // The father's given name.
  (_random, name) => name(),
)

const PREFIXES: readonly TNameUnit[] = [
  ['Uwi', 'Uwi', 'Ouwi'],
  ['Nsengi', 'Nsengi', 'Sengi'],
  ['Ndi', 'Ndi'],
  ['Muka', 'Muka'],
  ['Kabi', 'Kabi', 'Kaby'],
]

export const CENTRAL_AFRICAN = latinTradition(
  [
    ...plain('bdgkmnrstyz'),
    ['ny', 'ny', 'gn'],
    ['mw', 'mw', 'mu'],
    ['nt', 'nt'],
    ['ng', 'ng'],
    ['w', 'w', 'ou'],
  ],
  plain('aeiou'),
  plain('n'),
  (random, name) => (chance(random, 0.3) ? [pick(random, PREFIXES), ...name()] : name()),
  [2, 4],
)
export const HAITIAN = latinTradition(
  plain('bdfjlmnprstv'),
  [...plain('aeiouaeiouaeiou'), ['é', 'é', 'e'], ['è', 'è', 'e'], ['ou', 'ou', 'u']],
  [...plain('ns'), ['ce', 'ce', 'se']],
  (_random, name) => name(),
)
