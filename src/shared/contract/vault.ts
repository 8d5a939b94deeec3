import { z } from 'zod'
import { ADMIN_ONLY, ANY_STAFF, ZRoleSchema } from '../roles'
import { ZDisplayNameSchema, ZPassphraseSchema, ZUsernameSchema } from './accounts'
import { defineChannel } from './channel'

export const ZStaffIdentitySchema = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRoleSchema,
  /** True after an unlock with a passphrase an admin chose: the person must choose their own before anything else. */
  mustChangePassphrase: z.boolean().optional(),
})
export type TStaffIdentityResponse = z.infer<typeof ZStaffIdentitySchema>

/** Why the vault was locked, recorded in the 'lock' audit entry. */
export const LOCK_REASONS = ['manual', 'shortcut', 'idle', 'suspend', 'screen-lock', 'quit'] as const
export type TLockReason = (typeof LOCK_REASONS)[number]

export const ZVaultStatusSchema = z.object({
  state: z.enum(['no-vault', 'locked', 'unlocked']),
  /** Only while unlocked: the name is stored inside the encrypted database. */
  organizationName: z.string().nullable(),
  staff: ZStaffIdentitySchema.nullable(),
  /** Who may unlock (active accounts), for the unlock screen's picker. While locked, displayName is the sign-in name. */
  accounts: z.array(z.object({ username: z.string(), displayName: z.string() })),
  /**
   * Only while unlocked (null otherwise): whether the current recovery key was confirmed as stored. False after
   * a first run that never reached the confirmation, after a replacement not yet confirmed, and after the key was used.
   */
  recoveryKeyConfirmed: z.boolean().nullable(),
  /** Only while locked: why this app locked it last (null after a fresh start), so the unlock screen can say. */
  lastLockReason: z.enum(LOCK_REASONS).nullable(),
})
export type TVaultStatusResponse = z.infer<typeof ZVaultStatusSchema>

/** Recovery keys are 30 base32 characters; allow spaces and dashes as people type them. */
const ZRecoveryKeySchema = z.string().trim().min(20).max(80)

export const vaultChannels = {
  /** Whether a vault exists and is unlocked, and which accounts can unlock it. */
  'vault:status': defineChannel({
    request: z.strictObject({}),
    response: ZVaultStatusSchema,
    access: 'public',
    countsAsActivity: false,
  }),
  /** First run only: create the vault and its first admin. Answers the recovery key, shown once. */
  'vault:create': defineChannel({
    request: z.strictObject({
      organizationName: ZDisplayNameSchema,
      username: ZUsernameSchema,
      displayName: ZDisplayNameSchema,
      passphrase: ZPassphraseSchema,
    }),
    response: z.object({ recoveryKey: z.string(), staff: ZStaffIdentitySchema }),
    access: 'public',
  }),
  /** Unlock with an account's passphrase; a wrong one is delayed more each time. */
  'vault:unlock': defineChannel({
    request: z.strictObject({ username: ZUsernameSchema, passphrase: ZPassphraseSchema }),
    response: z.object({ staff: ZStaffIdentitySchema }),
    access: 'public',
  }),
  /** Unlock with the recovery key and set a new passphrase for an account. */
  'vault:recover': defineChannel({
    request: z.strictObject({
      recoveryKey: ZRecoveryKeySchema,
      username: ZUsernameSchema,
      newPassphrase: ZPassphraseSchema,
    }),
    response: z.object({ staff: ZStaffIdentitySchema }),
    access: 'public',
  }),
  /** Close the vault and drop the key. The renderer says whether the button or the shortcut did it. */
  'vault:lock': defineChannel({
    request: z.strictObject({ reason: z.enum(['manual', 'shortcut']).optional() }),
    response: z.object({ locked: z.literal(true) }),
    access: ANY_STAFF,
    isOpenBeforeOwnPassphrase: true,
  }),
  /** Change the signed-in person's own passphrase (needs the current one). */
  'vault:changePassphrase': defineChannel({
    request: z.strictObject({ currentPassphrase: ZPassphraseSchema, newPassphrase: ZPassphraseSchema }),
    response: z.object({ changed: z.literal(true) }),
    access: ANY_STAFF,
    isOpenBeforeOwnPassphrase: true,
  }),
  /**
   * Admin only: issue a new recovery key. The old one stops working at once; the new one is answered once and
   * stays unconfirmed until 'vault:confirmRecoveryKey'.
   */
  'vault:replaceRecoveryKey': defineChannel({
    request: z.strictObject({}),
    response: z.object({ recoveryKey: z.string() }),
    access: ADMIN_ONLY,
  }),
  /** Admin only: the current recovery key is printed or written down and stored safely. */
  'vault:confirmRecoveryKey': defineChannel({
    request: z.strictObject({}),
    response: z.object({ confirmed: z.literal(true) }),
    access: ADMIN_ONLY,
  }),
  /** Admin only: when the current recovery key was confirmed as stored (ISO 8601), or null if it was not. */
  'vault:recoveryKeyStatus': defineChannel({
    request: z.strictObject({}),
    response: z.object({ confirmedAt: z.string().nullable() }),
    access: ADMIN_ONLY,
  }),
}
