import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common'
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en'
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './passphrase-limits'

export { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './passphrase-limits'

/** zxcvbn score (0–4) a passphrase needs. */
export const MIN_PASSPHRASE_SCORE = 3

/**
 * At least 10^12 guesses by zxcvbn's estimate. Someone who copied the vault guesses offline, each guess costing one
 * Argon2id derivation (256 MiB, about a second on a laptop core; memory-hard, so graphics cards gain little): even
 * with a thousand such machines that is decades. Score 3 alone (10^8 guesses) would fall in about a day.
 */
export const MIN_PASSPHRASE_GUESSES_LOG10 = 12

/** The meter never shows more than "fair" (2) for a passphrase the policy refuses. */
const REFUSED_SCORE_CAP = 2

export type TPassphraseVerdict = {
  /** 0 (trivial) to 4 (very strong); at most 2 when the guess estimate is below the policy's. */
  score: number
  /** zxcvbn's estimate of the guesses needed, as a power of ten. */
  guessesLog10: number
  /** Long enough, and at least MIN_PASSPHRASE_SCORE and MIN_PASSPHRASE_GUESSES_LOG10. */
  ok: boolean
  isLongEnough: boolean
  /** Translation keys (zxcvbn's warnings/suggestions ids), so the renderer words them in the person's language. */
  warning: string | null
  suggestions: string[]
}

// Built lazily: the dictionaries are large and only needed once someone types a passphrase.
let factory: ZxcvbnFactory | null = null
function getFactory(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
  })
  return factory
}

/**
 * The one passphrase rule, used by main before it creates a key slot and by the renderer's strength meter.
 * `userInputs` (username, display name, organization) count as easy to guess.
 */
export function checkPassphrase(passphrase: string, userInputs: readonly string[] = []): TPassphraseVerdict {
  const isLongEnough = passphrase.length >= MIN_PASSPHRASE_LENGTH
  // zxcvbn's cost grows with length; anything past the cap is refused elsewhere anyway.
  const result = getFactory().check(passphrase.slice(0, 256), [...userInputs])
  const tooLong = passphrase.length > MAX_PASSPHRASE_LENGTH
  const isHardEnough =
    result.score >= MIN_PASSPHRASE_SCORE && result.guessesLog10 >= MIN_PASSPHRASE_GUESSES_LOG10
  return {
    score: isHardEnough ? result.score : Math.min(result.score, REFUSED_SCORE_CAP),
    guessesLog10: result.guessesLog10,
    ok: isLongEnough && !tooLong && isHardEnough,
    isLongEnough,
    warning: result.feedback.warning ?? null,
    suggestions: [...result.feedback.suggestions],
  }
}
