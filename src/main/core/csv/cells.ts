/**
 * Cell-level conventions of every CSV file the app reads and writes (intakes, lawyers, the directory): lists
 * separated by `;` (inside an item, `;` is written `\;` and `\` as `\\`), and formula neutralization: a spreadsheet
 * runs a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or line end) as a formula, so exports put
 * a `'` in front and imports take it off again.
 */

/** Characters that make a spreadsheet read a cell as a formula, including their full-width forms. */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/u
const NEUTRALIZED = /^'[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/u

/** "=1+1" → "'=1+1"; anything else unchanged. */
export function neutralize(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** The reverse, for files this app exported: "'=1+1" → "=1+1", "'+1 514 555 0100" → "+1 514 555 0100". */
export function unneutralize(cell: string): string {
  // Almost no cell starts with the apostrophe: skip the pattern for them (every cell of every import comes here).
  return cell.charCodeAt(0) === 0x27 && NEUTRALIZED.test(cell) ? cell.slice(1) : cell
}

/** "a; b\;c ;; d" → ['a', 'b;c', 'd']: trimmed, blanks left out; `\;` and `\\` stand for `;` and `\`. */
export function splitList(cell: string): string[] {
  // Most cells have no escapes: split at once (a 10,000-lawyer import splits 200,000 conflict names this way).
  if (!cell.includes('\\')) return trimmedItems(cell.split(';'))
  const items: string[] = []
  let current = ''
  for (let index = 0; index < cell.length; index += 1) {
    const character = cell[index]
    const next = cell[index + 1]
    if (character === '\\' && (next === ';' || next === '\\')) {
      current += next
      index += 1
    } else if (character === ';') {
      items.push(current)
      current = ''
    } else {
      current += character
    }
  }
  items.push(current)
  return trimmedItems(items)
}

/** The items trimmed, blanks left out: one pass and one array (a 10,000-lawyer file has 300,000 items). */
function trimmedItems(items: readonly string[]): string[] {
  const kept: string[] = []
  for (const item of items) {
    const trimmed = item.trim()
    if (trimmed !== '') kept.push(trimmed)
  }
  return kept
}

/** ['a', 'b;c'] → "a; b\;c" (what splitList reads back). */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, '\\$&')).join('; ')
}

/** 'War crimes', 'war-crimes', 'WAR_CRIMES' → 'war_crimes': how vocabulary keys are accepted in any file. */
export const vocabularyKey = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/** 'Prénom ', 'DATE-OF-BIRTH', "Date d'accueil" → 'prenom', 'date_of_birth', 'date_d_accueil'. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-'’.]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
}
