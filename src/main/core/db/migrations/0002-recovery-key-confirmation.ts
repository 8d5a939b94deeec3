import type { TMigration } from './migration'

/**
 * When an admin last confirmed that the recovery key is stored safely. NULL means "not confirmed": a key that was
 * never confirmed (the page reloaded while it was on screen), was replaced, or was used. Vaults from before this
 * step get NULL too, since nobody can tell whether their key was ever recorded: their admin is asked to issue one.
 */
export const migration0002RecoveryKeyConfirmation: TMigration = {
  version: 2,
  name: 'recovery-key-confirmation',
  up(db) {
    db.exec('ALTER TABLE vault_meta ADD COLUMN recovery_key_confirmed_at TEXT')
  },
}
