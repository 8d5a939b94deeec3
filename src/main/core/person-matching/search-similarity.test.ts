/**
 * The search's word-by-word comparison with a letter typed twice: what the duplicate check forgives in a whole name
 * ("Gang lli" for Gang Li, "Hasan ell zajouzad" for Hasan El-Zajouzad) the search must find too, and a word that
 * meets nothing must still be no match. Synthetic, invented names only.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { syntheticImportRows } from '#test-support/synthetic'
import { preparePerson } from './prepare'
import { scorePersonMatch } from './score'
import { isSearchMatch, prepareSearch, scoreSearch, SEARCH_THRESHOLDS } from './search-similarity'

const search = (typed: string, ...names: string[]) =>
  scoreSearch(prepareSearch(typed), preparePerson({ names }))

const TODAY = new Date('2026-11-27T15:00:00Z')
/** Synthetic people: given and family names of every tradition the generator has. */
const PEOPLE = syntheticImportRows(150, 17, TODAY)
  .map(({ intake }) => intake.person)
  .filter((person) => person.givenNames !== '' && person.familyName !== '')

describe('a search with a letter typed twice (synthetic names)', () => {
  it('finds a two-letter family name typed with its letter doubled, and an article typed so', () => {
    for (const [typed, name] of [
      ['Gang lli', 'Gang Li'],
      ['Lei hhu', 'Lei Hu'],
      ['Hasan ell zajouzad', 'Hasan El-Zajouzad'],
      ['Aisha all sihi', 'Aisha Al Sihi'],
      ['Toban all-nalam', 'Toban Al-Nalam'],
    ] as const) {
      const match = search(typed, name)
      expect(match, typed).toEqual({ score: SEARCH_THRESHOLDS.undoubled, name })
      expect(isSearchMatch(match), typed).toBe(true)
    }
  })

  it('scores a match as typed above the same match undoubled, and leaves a longer run as typed', () => {
    expect(search('Rania Haddad', 'Rania Haddad').score).toBe(1)
    expect(search('Gang Li', 'Gang Li').score).toBe(1)
    expect(prepareSearch('Rania Haddad').undoubled).toEqual([])
    expect(prepareSearch('Lei hhu').undoubled.map((name) => name.written)).toEqual(['lei hu'])
    expect(prepareSearch('Qaaaa').undoubled).toEqual([])
    expect(prepareSearch('رانية حداد').undoubled).toEqual([])
  })

  it('still wants every other word to meet a name: an article look-alike dropped leaves the rest to match', () => {
    expect(isSearchMatch(search('Hasan ell qwzxv', 'Hasan El-Zajouzad'))).toBe(false)
    expect(isSearchMatch(search('Gang lli', 'Gang Lu'))).toBe(false)
    expect(isSearchMatch(search('Tassa all-nalam', 'Toban Al-Nalam'))).toBe(false)
  })

  it('finds a synthetic person under any one letter of the family name doubled that the duplicate check accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PEOPLE.length - 1 }), fc.nat(), (index, position) => {
        const person = PEOPLE[index]
        if (person === undefined) return
        const family = person.familyName.toLowerCase()
        const letters = [...family.matchAll(/[a-z]/g)].map((letter) => letter.index)
        const at = letters[position % letters.length]
        if (at === undefined) return
        const typed = `${person.givenNames} ${family.slice(0, at + 1)}${family.slice(at)}`
        const legal = `${person.givenNames} ${person.familyName}`
        if (!scorePersonMatch({ names: [typed] }, { names: [legal] }).isLikelySame) return
        expect(isSearchMatch(search(typed, legal)), `${typed} → ${legal}`).toBe(true)
      }),
      { numRuns: 400, seed: 12 },
    )
  })

  it('undoubling finds no synthetic person for a random word with a doubled letter, alone or after their given name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{3,5}$/), fc.stringMatching(/^[a-z]{2,5}$/), (before, after) => {
        const word = `${before}${before.slice(-1)}${after}`
        for (const person of PEOPLE) {
          const legal = `${person.givenNames} ${person.familyName}`
          for (const typed of [word, `${person.givenNames} ${word}`]) {
            // Only what undoubling adds: a random word as typed may sound like a name already ("kaaaam").
            const asTyped = scoreSearch(
              { names: prepareSearch(typed).names },
              preparePerson({ names: [legal] }),
            )
            if (isSearchMatch(asTyped)) continue
            expect(isSearchMatch(search(typed, legal)), `${typed} → ${legal}`).toBe(false)
          }
        }
      }),
      { numRuns: 60, seed: 5 },
    )
  })
})
