import type { TAuditAction, TAuditDetails } from '../../../shared/contract/audit'
import type { TRole } from '../../../shared/roles'
import type { TStaffIdentity } from '../accounts/staff-identity'
import type { TAuditTarget } from '../audit/audit-repository'
import type { TSealContext } from '../audit/audit-seal'
import type { TWritableDb } from '../db/connection'

/** The refusal of an admin-only method, for `requireRole(ADMIN_ONLY, ONLY_ADMINS)`. */
export const ONLY_ADMINS = 'Only an admin can do this.'

/** Where "now" comes from: the system clock in the app, a fixed or moving one in tests and the bench. */
export type TClock = { now(): Date }

export const clockOf = (now: () => number = Date.now): TClock => ({ now: () => new Date(now()) })

/** The audit trail as a service writes to it: always as the signed-in staff member, at the clock's time. */
export type TSessionAudit = {
  /** One entry, inside the caller's transaction when there is one (so the change and its entry commit together). */
  record(action: TAuditAction, target: TAuditTarget, details?: TAuditDetails): void
}

/**
 * What every core service works with while the vault is unlocked, and nothing more: the database, who signed in,
 * the audit trail and the clock. The key stays with the vault (`vault/vault-keeper.ts`); a service never sees it.
 */
export type TSession = {
  /** The open vault database, with its statement cache (see `db/connection.ts`). */
  readonly db: TWritableDb
  /** Who unlocked the vault: taken from their account, never from a request. */
  readonly staff: TStaffIdentity
  readonly vaultId: string
  readonly audit: TSessionAudit
  readonly clock: TClock
  /**
   * True while the passphrase that opened the session is one an admin chose: `requireRole` refuses with
   * PASSPHRASE_CHANGE_REQUIRED until its owner has chosen their own.
   */
  readonly passphraseChangePending: boolean
  /**
   * The signed-in staff member when their role is one of `roles`; FORBIDDEN (with `refusal` as the message)
   * otherwise. Every service method that is not for everyone starts with it, so the CLI, the bridge and Electron
   * enforce the same rules as the contract's access lists.
   */
  requireRole(roles: readonly TRole[], refusal?: string): TStaffIdentity
  /**
   * One `create(session)` per session, made on first use: state that must end with the session (caches of
   * counts, what was audited recently). A lock drops it with the session, calling its `dispose()` first when it
   * has one.
   */
  scoped<T>(create: (session: TSession) => T): T
  /**
   * The audit checkpoint of this session, for admins only (it needs K_admin, which stays inside): its context, to
   * check the trail against it, and `seal()` to write a new one. Null for other roles.
   */
  sealing(): { context: TSealContext; seal(): boolean } | null
}

/** How a service reaches the session: asked at the start of every method, since the vault may lock in between. */
export type TSessionSource = {
  /** The open session; LOCKED while the vault is locked. */
  require(): TSession
}

/** The open session, when the signed-in staff member's role is one of `roles`: LOCKED, then FORBIDDEN. */
export function sessionIn(sessions: TSessionSource, roles: readonly TRole[], refusal?: string): TSession {
  const session = sessions.require()
  session.requireRole(roles, refusal)
  return session
}
