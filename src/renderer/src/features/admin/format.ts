import { localeTag } from '../../lib/dates'

/** Sizes in the interface language's conventions, and sentence endings after a formatted time. */
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
