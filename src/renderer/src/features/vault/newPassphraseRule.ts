import type { z } from 'zod'
import { checkPassphrase } from '../../../../shared/passphrase-policy'

/** Translation keys for what can be wrong with a new passphrase and its second copy. */
export type TNewPassphraseMessages = {
  tooShort: string
  tooWeak: string
  mismatch: string
  /** Said when the second copy is empty; without it, an empty copy is a mismatch (unless both are empty). */
  confirmRequired?: string
}

type TNewPassphraseRule<T> = {
  /** The fields holding the new passphrase and its second copy. */
  passphrase: keyof T & string
  confirmation: keyof T & string
  /** Names that make a passphrase easy to guess (main uses the same list): sign-in name, display name… */
  userInputs: (form: T) => readonly string[]
  messages: TNewPassphraseMessages
}

/**
 * The shared passphrase rule (length and guessability, shared/passphrase-policy.ts) on a new passphrase, and the
 * second copy matching it, as a zod `superRefine` of any form that sets one: first run, recovery, change of
 * passphrase, an admin adding a colleague or resetting theirs. Issues carry translation keys as messages.
 */
export function newPassphraseRule<T extends Record<string, unknown>>({
  passphrase,
  confirmation,
  userInputs,
  messages,
}: TNewPassphraseRule<T>) {
  return (form: T, context: z.RefinementCtx): void => {
    const typed = String(form[passphrase] ?? '')
    const copy = String(form[confirmation] ?? '')
    if (typed.length > 0) {
      const verdict = checkPassphrase(typed, userInputs(form))
      if (!verdict.ok) {
        const message = verdict.isLongEnough ? messages.tooWeak : messages.tooShort
        context.addIssue({ code: 'custom', path: [passphrase], message })
      }
    }
    if (copy === '' && messages.confirmRequired !== undefined) {
      context.addIssue({ code: 'custom', path: [confirmation], message: messages.confirmRequired })
    } else if (copy !== typed) {
      context.addIssue({ code: 'custom', path: [confirmation], message: messages.mismatch })
    }
  }
}
