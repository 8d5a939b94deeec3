/**
 * Where the person was when the vault locked. Locking reloads the page, which forgets everything but the address;
 * of that only the route path is kept (`/survivors/<case id>`: ids, never words), and the query is dropped, since
 * a search holds what was typed, often a name. Anything that does not look like one of our paths is ignored.
 */
export function returnPathOf(hash: string): string | null {
  const path = hash.replace(/^#/, '').split(/[?#]/)[0] ?? ''
  if (path === '/' || !/^(\/[A-Za-z0-9_-]+)+$/.test(path)) return null
  return path
}
