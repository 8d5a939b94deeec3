import { z } from 'zod'
import { ADMIN_ONLY } from '../roles'
import { ZPassphraseSchema, ZUsernameSchema } from './accounts'
import { defineChannel } from './channel'

export const backupChannels = {
  /** Ask where to save (native dialog in main), then write an encrypted, checksummed backup there. */
  'backup:create': defineChannel({
    request: z.strictObject({}),
    response: z.object({
      created: z.boolean(),
      bytes: z.number().int().nullable(),
      /** The saved file's base name only (never the folder: a path can reveal a person's username). */
      fileName: z.string().max(255).nullable(),
    }),
    access: ADMIN_ONLY,
  }),
  /**
   * Ask which backup to restore (native dialog in main), check it and the passphrase against the
   * backup's own keyring, then replace the vault. The app ends unlocked as that account in the restored vault.
   */
  'backup:restore': defineChannel({
    request: z.strictObject({
      /** Defaults to the signed-in person's account name. */
      username: ZUsernameSchema.optional(),
      passphrase: ZPassphraseSchema,
    }),
    response: z.object({
      restored: z.boolean(),
      /** When the restored backup was made (ISO 8601, from its header); null when nothing was restored. */
      backupCreatedAt: z.string().max(64).nullable(),
    }),
    access: ADMIN_ONLY,
  }),
  /**
   * How far the running backup, restore or rekey (new keys after a disable, a demotion or a new recovery key) has
   * got, for a progress bar; null when none is running.
   */
  'backup:progress': defineChannel({
    request: z.strictObject({}),
    response: z
      .object({
        operation: z.enum(['backup', 'restore', 'rekey']),
        bytesDone: z.number().int().min(0),
        bytesTotal: z.number().int().min(0),
      })
      .nullable(),
    access: ADMIN_ONLY,
    countsAsActivity: false,
  }),
}
