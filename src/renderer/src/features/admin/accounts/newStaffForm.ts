import { z } from 'zod'
import { ZNewStaffAccountSchema } from '../../../../../shared/contract/accounts'
import { checkPassphrase } from '../../../../../shared/passphrase-policy'

/**
 * The add-staff form: the contract's own schema (so the form and main check the same rules), plus the
 * repeated passphrase and the strength rule. Custom issues carry a key under adminConsole.accounts.form.errors.
 */
export const ZNewStaffFormSchema = ZNewStaffAccountSchema.extend({
  confirmPassphrase: z.string(),
}).superRefine((form, context) => {
  const verdict = checkPassphrase(form.passphrase, [form.username, form.displayName])
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
export type TNewStaffForm = z.input<typeof ZNewStaffFormSchema>

export type TNewStaffFieldErrorKey =
  | 'displayNameRequired'
  | 'displayNameTooLong'
  | 'usernameShort'
  | 'usernameTooLong'
  | 'usernameCharacters'
  | 'roleRequired'
  | 'passphraseRequired'
  | 'passphraseShort'
  | 'passphraseWeak'
  | 'passphraseTooLong'
  | 'passphraseMismatch'
  | 'usernameTaken'

/** Keys carried as the message of custom issues, or of errors set after main refused (usernameTaken). */
const CUSTOM_KEYS: readonly TNewStaffFieldErrorKey[] = [
  'usernameTaken',
  'passphraseShort',
  'passphraseWeak',
  'passphraseMismatch',
]

/** The translation key for a field's first problem (zod issue code + field), never zod's English text. */
export function newStaffErrorKey(
  field: keyof TNewStaffForm,
  error: { type?: unknown; message?: string | undefined } | undefined,
): TNewStaffFieldErrorKey | undefined {
  if (error === undefined) return undefined
  const custom = CUSTOM_KEYS.find((key) => key === error.message)
  if (custom) return custom
  const isTooBig = error.type === 'too_big'
  switch (field) {
    case 'displayName':
      return isTooBig ? 'displayNameTooLong' : 'displayNameRequired'
    case 'username':
      if (isTooBig) return 'usernameTooLong'
      return error.type === 'too_small' ? 'usernameShort' : 'usernameCharacters'
    case 'role':
      return 'roleRequired'
    case 'passphrase':
      return isTooBig ? 'passphraseTooLong' : 'passphraseRequired'
    case 'confirmPassphrase':
      return 'passphraseMismatch'
  }
}
