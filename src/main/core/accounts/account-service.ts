import { randomUUID } from 'node:crypto'
import {
  ZNewStaffAccountSchema,
  ZPassphraseSchema,
  type TNewStaffAccount,
  type TStaffAccount,
} from '../../../shared/contract/accounts'
import { AppError } from '../../../shared/result'
import { ADMIN_ONLY, ZRoleSchema, type TRole } from '../../../shared/roles'
import { ONLY_ADMINS, sessionIn, type TSession, type TSessionSource } from '../session/session'
import type { TKeySlots } from '../vault/key-slots'
import { assertStrongPassphrase } from '../vault/strong-passphrase'
import { AccountsRepository } from './accounts-repository'

const noSuchAccount = (): AppError => new AppError('NOT_FOUND', 'There is no such account.')
const noActiveAccount = (): AppError => new AppError('NOT_FOUND', 'There is no active account with that id.')

/**
 * Staff accounts and their passphrases: who may sign in, with which role. Each account's key slot changes in the
 * same transaction as the account and its audit entry. Managing colleagues is for admins; everyone changes their
 * own passphrase.
 */
export class AccountService {
  constructor(
    private readonly sessions: TSessionSource,
    private readonly keySlots: TKeySlots,
  ) {}

  list(): TStaffAccount[] {
    return this.accounts(this.sessions.require()).list()
  }

  /** A new staff member with a first passphrase, and their key slot. */
  add(input: TNewStaffAccount): Promise<TStaffAccount> {
    return this.keySlots.exclusive(async () => {
      const request = ZNewStaffAccountSchema.parse(input)
      if (this.accounts(this.adminSession()).findByUsername(request.username) !== null) {
        throw new AppError(
          'CONFLICT',
          'An account with that name already exists (perhaps disabled). Choose another name.',
        )
      }
      assertStrongPassphrase(request.passphrase, [request.username, request.displayName])
      const id = randomUUID()
      const { username, displayName, role } = request
      const slot = await this.keySlots.wrapForStaff({ id, username, role }, request.passphrase)
      const session = this.adminSession()
      const accounts = this.accounts(session)
      // The keyring is written inside the transaction: if the write fails, the account row rolls back too.
      return session.db.transaction(() => {
        const account = accounts.insert({ id, username, displayName, role }, session.clock.now())
        session.audit.record('account.added', { type: 'account', id }, { role })
        this.keySlots.put(slot)
        return account
      })
    })
  }

  /** Delete the account's key slot and mark it disabled. The last active admin stays. */
  disable(accountId: string): TStaffAccount {
    const session = this.adminSession()
    const accounts = this.accounts(session)
    return session.db.transaction(() => {
      const account = accounts.findById(accountId)
      if (account === null) throw noSuchAccount()
      if (account.status === 'disabled') return account
      if (account.role === 'admin' && accounts.activeAdminCount() <= 1) {
        throw new AppError(
          'CONFLICT',
          'This is the last active admin. Add another admin before disabling this one.',
        )
      }
      accounts.setStatus(accountId, 'disabled', session.clock.now())
      session.audit.record('account.disabled', { type: 'account', id: accountId })
      this.keySlots.remove(accountId)
      return accounts.findById(accountId) ?? account
    })
  }

  /**
   * Give an active colleague another role. The last active admin cannot be demoted, and your own role is changed
   * by another admin (so a session never keeps rights its account no longer has).
   */
  changeRole(accountId: string, role: TRole): TStaffAccount {
    const session = this.adminSession()
    const accounts = this.accounts(session)
    const to = ZRoleSchema.parse(role)
    return session.db.transaction(() => {
      const account = accounts.findById(accountId)
      if (account === null || account.status !== 'active') throw noActiveAccount()
      if (account.role === to) return account
      if (account.role === 'admin' && accounts.activeAdminCount() <= 1) {
        throw new AppError(
          'CONFLICT',
          'This is the last active admin. Make another account an admin before changing this role.',
        )
      }
      if (account.id === session.staff.accountId) {
        throw new AppError('FORBIDDEN', 'Your own role is changed by another admin.')
      }
      accounts.setRole(accountId, to, session.clock.now())
      session.audit.record(
        'account.role_changed',
        { type: 'account', id: accountId },
        { from: account.role, to },
      )
      return accounts.findById(accountId) ?? account
    })
  }

  /**
   * A new passphrase for a colleague who forgot theirs, without acting as them. Only their key slot is rewritten,
   * atomically and inside the audit entry's transaction. Not for your own account: use changeOwnPassphrase. The
   * colleague should change it at their next sign-in.
   */
  resetPassphrase(accountId: string, newPassphrase: string): Promise<TStaffAccount> {
    return this.keySlots.exclusive(async () => {
      const session = this.adminSession()
      if (accountId === session.staff.accountId) {
        throw new AppError('FORBIDDEN', 'Change your own passphrase with Change passphrase instead.')
      }
      const account = this.accounts(session).findById(accountId)
      if (account === null || account.status !== 'active') throw noActiveAccount()
      ZPassphraseSchema.parse(newPassphrase)
      assertStrongPassphrase(newPassphrase, [account.username, account.displayName])
      const slot = await this.keySlots.wrapForStaff(account, newPassphrase)
      const current = this.adminSession()
      return current.db.transaction(() => {
        // Checked again after the KDF: the account may have been disabled meanwhile (its slot must not come back).
        const latest = this.accounts(current).findById(accountId)
        if (latest === null || latest.status !== 'active') throw noActiveAccount()
        current.audit.record('account.passphrase_reset', { type: 'account', id: accountId })
        this.keySlots.put(slot)
        return latest
      })
    })
  }

  /** Change the signed-in person's passphrase: checks the current one, rewrites only their slot. */
  changeOwnPassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.keySlots.exclusive(async () => {
      const { staff } = this.sessions.require()
      await this.keySlots.checkOwnPassphrase(currentPassphrase)
      assertStrongPassphrase(newPassphrase, [staff.username, staff.displayName])
      const account = { id: staff.accountId, username: staff.username, role: staff.role }
      const slot = await this.keySlots.wrapForStaff(account, newPassphrase)
      const session = this.sessions.require()
      session.db.transaction(() => {
        session.audit.record('account.passphrase_changed', { type: 'account', id: staff.accountId })
        this.keySlots.put(slot)
      })
    })
  }

  private adminSession(): TSession {
    return sessionIn(this.sessions, ADMIN_ONLY, ONLY_ADMINS)
  }

  private accounts(session: TSession): AccountsRepository {
    return new AccountsRepository(session.db)
  }
}
