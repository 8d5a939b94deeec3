import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { TLocale } from '../../../shared/contract/app'
import { catalogs } from './catalogs'

export const LOCALES: readonly TLocale[] = ['en', 'fr']
export const DEFAULT_LOCALE: TLocale = 'en'

/** Both catalogs are bundled: the CSP allows no network, and the app must work offline. */
export const resources = {
  en: { translation: catalogs.en },
  fr: { translation: catalogs.fr },
} as const

/** Keeps `<html lang>` in step with the interface language, so screen readers pronounce it correctly. */
function applyDocumentLanguage(locale: string): void {
  document.documentElement.lang = locale
}

export async function initI18n(locale: TLocale): Promise<typeof i18next> {
  i18next.on('languageChanged', applyDocumentLanguage)
  await i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES,
    // React escapes text itself; escaping twice would show entities to the reader.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  applyDocumentLanguage(locale)
  return i18next
}

export const isLocale = (value: unknown): value is TLocale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
