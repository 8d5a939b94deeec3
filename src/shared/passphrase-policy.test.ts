import { describe, expect, it } from 'vitest'
import { checkPassphrase } from './passphrase-policy'

describe('passphrase policy against offline guessing', () => {
  // Finding 9: a zxcvbn score of 3 (about 10^8 guesses) was accepted.
  it('refuses passphrases an attacker with the files would find: score 3, or a short pattern scored 4', () => {
    for (const weak of ['P@ssw0rd2024!!', 'Summer2024!Beach', 'Tr0ub4dor&3']) {
      const verdict = checkPassphrase(weak)
      expect(verdict.ok, weak).toBe(false)
      expect(verdict.score, weak).toBeLessThanOrEqual(2)
    }
  })

  it('accepts a few unrelated words, and counts the person’s own names against them', () => {
    expect(checkPassphrase('quiet lantern ferry orbit 92')).toMatchObject({ ok: true, score: 4 })
    expect(checkPassphrase('maple harbour violin kettle 17').guessesLog10).toBeGreaterThan(12)
    expect(checkPassphrase('casey.example harbour', ['casey.example']).ok).toBe(false)
  })
})
