import { z } from 'zod'
import { ZDisplayNameSchema, ZPassphraseSchema, ZUsernameSchema } from '../../../../shared/contract/accounts'
import { newPassphraseRule } from './newPassphraseRule'

/*
 * The forms validate with main's own schemas (sign-in name, display name, passphrase length) plus the shared
 * passphrase rule, so a form that passes here is one main accepts. Messages of our own refinements are
 * translation keys; issues from the shared schemas are mapped to keys by code (fieldErrors.ts).
 */

/** What the vault's own screens say about a new passphrase (messages are keys under vault.validation). */
const PASSPHRASE_MESSAGES = {
  tooShort: 'vault.validation.passphraseTooShort',
  tooWeak: 'vault.validation.passphraseTooWeak',
  mismatch: 'vault.validation.passphraseMismatch',
  confirmRequired: 'vault.validation.confirmRequired',
} as const

/** An account picked from the unlock screen's list (empty: none picked yet). */
const ZChosenAccountSchema = z.string().min(1, 'vault.validation.accountRequired').pipe(ZUsernameSchema)

export const ZFirstRunFormSchema = z
  .object({
    organizationName: ZDisplayNameSchema,
    displayName: ZDisplayNameSchema,
    username: ZUsernameSchema,
    passphrase: ZPassphraseSchema,
    confirmPassphrase: z.string(),
  })
  .superRefine(
    newPassphraseRule({
      passphrase: 'passphrase',
      confirmation: 'confirmPassphrase',
      userInputs: (form) => [form.username, form.displayName, form.organizationName],
      messages: PASSPHRASE_MESSAGES,
    }),
  )
export type TFirstRunForm = z.input<typeof ZFirstRunFormSchema>

export const ZUnlockFormSchema = z.object({
  username: ZChosenAccountSchema,
  passphrase: ZPassphraseSchema,
})
export type TUnlockForm = z.input<typeof ZUnlockFormSchema>

/** Base32 recovery keys as people type them: any case, with or without spaces and dashes. */
const RECOVERY_KEY_CHARACTERS = /^[0-9A-Za-z]{30}$/
export const compactRecoveryKey = (typed: string): string => typed.replace(/[\s-]/g, '')

export const ZRecoveryFormSchema = z
  .object({
    recoveryKey: z
      .string()
      .min(1, 'vault.validation.recoveryKeyRequired')
      .refine(
        (typed) => RECOVERY_KEY_CHARACTERS.test(compactRecoveryKey(typed)),
        'vault.validation.recoveryKeyFormat',
      ),
    username: ZChosenAccountSchema,
    newPassphrase: ZPassphraseSchema,
    confirmPassphrase: z.string(),
  })
  .superRefine(
    newPassphraseRule({
      passphrase: 'newPassphrase',
      confirmation: 'confirmPassphrase',
      userInputs: (form) => [form.username],
      messages: PASSPHRASE_MESSAGES,
    }),
  )
export type TRecoveryForm = z.input<typeof ZRecoveryFormSchema>

/** Change passphrase: `userInputs` are the signed-in person's names, which main also counts as easy to guess. */
export const changePassphraseFormSchema = (userInputs: readonly string[]) =>
  z
    .object({
      currentPassphrase: ZPassphraseSchema,
      newPassphrase: ZPassphraseSchema,
      confirmPassphrase: z.string(),
    })
    .superRefine(
      newPassphraseRule({
        passphrase: 'newPassphrase',
        confirmation: 'confirmPassphrase',
        userInputs: () => userInputs,
        messages: PASSPHRASE_MESSAGES,
      }),
    )
    // Main refuses it too: a first passphrase an admin chose must really be replaced.
    .refine((form) => form.newPassphrase === '' || form.newPassphrase !== form.currentPassphrase, {
      path: ['newPassphrase'],
      message: 'vault.validation.passphraseSameAsCurrent',
    })
export type TChangePassphraseForm = z.input<ReturnType<typeof changePassphraseFormSchema>>

/** The recovery key step: proof that the key was recorded before the app moves on. */
export const recoveryKeyConfirmSchema = (recoveryKey: string) => {
  const lastGroup = recoveryKey.split('-').at(-1) ?? ''
  return z.object({
    isStored: z.boolean().refine((isStored) => isStored, 'vault.validation.confirmStored'),
    lastGroup: z
      .string()
      .trim()
      .min(1, 'vault.validation.lastGroupRequired')
      .refine(
        (typed) => typed.toUpperCase() === lastGroup.toUpperCase(),
        'vault.validation.lastGroupMismatch',
      ),
  })
}
export type TRecoveryKeyConfirmForm = z.input<ReturnType<typeof recoveryKeyConfirmSchema>>
