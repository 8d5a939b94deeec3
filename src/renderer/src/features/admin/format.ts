/** Dates and sizes in the interface language's conventions (Canadian English or French). */
const localeTag = (language: string): string => (language === 'fr' ? 'fr-CA' : 'en-CA')

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  )
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'medium' }).format(new Date(iso))
}

export function formatTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeStyle: 'short' }).format(date)
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return new Intl.NumberFormat(localeTag(language), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value)
}

/**
 * Ends a sentence with a period unless it already ends with one: en-CA times end in "a.m." / "p.m.",
 * so "… at 1:12 p.m." must not become "p.m..".
 */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd()
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
