import { chance, pick } from '../random'
import { joinUnits, syllableName, type TGender, type TNameTradition, type TNameUnit } from './name'

/*
 * Names in Devanagari (Nepal, northern India) and Tamil (Sri Lanka's Tamil survivors). Both scripts write a
 * consonant with its vowel as one cluster; Latin spellings differ on long vowels (aa, a), aspirates and v/w.
 * Tamil names usually carry the father's given name as the family name, often shortened to an initial.
 */

const DEVANAGARI_CONSONANTS: readonly TNameUnit[] = [
  ['क', 'k'],
  ['ग', 'g'],
  ['च', 'ch', 'c'],
  ['ज', 'j'],
  ['ट', 't'],
  ['ड', 'd'],
  ['त', 't'],
  ['द', 'd'],
  ['ध', 'dh'],
  ['न', 'n'],
  ['प', 'p'],
  ['ब', 'b'],
  ['भ', 'bh'],
  ['म', 'm'],
  ['य', 'y'],
  ['र', 'r'],
  ['ल', 'l'],
  ['व', 'v', 'w'],
  ['श', 'sh', 's'],
  ['स', 's'],
  ['ह', 'h'],
]

/** Vowel signs; the inherent vowel (no sign) is 'a'. */
const DEVANAGARI_VOWELS: readonly TNameUnit[] = [
  ['', 'a'],
  ['', 'a'],
  ['ा', 'a', 'aa'],
  ['ि', 'i'],
  ['ी', 'i', 'ee'],
  ['ु', 'u'],
  ['ू', 'u', 'oo'],
  ['े', 'e'],
  ['ो', 'o'],
]

/** A final consonant with the vowel killed (virama). */
const DEVANAGARI_CODAS: readonly TNameUnit[] = [
  ['न्', 'n'],
  ['र्', 'r'],
  ['ल्', 'l'],
  ['म्', 'm'],
]

const DEVANAGARI_FAMILY: readonly TNameUnit[] = [
  ['थापा', 'Thapa'],
  ['गुरुङ', 'Gurung'],
  ['तामाङ', 'Tamang'],
  ['राई', 'Rai'],
  ['लामा', 'Lama'],
  ['शर्मा', 'Sharma'],
]

export const DEVANAGARI: TNameTradition = {
  script: 'Deva',
  familyFirst: false,
  nativeSeparator: ' ',
  given: (random) =>
    syllableName(random, {
      onsets: DEVANAGARI_CONSONANTS,
      vowels: DEVANAGARI_VOWELS,
      codas: DEVANAGARI_CODAS,
      codaChance: 0.3,
    }),
  family: (random) =>
    chance(random, 0.5)
      ? [pick(random, DEVANAGARI_FAMILY)]
      : syllableName(random, { onsets: DEVANAGARI_CONSONANTS, vowels: DEVANAGARI_VOWELS }, 2, 3),
}

const TAMIL_CONSONANTS: readonly TNameUnit[] = [
  ['க', 'k', 'g'],
  ['ச', 's', 'ch'],
  ['ட', 'd', 't'],
  ['த', 'th', 't', 'd'],
  ['ந', 'n'],
  ['ப', 'p', 'b'],
  ['ம', 'm'],
  ['ய', 'y'],
  ['ர', 'r'],
  ['ல', 'l'],
  ['வ', 'v', 'w'],
  ['ழ', 'zh', 'l'],
  ['ள', 'l'],
  ['ற', 'r', 'tr'],
  ['ன', 'n'],
]

const TAMIL_VOWELS: readonly TNameUnit[] = [
  ['', 'a'],
  ['', 'a'],
  ['ா', 'a', 'aa'],
  ['ி', 'i'],
  ['ீ', 'i', 'ee'],
  ['ு', 'u'],
  ['ூ', 'u', 'oo'],
  ['ெ', 'e'],
  ['ே', 'e', 'ae'],
  ['ை', 'ai'],
  ['ோ', 'o'],
]

/** Tamil closes names with a consonant and pulli (்): -n, -m, -r. */
const TAMIL_CODAS: readonly TNameUnit[] = [
  ['ன்', 'n'],
  ['ம்', 'm'],
  ['ர்', 'r'],
  ['ல்', 'l'],
]

const TAMIL_COMMON_ENDINGS: Record<TGender, readonly TNameUnit[]> = {
  man: [
    ['குமார்', 'kumar'],
    ['நாதன்', 'nathan', 'nadan'],
    ['ராஜா', 'raja', 'rajah'],
  ],
  woman: [
    ['வதி', 'vathy', 'vathi', 'wathy'],
    ['ராணி', 'rani', 'raani'],
    ['லட்சுமி', 'lakshmi', 'letchumy'],
  ],
}

function tamilName(random: () => number, gender: TGender): TNameUnit[] {
  const root = syllableName(random, { onsets: TAMIL_CONSONANTS, vowels: TAMIL_VOWELS }, 1, 2)
  if (chance(random, 0.45)) {
    const last = root.at(-1) as TNameUnit
    return [...root.slice(0, -1), joinUnits(last, pick(random, TAMIL_COMMON_ENDINGS[gender]))]
  }
  return [
    ...root,
    ...syllableName(random, { onsets: TAMIL_CONSONANTS, vowels: TAMIL_VOWELS }, 1, 1),
    pick(random, TAMIL_CODAS),
  ]
}

export const TAMIL: TNameTradition = {
  script: 'Taml',
  familyFirst: false,
  nativeSeparator: ' ',
  given: (random, gender) => tamilName(random, gender),
  // The father's given name.
  family: (random) => tamilName(random, 'man'),
}
