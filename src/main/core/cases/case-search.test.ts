import { describe, expect, it } from 'vitest'
import { buildSearchQuery, similarNameCodes } from './case-search'

describe('the similar-name query', () => {
  it('looks for names only: a reference or a number brings no candidates to score', () => {
    expect(similarNameCodes('CCIJ-2026-0042')).toEqual([])
    expect(similarNameCodes('2026')).toEqual([])
    // The exact search still looks for them.
    expect(buildSearchQuery('CCIJ-2026-0042')).toContain('reference : "ccij-2026-0042"*')
  })

  it('keeps the name words of a search that also has a number', () => {
    const query = similarNameCodes('Ranya 1987').join(' ')
    expect(query).toContain('dmrn')
    expect(query).not.toContain('1987')
  })
})

describe('the similar-name query of the words as typed', () => {
  it('looks for each word’s own tokens, and a word beginning with a vowel with an "h" before it', () => {
    expect(similarNameCodes('Tuyu kami')).toContain('keys : "tuyu"')
    const oodin = similarNameCodes('Oodin')
    expect(oodin).toContain('keys : "dmhtn"')
    expect(oodin).toContain('keys : "skhdn"')
    expect(similarNameCodes('Laibam')).not.toContain('keys : "hlaibam"')
  })
})

describe('the similar-name query of a word with a letter typed twice', () => {
  it('also looks for the word typed once, its normalized token too (a two-letter name has no long code)', () => {
    expect(similarNameCodes('Gang lli')).toContain('keys : "li"')
    expect(similarNameCodes('Haddad')).toContain('keys : "hadad"')
  })

  it('not when the word typed once is an article, which names are stored without', () => {
    expect(similarNameCodes('Hasan ell zajouzad')).not.toContain('keys : "el"')
    expect(similarNameCodes('Hasan el zajouzad')).not.toContain('keys : "el"')
  })
})
