import { ADMIN_ONLY } from '../../../shared/roles'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import { ONLY_ADMINS, sessionIn, type TSession, type TSessionSource } from '../session/session'
import type { TKeySlots } from './key-slots'
import type { TRekeyOptions } from './rekey'
import { generateRecoveryKey } from './recovery-key'

/**
 * The recovery key's life after the vault is made: replaced, confirmed as stored, and asked about. Admins only.
 * Using the key is an unlock (`VaultService.unlockWithRecoveryKey`).
 */
export class RecoveryKeyService {
  constructor(
    private readonly sessions: TSessionSource,
    private readonly keySlots: TKeySlots,
  ) {}

  /**
   * A new random recovery key, and new keys for the vault (a rekey): whoever saw or kept the old key, or a keyring
   * copy from before, cannot open the current data with it. Backups made before still open with the old key. The new
   * key starts unconfirmed; it is returned once, to be shown once.
   */
  replace(options: TRekeyOptions = {}): Promise<string> {
    return this.keySlots.exclusive(async () => {
      const session = this.adminSession()
      const recoveryKey = generateRecoveryKey()
      session.db.transaction(() => {
        new VaultMetaRepository(session.db).setRecoveryKeyConfirmedAt(null)
        session.audit.record('recovery.replaced', { type: 'vault', id: session.vaultId })
      })
      await this.keySlots.rekey('recovery-key-replaced', { ...options, recoveryKey })
      return recoveryKey
    })
  }

  /** The current recovery key is printed or written down and stored safely. */
  confirm(): void {
    const session = this.adminSession()
    session.db.transaction(() => {
      new VaultMetaRepository(session.db).setRecoveryKeyConfirmedAt(session.clock.now())
      session.audit.record('recovery.confirmed', { type: 'vault', id: session.vaultId })
    })
  }

  /** When the current recovery key was confirmed as stored, or null if it was not. */
  status(): { confirmedAt: string | null } {
    const session = this.adminSession()
    return { confirmedAt: new VaultMetaRepository(session.db).get()?.recoveryKeyConfirmedAt ?? null }
  }

  private adminSession(): TSession {
    return sessionIn(this.sessions, ADMIN_ONLY, ONLY_ADMINS)
  }
}
