import { z } from 'zod'
// The limits only: the strength checker's dictionaries stay out of the contract (and the preload bundle).
import { MAX_PASSPHRASE_LENGTH } from '../passphrase-limits'
import { ADMIN_ONLY, ZRoleSchema } from '../roles'
import { defineChannel } from './channel'

/** Sign-in names: letters, digits, dot, dash, underscore; compared without regard to case. */
export const ZUsernameSchema = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters')
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, dashes or underscores')
export const ZDisplayNameSchema = z.string().trim().min(1).max(200)
export const ZPassphraseSchema = z.string().min(1).max(MAX_PASSPHRASE_LENGTH)

export const ZAccountStatusSchema = z.enum(['active', 'disabled'])

export const ZStaffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRoleSchema,
  status: ZAccountStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TStaffAccount = z.infer<typeof ZStaffAccountSchema>

export const ZNewStaffAccountSchema = z.strictObject({
  username: ZUsernameSchema,
  displayName: ZDisplayNameSchema,
  role: ZRoleSchema,
  /** The first passphrase, chosen with the person; they change it at their first unlock. */
  passphrase: ZPassphraseSchema,
})
export type TNewStaffAccount = z.infer<typeof ZNewStaffAccountSchema>

export const accountsChannels = {
  /** Every staff account, active and disabled. */
  'accounts:list': defineChannel({
    request: z.strictObject({}),
    response: z.object({ accounts: z.array(ZStaffAccountSchema) }),
    access: ADMIN_ONLY,
  }),
  /** Add a staff member with a role and a first passphrase (creates their key slot). */
  'accounts:add': defineChannel({
    request: ZNewStaffAccountSchema,
    response: z.object({ account: ZStaffAccountSchema }),
    access: ADMIN_ONLY,
  }),
  /** Disable a staff member: their key slot is deleted, so their passphrase no longer opens the vault. */
  'accounts:disable': defineChannel({
    request: z.strictObject({ accountId: z.string().min(1).max(64) }),
    response: z.object({ account: ZStaffAccountSchema }),
    access: ADMIN_ONLY,
  }),
  /** Give a colleague another role. The last active admin cannot be demoted (CONFLICT). */
  'accounts:changeRole': defineChannel({
    request: z.strictObject({ accountId: z.string().min(1).max(64), role: ZRoleSchema }),
    response: z.object({ account: ZStaffAccountSchema }),
    access: ADMIN_ONLY,
  }),
  /**
   * Set a new passphrase for a colleague who forgot theirs (not your own): only their key slot is rewritten.
   * They must choose their own at their next unlock (see 'vault:changePassphrase').
   */
  'accounts:resetPassphrase': defineChannel({
    request: z.strictObject({ accountId: z.string().min(1).max(64), passphrase: ZPassphraseSchema }),
    response: z.object({ account: ZStaffAccountSchema }),
    access: ADMIN_ONLY,
  }),
}
