import type { TLocale } from '../../../shared/contract/app'
import { DEFAULT_LOCALE, isLocale } from '../i18n/i18n'
import { api } from '../api'

/** The language saved on this device, or English if it cannot be read (the app must still open). */
export async function readSavedLocale(): Promise<TLocale> {
  try {
    const result = await api.settings.get()
    if (result.ok && isLocale(result.value.locale)) return result.value.locale
  } catch {
    // No bridge (e.g. a static preview): fall through to the default.
  }
  return DEFAULT_LOCALE
}

/** Remembers the language for the next start. Failing to save must not undo the switch on screen. */
export async function saveLocale(locale: TLocale): Promise<boolean> {
  try {
    const result = await api.settings.setLocale({ locale })
    return result.ok
  } catch {
    return false
  }
}
