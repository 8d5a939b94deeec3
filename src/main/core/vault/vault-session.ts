import type { TStaffIdentity } from '../../ipc/types'
import { AccountsRepository } from '../db/accounts-repository'
import { AuditRepository } from '../db/audit-repository'
import type { TDatabase } from '../db/open-database'
import { VaultMetaRepository } from '../db/vault-meta-repository'

/** Everything that exists only while the vault is unlocked: the open database, the key, and who opened it. */
export class VaultSession {
  readonly accounts: AccountsRepository
  readonly audit: AuditRepository
  readonly meta: VaultMetaRepository

  constructor(
    readonly db: TDatabase,
    /** Owned by the session and zeroed when it closes. */
    readonly masterKey: Buffer,
    readonly vaultId: string,
    readonly staff: TStaffIdentity,
  ) {
    this.accounts = new AccountsRepository(db)
    this.audit = new AuditRepository(db)
    this.meta = new VaultMetaRepository(db)
  }

  get actor(): { accountId: string; username: string } {
    return { accountId: this.staff.accountId, username: this.staff.username }
  }

  close(): void {
    try {
      if (this.db.open) this.db.close()
    } finally {
      this.masterKey.fill(0)
    }
  }
}
