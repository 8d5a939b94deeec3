/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import { frenchTypographyProblems, type TFrenchProblem } from '../../../shared/i18n/french-typography'
import { catalogs as sources } from './catalogs'

type TCatalog = { [key: string]: string | TCatalog }

/** Every catalog file on disk, by language and name: { en: { vault: {…}, shell: {…} }, fr: {…} }. */
const files: Record<string, Record<string, TCatalog>> = {}
for (const [path, module] of Object.entries(
  import.meta.glob<TCatalog>('./locales/*/*.json', { eager: true, import: 'default' }),
)) {
  const [, language = '', name = ''] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? []
  ;(files[language] ??= {})[name] = module
}

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

describe('the catalog files', () => {
  it('exist in English and in French, one file per feature', () => {
    expect(Object.keys(files).sort()).toEqual(['en', 'fr'])
    expect(Object.keys(files['fr'] ?? {}).sort()).toEqual(Object.keys(files['en'] ?? {}).sort())
    expect(Object.keys(files['en'] ?? {})).toContain('shell')
  })

  it('are all mounted: each feature file under its own name, the shell at the top level', () => {
    for (const [language, byName] of Object.entries(files)) {
      const mounted = sources[language as keyof typeof sources] as unknown as Record<string, unknown>
      const { shell = {}, ...features } = byName
      for (const [name, catalog] of Object.entries(features)) {
        expect(mounted[name], `${language}/${name}.json`).toEqual(catalog)
      }
      for (const [key, value] of Object.entries(shell))
        expect(mounted[key], `${language}/shell ${key}`).toEqual(value)
      // A shell key named like a feature file would be replaced by that file without a word.
      expect(Object.keys(shell).filter((key) => key in features)).toEqual([])
      expect(Object.keys(mounted).sort()).toEqual([...Object.keys(shell), ...Object.keys(features)].sort())
    }
  })

  it('offer the same keys with the same placeholders in each file', () => {
    const mismatched: string[] = []
    for (const [name, english] of Object.entries(files['en'] ?? {})) {
      const french = flatten(files['fr']?.[name] ?? {})
      for (const [key, text] of flatten(english)) {
        const other = french.get(key)
        if (other === undefined || placeholdersOf(text).join() !== placeholdersOf(other).join()) {
          mismatched.push(`${name}.json: ${key}`)
        }
      }
      for (const key of french.keys())
        if (!flatten(english).has(key)) mismatched.push(`${name}.json: ${key} (fr only)`)
    }
    expect(mismatched).toEqual([])
  })
})

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
    for (const section of [
      'dashboard',
      'survivors',
      'lawyers',
      'directory',
      'referrals',
      'admin',
      'reports',
    ]) {
      expect(catalogs.en.get(`nav.${section}`)).toBeTruthy()
      expect(catalogs.en.get(`${section}.title`)).toBeTruthy()
    }
  })
})

/** The one text that shows a straight apostrophe on purpose: the character a spreadsheet puts before a formula. */
const LITERAL_APOSTROPHE = new Set(['importExport.export.pointFormulas'])

describe('the French catalogs’ typography', () => {
  const problems = frenchTypographyProblems(catalogs.fr, LITERAL_APOSTROPHE)
  const broken = (rule: TFrenchProblem['rule']) =>
    problems.filter((problem) => problem.rule === rule).map((problem) => `${problem.key}: ${problem.text}`)

  it('use curly apostrophes only', () => {
    expect(broken('apostrophe')).toEqual([])
  })

  it('put a non-breaking space before : ; ? ! and inside « » (times and type:name codes aside)', () => {
    expect(broken('spacing')).toEqual([])
  })

  it('name staff roles in their inclusive forms (Intervenant·e, Administrateur·rice, Lecteur·rice)', () => {
    expect(broken('role')).toEqual([])
  })

  it('quote with « » only, never English quotes', () => {
    expect(broken('quotes')).toEqual([])
  })

  it('use one word for each thing: aiguillage, trousse d’aiguillage, nom de connexion, CCJI', () => {
    expect(broken('vocabulary')).toEqual([])
  })

  it('write people in the one inclusive short form: avocat·es, never avocat·e·s, avocat(e)s or avocats alone', () => {
    expect(broken('inclusive')).toEqual([])
  })
})

/** Words spelled alike in both languages: a French text equal to its English is allowed only if made of these. */
const SAME_IN_BOTH = new Set(
  (
    'Action Actions Administration Date Guide International National Note Notes Province Prov Service Services ' +
    'Sections Source Type Urgent Version Torture Verbal A4 parties English Français CCIJ Caseworker Ctrl L ' +
    'Alberta Manitoba Nunavut Ontario Saskatchewan Yukon'
  )
    .toLowerCase()
    .split(' '),
)
const wordsOf = (text: string): string[] =>
  text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

describe('the French catalogs’ words', () => {
  it('leave no English behind: a text equal to its English is made only of words spelled alike', () => {
    const untranslated = [...catalogs.en]
      .filter(([key, english]) => catalogs.fr.get(key) === english)
      .filter(([, english]) => wordsOf(english).some((word) => !SAME_IN_BOTH.has(word)))
      .map(([key, english]) => `${key}: ${english}`)
    expect(untranslated).toEqual([])
  })
})
