import { chance, pick, skewed } from '../random'
import { syllableName, type TGender, type TNameTradition, type TNameUnit } from './name'

/*
 * Russian and Ukrainian names in Cyrillic, with the rival Latin spellings of passports, French and English
 * transliteration (ж: zh, j; х: kh, h; я: ya, ia, ja) and family names whose ending follows gender (-ov, -ova).
 */

const ONSETS: readonly TNameUnit[] = [
  ['б', 'b'],
  ['в', 'v', 'w'],
  ['г', 'g', 'h'],
  ['д', 'd'],
  ['ж', 'zh', 'j', 'z'],
  ['з', 'z'],
  ['к', 'k'],
  ['л', 'l'],
  ['м', 'm'],
  ['н', 'n'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
  ['ф', 'f'],
  ['х', 'kh', 'h', 'ch'],
  ['ц', 'ts', 'tz', 'c'],
  ['ч', 'ch', 'tch', 'tsch'],
  ['ш', 'sh', 'ch', 'sch'],
]

const VOWELS: readonly TNameUnit[] = [
  ['а', 'a'],
  ['е', 'e', 'ye', 'ie'],
  ['и', 'i', 'y'],
  ['і', 'i'],
  ['о', 'o'],
  ['у', 'u', 'ou'],
  ['ю', 'yu', 'iu', 'ju'],
  ['я', 'ya', 'ia', 'ja'],
]

const CODAS: readonly TNameUnit[] = [
  ['н', 'n'],
  ['р', 'r'],
  ['л', 'l'],
  ['й', 'y', 'i', 'j'],
  ['м', 'm'],
]

const COMMON: Record<TGender, readonly TNameUnit[]> = {
  man: [
    ['Олександр', 'Oleksandr', 'Aleksandr', 'Alexander', 'Alexandre'],
    ['Сергій', 'Serhiy', 'Sergei', 'Sergey', 'Serhii'],
    ['Андрій', 'Andriy', 'Andrei', 'Andrey', 'Andrii'],
    ['Дмитро', 'Dmytro', 'Dmitri', 'Dmitry'],
  ],
  woman: [
    ['Ольга', 'Olha', 'Olga'],
    ['Ірина', 'Iryna', 'Irina'],
    ['Наталія', 'Nataliya', 'Natalia', 'Natalya'],
    ['Олена', 'Olena', 'Elena', 'Yelena'],
  ],
}

const FAMILY_ENDINGS: Record<TGender, readonly TNameUnit[]> = {
  man: [
    ['ов', 'ov', 'off', 'ow'],
    ['ев', 'ev', 'yev', 'eff'],
    ['енко', 'enko'],
    ['ук', 'uk'],
    ['ський', 'skyi', 'sky', 'ski', 'skiy'],
  ],
  woman: [
    ['ова', 'ova'],
    ['ева', 'eva', 'yeva'],
    ['енко', 'enko'],
    ['ук', 'uk'],
    ['ська', 'ska', 'skaya'],
  ],
}

const FEMININE_ENDING: TNameUnit = ['а', 'a']

export const CYRILLIC: TNameTradition = {
  script: 'Cyrl',
  familyFirst: false,
  nativeSeparator: ' ',
  given: (random, gender) => {
    if (chance(random, 0.3)) return [skewed(random, COMMON[gender])]
    const name = syllableName(random, { onsets: ONSETS, vowels: VOWELS, codas: CODAS, codaChance: 0.5 }, 2, 3)
    return gender === 'woman' ? [...name, FEMININE_ENDING] : name
  },
  family: (random, gender) => [
    ...syllableName(random, { onsets: ONSETS, vowels: VOWELS }, 1, 2),
    pick(random, FAMILY_ENDINGS[gender]),
  ],
}
