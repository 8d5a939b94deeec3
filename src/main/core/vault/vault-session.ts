import type { TAuditDetails, TAuditAction } from '../../../shared/contract/audit'
import { AppError } from '../../../shared/result'
import type { TRole } from '../../../shared/roles'
import { AccountsRepository } from '../accounts/accounts-repository'
import type { TStaffIdentity } from '../accounts/staff-identity'
import { AuditRepository, type TAuditTarget } from '../audit/audit-repository'
import { sealTrail, type TSealContext } from '../audit/audit-seal'
import type { Connection } from '../db/connection'
import { VaultMetaRepository } from '../db/vault-meta-repository'
import type { TClock, TSession, TSessionAudit } from '../session/session'
import type { TVaultFiles } from './keyring'
import { generationPaths } from './vault-paths'
import { zeroKeys, type TVaultKeys } from './vault-keys'

/** The refusal of everything but changing it, while the passphrase is still the one an admin chose. */
export const passphraseChangeRequired = (): AppError =>
  new AppError(
    'PASSPHRASE_CHANGE_REQUIRED',
    'Your passphrase was chosen by an admin. Choose your own passphrase before doing anything else.',
  )

/**
 * Everything that exists only while the vault is unlocked: the open databases, the keys this role holds, and who
 * opened it. Services see it through `TSession`, which leaves the keys out.
 */
export class VaultSession implements TSession {
  /** The trail itself, for the vault's own entries (failed unlocks have no actor and their own time). */
  readonly trail: AuditRepository
  readonly accounts: AccountsRepository
  readonly meta: VaultMetaRepository
  readonly audit: TSessionAudit
  private readonly scopes = new Map<(session: TSession) => unknown, unknown>()
  private sealPending = false
  /**
   * True while the passphrase that opened this session is one an admin chose (its slot says so, bound into the
   * sealed key): every role check refuses until the owner's change is written (see key-slots-port.ts `put`).
   */
  passphraseChangePending = false
  /** False once this session found the trail disagreeing with its checkpoint: it stops sealing (verify says why). */
  private sealHolds = true

  constructor(
    readonly db: Connection,
    /** Owned by the session and zeroed when it closes. Only the keys `staff.role` may hold. */
    readonly keys: TVaultKeys,
    readonly vaultId: string,
    readonly generation: number,
    readonly files: TVaultFiles,
    readonly directory: string,
    /** `role` is the lower of the account's role and the role its keys prove. */
    readonly staff: TStaffIdentity,
    readonly clock: TClock,
  ) {
    this.trail = new AuditRepository(this.db)
    this.accounts = new AccountsRepository(this.db)
    this.meta = new VaultMetaRepository(this.db)
    this.audit = {
      record: (action: TAuditAction, target: TAuditTarget, details: TAuditDetails = {}) => {
        this.trail.append(this.actor, action, target, details, this.clock.now())
        this.sealSoon()
      },
    }
  }

  get actor(): { accountId: string; username: string } {
    return { accountId: this.staff.accountId, username: this.staff.username }
  }

  requireRole(roles: readonly TRole[], refusal = 'Your role does not allow this action.'): TStaffIdentity {
    if (!roles.includes(this.staff.role)) throw new AppError('FORBIDDEN', refusal)
    if (this.passphraseChangePending) throw passphraseChangeRequired()
    return this.staff
  }

  scoped<T>(create: (session: TSession) => T): T {
    if (!this.scopes.has(create)) this.scopes.set(create, create(this))
    return this.scopes.get(create) as T
  }

  sealing(): { context: TSealContext; seal(): boolean } | null {
    const context = this.sealContext()
    return context === null ? null : { context, seal: () => this.seal() }
  }

  /** The checkpoint's context, for a session holding K_admin; null for other roles. */
  sealContext(): TSealContext | null {
    if (this.keys.admin === null || !this.db.database.open) return null
    return {
      trail: this.trail,
      anchorFile: generationPaths(this.directory, this.files).anchor,
      vaultId: this.vaultId,
      generation: this.generation,
      adminKey: this.keys.admin,
      now: () => this.clock.now(),
    }
  }

  /**
   * Seal the trail's head now (admins only). Called after unlock, backup, verify and lock; other entries seal soon
   * after they commit. Never inside a transaction: the checkpoint must never be ahead of what was committed.
   */
  seal(): boolean {
    const context = this.sealContext()
    if (context === null || !this.sealHolds || this.db.database.inTransaction) return false
    this.sealHolds = sealTrail(context)
    return this.sealHolds
  }

  /**
   * After the current synchronous work (and so after its transaction committed or rolled back), seal once. Entries
   * recorded in a burst share one checkpoint write.
   */
  private sealSoon(): void {
    if (this.keys.admin === null || this.sealPending) return
    this.sealPending = true
    queueMicrotask(() => {
      this.sealPending = false
      try {
        this.seal()
      } catch {
        // A checkpoint that cannot be written now is written at the next admin action; verify counts what is unsealed.
      }
    })
  }

  close(): void {
    // A scope holding survivor data (matching's kept roster) empties itself, even if something still refers to it.
    for (const scope of this.scopes.values()) {
      if (
        typeof scope === 'object' &&
        scope !== null &&
        'dispose' in scope &&
        typeof scope.dispose === 'function'
      )
        (scope as { dispose(): void }).dispose()
    }
    this.scopes.clear()
    try {
      if (this.db.database.open) this.db.database.close()
    } finally {
      zeroKeys(this.keys)
    }
  }
}
