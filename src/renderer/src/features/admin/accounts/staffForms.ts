import { z } from 'zod'
import { ZNewStaffAccountSchema } from '../../../../../shared/contract/accounts'
import { MIN_PASSPHRASE_LENGTH } from '../../../../../shared/passphrase-limits'
import { fieldErrorTextHook, type TIssueMessages } from '../../../i18n/fieldErrorText'
import { newPassphraseRule } from '../../vault'

const ERRORS = 'admin.accounts.form.errors'

/** What the admin console says about a colleague's new passphrase. */
const PASSPHRASE_MESSAGES = {
  tooShort: `${ERRORS}.passphraseShort`,
  tooWeak: `${ERRORS}.passphraseWeak`,
  mismatch: `${ERRORS}.passphraseMismatch`,
} as const

/** The staff forms' fields: the contract's own schema (so the form and main check the same rules) + the copy. */
const ZStaffFieldsSchema = ZNewStaffAccountSchema.extend({ confirmPassphrase: z.string() })

/** Add a staff member: every field, and the passphrase rule with the new person's names as easy guesses. */
export const ZNewStaffFormSchema = ZStaffFieldsSchema.superRefine(
  newPassphraseRule({
    passphrase: 'passphrase',
    confirmation: 'confirmPassphrase',
    userInputs: (form) => [form.username, form.displayName],
    messages: PASSPHRASE_MESSAGES,
  }),
)
export type TNewStaffForm = z.input<typeof ZNewStaffFormSchema>

/** Reset a colleague's passphrase: the same two fields, with the colleague's names as easy guesses. */
export const resetPassphraseFormSchema = (userInputs: readonly string[]) =>
  ZStaffFieldsSchema.pick({ passphrase: true, confirmPassphrase: true }).superRefine(
    newPassphraseRule({
      passphrase: 'passphrase',
      confirmation: 'confirmPassphrase',
      userInputs: () => userInputs,
      messages: PASSPHRASE_MESSAGES,
    }),
  )
export type TResetPassphraseForm = z.input<ReturnType<typeof resetPassphraseFormSchema>>

/** Sign in to a backup's account before restoring it: the contract's sign-in name and passphrase rules. */
export const ZRestoreFormSchema = ZNewStaffAccountSchema.pick({ username: true, passphrase: true })
export type TRestoreForm = z.input<typeof ZRestoreFormSchema>

/** Words for the contract schemas' issue codes, per field (`'*'`: any other code). */
export const STAFF_FIELD_ISSUES = {
  displayName: { too_big: `${ERRORS}.displayNameTooLong`, '*': `${ERRORS}.displayNameRequired` },
  username: {
    too_big: `${ERRORS}.usernameTooLong`,
    too_small: `${ERRORS}.usernameShort`,
    '*': `${ERRORS}.usernameCharacters`,
  },
  role: { '*': `${ERRORS}.roleRequired` },
  passphrase: { too_big: `${ERRORS}.passphraseTooLong`, '*': `${ERRORS}.passphraseRequired` },
  confirmPassphrase: { '*': `${ERRORS}.passphraseMismatch` },
} as const satisfies Record<keyof TNewStaffForm, TIssueMessages>

/** The admin console's forms word their field errors from its catalog; the minimum length fills `{{count}}`. */
export const useAdminFieldErrorText = fieldErrorTextHook(['admin.'], 'admin.errors.badRequest', {
  count: MIN_PASSPHRASE_LENGTH,
})
