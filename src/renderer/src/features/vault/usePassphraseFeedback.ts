import type { ParseKeys } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { checkPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase-policy'

/** zxcvbn's old bar (score 3): past it, only the offline-guessing estimate still refuses the passphrase. */
const SCORE_THREE_GUESSES_LOG10 = 8

type TKey = ParseKeys<'translation'>

const WARNINGS = new Set([
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
])

export type TPassphraseFeedback = {
  score: number
  isEmpty: boolean
  isAcceptable: boolean
  /** The score in words: the meter's aria-valuetext. */
  valueText: string
  /** What to do next, in words (zxcvbn's warning when we have one, else advice by score). */
  hint: string
  /** "7 of at least 12 characters". */
  length: string
  /** The verdict in two or three words ("Too easy to guess", "Strong enough"), for the compact meter. */
  brief: string
}

/** The shared passphrase rule, worded for the person in their language. */
export function usePassphraseFeedback(
  passphrase: string,
  userInputs: readonly string[],
): TPassphraseFeedback {
  const { t } = useTranslation()
  const inputsKey = userInputs.join('\u0000')
  const verdict = useMemo(
    () =>
      passphrase.length === 0 ? null : checkPassphrase(passphrase, inputsKey.split('\u0000').filter(Boolean)),
    [passphrase, inputsKey],
  )
  const length = t('vault.passphrase.length', { count: passphrase.length, min: MIN_PASSPHRASE_LENGTH })
  if (verdict === null) {
    return {
      score: 0,
      isEmpty: true,
      isAcceptable: false,
      valueText: t('vault.passphrase.strength.empty'),
      hint: '',
      length,
      brief: t('vault.passphrase.brief.empty'),
    }
  }
  const score = Math.max(0, Math.min(4, verdict.score))
  const scoreKey = `vault.passphrase.strength.score${score}` as TKey
  let hint: string
  if (verdict.ok) hint = t('vault.passphrase.accepted')
  else if (verdict.warning !== null && WARNINGS.has(verdict.warning))
    hint = t(`vault.passphrase.warning.${verdict.warning}` as TKey)
  else if (!verdict.isLongEnough) hint = t('vault.passphrase.hint.tooShort', { min: MIN_PASSPHRASE_LENGTH })
  // Fine against someone typing guesses into the app, not against someone who copied the vault: say so.
  else if (verdict.guessesLog10 >= SCORE_THREE_GUESSES_LOG10) hint = t('vault.passphrase.hint.offline')
  else hint = t(`vault.passphrase.hint.score${Math.min(score, 2)}` as TKey)
  return {
    score,
    isEmpty: false,
    // A long-enough passphrase can still be refused; a short one with a high score is not yet acceptable.
    isAcceptable: verdict.ok,
    valueText:
      verdict.ok || verdict.isLongEnough ? (t(scoreKey) as string) : t('vault.passphrase.strength.score1'),
    hint,
    length,
    brief: !verdict.isLongEnough
      ? t('vault.passphrase.brief.tooShort', { count: MIN_PASSPHRASE_LENGTH })
      : !verdict.ok
        ? t('vault.passphrase.brief.tooEasy')
        : score >= 4
          ? t('vault.passphrase.brief.veryStrong')
          : t('vault.passphrase.brief.strong'),
  }
}
