import countries from 'i18n-iso-countries'

/**
 * Languages (ISO 639-1 or 639-3) and countries (ISO 3166-1 alpha-2). Names come from the platform's own
 * Intl.DisplayNames (full ICU in Node, Chromium and Electron), so they are right in English and French
 * without shipping name tables.
 */

/** Offered first in language pickers: the languages CCIJ's survivors most often speak (ISO 639). */
export const COMMON_LANGUAGES = [
  'en',
  'fr',
  'ar',
  'fa',
  'prs',
  'ps',
  'ur',
  'ku',
  'ckb',
  'tr',
  'ti',
  'am',
  'om',
  'so',
  'sw',
  'rw',
  'rn',
  'ln',
  'es',
  'pt',
  'ht',
  'ru',
  'uk',
  'hy',
  'ka',
  'ta',
  'si',
  'bn',
  'hi',
  'pa',
  'ne',
  'my',
  'rhg',
  'zh',
  'yue',
  'bo',
  'ug',
  'vi',
  'tl',
  'uz',
  'tg',
  'he',
  'sq',
  'bs',
  'sr',
  'hr',
  'ha',
  'yo',
  'ig',
  'wo',
  'ff',
  'lg',
  'nus',
  'din',
] as const

const LANGUAGE_PATTERN = /^[a-z]{2,3}$/
const languageNames = new Map<string, Intl.DisplayNames>()
const regionNames = new Map<string, Intl.DisplayNames>()

const displayNames = (cache: Map<string, Intl.DisplayNames>, locale: string, type: 'language' | 'region') => {
  let names = cache.get(locale)
  if (names === undefined) {
    names = new Intl.DisplayNames([locale], { type, fallback: 'none' })
    cache.set(locale, names)
  }
  return names
}

/** True for an ISO 639-1 or 639-3 code the platform can name, e.g. 'ar', 'prs', 'rhg'. */
export const isLanguageCode = (code: string): boolean => {
  if (!LANGUAGE_PATTERN.test(code)) return false
  if ((COMMON_LANGUAGES as readonly string[]).includes(code) || code in FALLBACK_LANGUAGE_NAMES) return true
  try {
    return displayNames(languageNames, 'en', 'language').of(code) !== undefined
  } catch {
    return false
  }
}

/**
 * Names for common languages that Chromium's smaller ICU data does not know (Node's full ICU does), so the list
 * never shows a bare code such as 'din'.
 */
const FALLBACK_LANGUAGE_NAMES: Readonly<Record<string, { en: string; fr: string }>> = {
  rn: { en: 'Kirundi', fr: 'kirundi' },
  rhg: { en: 'Rohingya', fr: 'rohingya' },
  bo: { en: 'Tibetan', fr: 'tibétain' },
  ff: { en: 'Fula', fr: 'peul' },
  nus: { en: 'Nuer', fr: 'nuer' },
  din: { en: 'Dinka', fr: 'dinka' },
}

/** 'ar' → 'Arabic' / 'arabe'. Falls back to the code itself. */
export const languageName = (code: string, locale: string): string => {
  const fallback = FALLBACK_LANGUAGE_NAMES[code]?.[locale.startsWith('fr') ? 'fr' : 'en']
  try {
    return displayNames(languageNames, locale, 'language').of(code) ?? fallback ?? code
  } catch {
    return fallback ?? code
  }
}

/** Every ISO 3166-1 alpha-2 code, upper case. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort()
const countrySet = new Set(COUNTRY_CODES)

export const isCountryCode = (code: string): boolean => countrySet.has(code)

/** 'SY' → 'Syria' / 'Syrie'. Falls back to the code itself. */
export const countryName = (code: string, locale: string): string => {
  try {
    return displayNames(regionNames, locale, 'region').of(code) ?? code
  } catch {
    return code
  }
}
