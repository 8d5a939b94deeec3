import { chance, pick, skewed, type TRandom } from '../random'
import {
  joinUnits,
  syllableName,
  type TGender,
  type TName,
  type TNameTradition,
  type TNameUnit,
} from './name'

/*
 * Names written in Arabic script (Arabic, and Persian with its own letters), with the Latin spellings that
 * transliteration gives them: short vowels are not written in the script, so one written name has several
 * spellings ("حسن": Hassan, Hasan), and some letters have rival spellings (خ: kh, h; ق: q, k, g).
 */

const ARABIC_CONSONANTS: readonly TNameUnit[] = [
  ['ب', 'b'],
  ['ت', 't'],
  ['ث', 'th', 's'],
  ['ج', 'j', 'dj', 'g'],
  ['ح', 'h'],
  ['خ', 'kh', 'h', 'x'],
  ['د', 'd'],
  ['ذ', 'dh', 'z'],
  ['ر', 'r'],
  ['ز', 'z'],
  ['س', 's'],
  ['ش', 'sh', 'ch'],
  ['ص', 's'],
  ['ط', 't'],
  ['ع', 'a', 'e', "'a"],
  ['غ', 'gh', 'g'],
  ['ف', 'f'],
  ['ق', 'q', 'k', 'g'],
  ['ك', 'k'],
  ['ل', 'l'],
  ['م', 'm'],
  ['ن', 'n'],
  ['ه', 'h'],
  ['و', 'w'],
  ['ي', 'y'],
]

/** Persian adds پ چ ژ گ and writes ی and ک where Arabic writes ي and ك. */
const PERSIAN_CONSONANTS: readonly TNameUnit[] = [
  ...ARABIC_CONSONANTS.filter((unit) => !['ي', 'ك', 'ث', 'ذ', 'ص', 'ط', 'غ'].includes(unit[0])),
  ['پ', 'p'],
  ['چ', 'ch'],
  ['ژ', 'zh', 'j'],
  ['گ', 'g'],
  ['ی', 'y'],
  ['ک', 'k'],
]

/** Short vowels are unwritten (native ''); long ones are written with alif, waw or ya. */
const arabicVowels = (ya: string): readonly TNameUnit[] => [
  ['', 'a', 'e'],
  ['', 'a'],
  ['', 'i', 'e'],
  ['', 'u', 'o'],
  ['ا', 'a', 'aa'],
  ['و', 'ou', 'u', 'oo', 'o'],
  [ya, 'i', 'ee', 'y'],
]

const ARABIC_CODAS: readonly TNameUnit[] = [
  ['ر', 'r'],
  ['ن', 'n'],
  ['ل', 'l'],
  ['م', 'm'],
  ['د', 'd'],
  ['س', 's'],
  ['ف', 'f'],
  ['ب', 'b'],
  ['ة', 'a', 'ah', 'eh'],
]

/** Names so common that many survivors share them, in their usual spellings. */
const ARABIC_COMMON: Record<TGender, readonly TNameUnit[]> = {
  man: [
    ['محمد', 'Mohammed', 'Muhammad', 'Mohamed', 'Mohammad', 'Muhammed'],
    ['أحمد', 'Ahmed', 'Ahmad'],
    ['علي', 'Ali', 'Aly'],
    ['حسن', 'Hassan', 'Hasan'],
    ['عمر', 'Omar', 'Umar'],
    ['يوسف', 'Yousef', 'Youssef', 'Yusuf', 'Youcef'],
    ['عبد الله', 'Abdullah', 'Abdallah', 'Abd Allah'],
  ],
  woman: [
    ['فاطمة', 'Fatima', 'Fatma', 'Fatemah'],
    ['عائشة', 'Aisha', 'Aicha', 'Ayesha'],
    ['مريم', 'Mariam', 'Maryam', 'Meriem'],
    ['زينب', 'Zainab', 'Zeinab', 'Zaynab'],
    ['نور', 'Nour', 'Noor', 'Nur'],
  ],
}

const PERSIAN_COMMON: Record<TGender, readonly TNameUnit[]> = {
  man: [
    ['محمد', 'Mohammad', 'Mohammed', 'Muhammad'],
    ['علی', 'Ali'],
    ['حسین', 'Hossein', 'Hussein', 'Hosein', 'Husain'],
    ['رضا', 'Reza', 'Rida'],
    ['مهدی', 'Mehdi', 'Mahdi'],
  ],
  woman: [
    ['زهرا', 'Zahra', 'Zehra'],
    ['فاطمه', 'Fatemeh', 'Fatima', 'Fatemah'],
    ['مریم', 'Maryam', 'Mariam'],
    ['معصومه', 'Masoumeh', 'Masuma', 'Massoumeh'],
  ],
}

const ARABIC_ARTICLE: TNameUnit = ['ال', 'Al-', 'Al ', 'El-', 'Al', 'El ']
const PERSIAN_SUFFIXES: readonly TNameUnit[] = [
  ['ی', 'i', 'y', 'ee'],
  ['زاده', 'zadeh', 'zada', 'zade'],
  ['پور', 'pour', 'pur', 'poor'],
  ['نیا', 'nia', 'niya'],
  ['ی', 'i'],
]

function arabicTradition(
  consonants: readonly TNameUnit[],
  ya: string,
  common: Record<TGender, readonly TNameUnit[]>,
  familyName: (random: TRandom, root: TName) => TName,
): TNameTradition {
  const parts = { onsets: consonants, vowels: arabicVowels(ya), codas: ARABIC_CODAS, codaChance: 0.6 }
  return {
    script: 'Arab',
    familyFirst: false,
    nativeSeparator: ' ',
    given: (random, gender) =>
      chance(random, 0.3) ? [skewed(random, common[gender])] : syllableName(random, parts, 2, 3),
    family: (random) => familyName(random, syllableName(random, parts, 2, 3)),
  }
}

/** Arabic: family names often carry the article ("Al-Hassan", "الحسن"). */
export const ARABIC = arabicTradition(ARABIC_CONSONANTS, 'ي', ARABIC_COMMON, (random, root) =>
  chance(random, 0.4) ? [ARABIC_ARTICLE, ...root] : root,
)

/** Persian (Iran, Afghanistan): family names often end in -i, -zadeh, -pour, -nia. */
export const PERSIAN = arabicTradition(PERSIAN_CONSONANTS, 'ی', PERSIAN_COMMON, (random, root) => {
  if (!chance(random, 0.7)) return root
  const last = root.at(-1) as TNameUnit
  return [...root.slice(0, -1), joinUnits(last, pick(random, PERSIAN_SUFFIXES))]
})
