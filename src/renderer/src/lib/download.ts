/**
 * Hands a text the app made (a report of counts, a blank template) to the person as a file: Electron asks where to
 * save it, a browser saves it to Downloads. Never for survivor data, which leaves only through main's audited
 * exports.
 */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark, so that spreadsheet programs read accented French as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ cannot start a formula. */
export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.replace(/^([=+\-@\t\r])/, "'$1")
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Lines of cells as CSV text, CRLF-separated as RFC 4180 has it. */
export const csvText = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
