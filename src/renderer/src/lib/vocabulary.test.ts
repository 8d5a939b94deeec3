import { describe, expect, it } from 'vitest'
import { catalogs } from '../i18n/catalogs'
import { VOCABULARIES } from './vocabulary'

describe('the vocabulary labels', () => {
  it('word every key of every vocabulary in English and French', () => {
    const missing: string[] = []
    for (const [language, catalog] of Object.entries(catalogs)) {
      const vocab = catalog.vocab as unknown as Record<string, Record<string, string> | string>
      for (const [name, keys] of Object.entries(VOCABULARIES)) {
        for (const key of keys) {
          const words = vocab[name]
          if (typeof words !== 'object' || typeof words[key] !== 'string')
            missing.push(`${language}:${name}.${key}`)
        }
      }
    }
    expect(missing).toEqual([])
  })
})
