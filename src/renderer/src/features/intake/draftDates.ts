/**
 * Forgiving date entry: '1985/3/4', '1985.03.04', '1985 03 04' and '19850304' all become '1985-03-04'.
 * Anything else is left as typed, for the schema to say what is expected.
 */
export function normalizeDateText(text: string): string {
  const trimmed = text.trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed)
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`
  const parts = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(trimmed)
  if (parts) return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`
  return trimmed
}
