import { describe, expect, it } from 'vitest'
import { catalogs as sources } from './catalogs'

type TCatalog = { [key: string]: string | TCatalog }

/** Flattens nested catalogs into `a.b.c` → text. */
function flatten(catalog: TCatalog, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') entries.set(path, value)
    else for (const [nestedKey, text] of flatten(value, path)) entries.set(nestedKey, text)
  }
  return entries
}

/** `{{page}}` and `{{count, number}}` → ['count', 'page'] */
function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort()
}

const catalogs = { en: flatten(sources.en as TCatalog), fr: flatten(sources.fr as TCatalog) }

describe('the English and French catalogs', () => {
  it('offer exactly the same keys, so no screen falls back to another language', () => {
    expect([...catalogs.fr.keys()].sort()).toEqual([...catalogs.en.keys()].sort())
  })

  it('have no empty strings', () => {
    for (const [locale, entries] of Object.entries(catalogs)) {
      const empty = [...entries].filter(([, text]) => text.trim() === '').map(([key]) => `${locale}:${key}`)
      expect(empty).toEqual([])
    }
  })

  it('use the same placeholders for each key, so no value is dropped in translation', () => {
    const mismatched = [...catalogs.en]
      .filter(([key, text]) => {
        const french = catalogs.fr.get(key)
        return french !== undefined && placeholdersOf(text).join() !== placeholdersOf(french).join()
      })
      .map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('name every nav section, so each page has a link and a title', () => {
    for (const section of ['dashboard', 'survivors', 'lawyers', 'directory', 'referrals', 'admin']) {
      expect(catalogs.en.get(`nav.${section}`)).toBeTruthy()
      expect(catalogs.en.get(`${section}.title`)).toBeTruthy()
    }
  })
})
