/** Naming traditions of the people CCIJ serves, each with its script and Latin spellings. */
import { ARABIC, PERSIAN } from './arabic-script'
import { CHINESE } from './chinese'
import { CYRILLIC } from './cyrillic'
import { ETHIOPIC } from './ethiopic'
import { DEVANAGARI, TAMIL } from './indic'
import { CENTRAL_AFRICAN, HAITIAN, KURDISH_TURKISH, SOMALI, SPANISH } from './latin'
import type { TNameTradition } from './name'

export const NAME_TRADITIONS = {
  arabic: ARABIC,
  persian: PERSIAN,
  cyrillic: CYRILLIC,
  ethiopic: ETHIOPIC,
  devanagari: DEVANAGARI,
  tamil: TAMIL,
  chinese: CHINESE,
  spanish: SPANISH,
  kurdishTurkish: KURDISH_TURKISH,
  somali: SOMALI,
  centralAfrican: CENTRAL_AFRICAN,
  haitian: HAITIAN,
} as const satisfies Record<string, TNameTradition>

export type TTraditionName = keyof typeof NAME_TRADITIONS

export { canonicalSpelling, nativeOf, spelling } from './name'
export type { TGender, TName, TNameTradition, TNameUnit, TScript } from './name'
