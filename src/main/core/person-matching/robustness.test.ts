/** Names come from interviews, spreadsheets and pasted documents: nothing typed may crash a save. */
import { describe, expect, it } from 'vitest'
import { findCandidates } from './candidates'
import { normalizeName } from './normalize'
import { scorePersonMatch } from './score'
import { buildSearchKeys } from './search-keys'
import type { Person } from './types'

const hostileNames = [
  '',
  '   ',
  '\u{1F600}\u{1F469}\u200D\u{1F469}\u200D\u{1F467}',
  '\u200f\u202eمحمد\u202c\u200d',
  '\u200b\u200c\u200d\ufeff',
  'x'.repeat(10_000),
  'محمد '.repeat(2_000),
  '\uD800 lone surrogate \uDFFF',
  'Zalgo Z̷̢̛̛̤͈a̸͖̓l̵̛͎g̵̱̈o̴̗̍',
  '<script>alert(1)</script>',
  "'; DROP TABLE survivors; --",
  '\u0000\u0007\n\t',
  'al al al bin ben abd abu',
  'Abd',
]

describe('robustness: the matcher never throws', () => {
  it('normalizes every hostile name to a short token list', () => {
    for (const name of hostileNames) {
      const tokens = normalizeName(name)
      expect(tokens.length).toBeLessThanOrEqual(12)
      expect(tokens.join(' ').length).toBeLessThanOrEqual(200)
    }
  })

  it('scores every pair of hostile names within 0..1', () => {
    for (const a of hostileNames) {
      for (const b of hostileNames) {
        const match = scorePersonMatch({ names: [a] }, { names: [b, 'Mohammed Al-Hassan'] })
        expect(match.score).toBeGreaterThanOrEqual(0)
        expect(match.score).toBeLessThanOrEqual(1)
      }
    }
  })

  it('accepts malformed records as they might arrive from an old spreadsheet', () => {
    const junk = [
      { names: [null, 42, undefined, 'Olga'] },
      { names: 'Olga' },
      { names: ['Olga'], dateOfBirth: '1980-13-45', birthYear: Number.NaN, phones: [null, 5], emails: 'x@y' },
      {},
      null,
    ] as unknown as Person[]
    for (const a of junk) {
      for (const b of junk) expect(() => scorePersonMatch(a, b)).not.toThrow()
      expect(() => buildSearchKeys(a)).not.toThrow()
    }
    expect(() => findCandidates(junk[0] as Person, junk)).not.toThrow()
  })

  it('scores a 10,000-character name quickly', () => {
    const started = performance.now()
    scorePersonMatch({ names: ['ab'.repeat(5_000)] }, { names: ['ba'.repeat(5_000)] })
    expect(performance.now() - started).toBeLessThan(200)
  })
})
