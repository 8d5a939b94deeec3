import { ADMIN_ONLY } from '../../../shared/roles'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import { ONLY_ADMINS, sessionIn, type TSession, type TSessionSource } from '../session/session'
import type { TKeySlots } from './key-slots'
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
   * A new random recovery key. Only the recovery slot is rewritten (atomically, inside the same transaction as the
   * audit entry); the old key stops working at once and the new one starts unconfirmed. Returns the new key, to be
   * shown once.
   */
  replace(): Promise<string> {
    return this.keySlots.exclusive(async () => {
      this.adminSession()
      const recoveryKey = generateRecoveryKey()
      const slot = await this.keySlots.wrapForRecovery(recoveryKey)
      const session = this.adminSession()
      session.db.transaction(() => {
        new VaultMetaRepository(session.db).setRecoveryKeyConfirmedAt(null)
        session.audit.record('recovery.replaced', { type: 'vault', id: session.vaultId })
        this.keySlots.put(slot)
      })
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
