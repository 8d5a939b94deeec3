import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common'
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en'
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './passphrase-limits'

export { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './passphrase-limits'

/** zxcvbn score (0–4) a passphrase needs; 3 = "safely unguessable" against offline guessing. */
export const MIN_PASSPHRASE_SCORE = 3

export type TPassphraseVerdict = {
  /** 0 (trivial) to 4 (very strong). */
  score: number
  /** At least MIN_PASSPHRASE_LENGTH characters and score at least MIN_PASSPHRASE_SCORE. */
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
  return {
    score: result.score,
    ok: isLongEnough && !tooLong && result.score >= MIN_PASSPHRASE_SCORE,
    isLongEnough,
    warning: result.feedback.warning ?? null,
    suggestions: [...result.feedback.suggestions],
  }
}
