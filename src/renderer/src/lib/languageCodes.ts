import { isLanguageCode } from '../../../shared/cases/codes'

/**
 * A list of ISO 639 codes as a person types it in a form ("en, fr ar"): the codes, lower-cased and without
 * repeats, or null when one of them is not a language code. The roster's and the directory's forms share it.
 */
export function parseLanguageCodes(text: string): string[] | null {
  const codes = text
    .toLowerCase()
    .split(/[,;\s]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '')
  return codes.every(isLanguageCode) ? [...new Set(codes)] : null
}
