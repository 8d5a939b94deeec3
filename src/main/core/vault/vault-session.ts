import type { TAuditDetails, TAuditAction } from '../../../shared/contract/audit'
import { AppError } from '../../../shared/result'
import type { TRole } from '../../../shared/roles'
import { AccountsRepository } from '../accounts/accounts-repository'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { AuditRepository, type TAuditTarget } from '../audit/audit-repository'
import type { Connection } from '../db/connection'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import type { TClock, TSession, TSessionAudit } from '../session/session'

/**
 * Everything that exists only while the vault is unlocked: the open database, the key, and who opened it.
 * Services see it through `TSession`, which leaves the key out.
 */
export class VaultSession implements TSession {
  /** The trail itself, for the vault's own entries (failed unlocks have no actor and their own time). */
  readonly trail: AuditRepository
  readonly accounts: AccountsRepository
  readonly meta: VaultMetaRepository
  readonly audit: TSessionAudit
  private readonly scopes = new Map<(session: TSession) => unknown, unknown>()

  constructor(
    readonly db: Connection,
    /** Owned by the session and zeroed when it closes. */
    readonly masterKey: Buffer,
    readonly vaultId: string,
    readonly staff: TStaffIdentity,
    readonly clock: TClock,
  ) {
    this.trail = new AuditRepository(this.db)
    this.accounts = new AccountsRepository(this.db)
    this.meta = new VaultMetaRepository(this.db)
    this.audit = {
      record: (action: TAuditAction, target: TAuditTarget, details: TAuditDetails = {}) => {
        this.trail.append(this.actor, action, target, details, this.clock.now())
      },
    }
  }

  get actor(): { accountId: string; username: string } {
    return { accountId: this.staff.accountId, username: this.staff.username }
  }

  requireRole(roles: readonly TRole[], refusal = 'Your role does not allow this action.'): TStaffIdentity {
    if (!roles.includes(this.staff.role)) throw new AppError('FORBIDDEN', refusal)
    return this.staff
  }

  scoped<T>(create: (session: TSession) => T): T {
    if (!this.scopes.has(create)) this.scopes.set(create, create(this))
    return this.scopes.get(create) as T
  }

  close(): void {
    this.scopes.clear()
    try {
      if (this.db.database.open) this.db.database.close()
    } finally {
      this.masterKey.fill(0)
    }
  }
}
