import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMON_LANGUAGES, languageName } from '../../../shared/cases/codes'

export type TLanguageOption = { id: string; label: string }

/**
 * The languages staff pick from, named in the interface language and sorted as its readers expect ("Tigrinya"
 * after "Tamil", "arabe" before "dari"). `also` adds a code the common list lacks (a filter set from a link, a
 * language recorded by an import), so what is chosen is always shown and can be cleared.
 */
export function languageOptions(locale: string, also: string | null = null): TLanguageOption[] {
  const codes = new Set<string>(COMMON_LANGUAGES)
  if (also !== null) codes.add(also)
  const collator = new Intl.Collator(locale)
  return [...codes]
    .map((code) => ({ id: code, label: languageName(code, locale) }))
    .sort((left, right) => collator.compare(left.label, right.label))
}

/** `languageOptions` in the interface language, recomputed only when it or `also` changes. */
export function useLanguageOptions(also: string | null = null): TLanguageOption[] {
  const { i18n } = useTranslation()
  return useMemo(() => languageOptions(i18n.language, also), [i18n.language, also])
}
