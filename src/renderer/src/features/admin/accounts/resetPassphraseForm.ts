import { z } from 'zod'
import { ZPassphraseSchema } from '../../../../../shared/contract/accounts'
import { checkPassphrase } from '../../../../../shared/passphrase-policy'

/**
 * The reset-passphrase form: the contract's passphrase limits, the shared strength rule with the colleague's
 * names as inputs, and the repeated passphrase. Custom issues carry keys under adminConsole.accounts.form.errors.
 */
export const resetPassphraseFormSchema = (userInputs: readonly string[]) =>
  z.object({ passphrase: ZPassphraseSchema, confirmPassphrase: z.string() }).superRefine((form, context) => {
    const verdict = checkPassphrase(form.passphrase, userInputs)
    if (form.passphrase.length > 0 && !verdict.ok) {
      context.addIssue({
        code: 'custom',
        path: ['passphrase'],
        message: verdict.isLongEnough ? 'passphraseWeak' : 'passphraseShort',
      })
    }
    if (form.confirmPassphrase !== form.passphrase) {
      context.addIssue({ code: 'custom', path: ['confirmPassphrase'], message: 'passphraseMismatch' })
    }
  })
export type TResetPassphraseForm = { passphrase: string; confirmPassphrase: string }
