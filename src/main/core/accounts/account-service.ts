import { randomUUID } from 'node:crypto'
import {
  ZNewStaffAccountSchema,
  ZPassphraseSchema,
  type TNewStaffAccount,
  type TStaffAccount,
} from '../../../shared/contract/accounts'
import { AppError } from '../../../shared/result'
import { ADMIN_ONLY, ROLES, ZRoleSchema, type TRole } from '../../../shared/roles'
import { ONLY_ADMINS, sessionIn, type TSession, type TSessionSource } from '../session/session'
import type { TKeySlots } from '../vault/key-slots'
import type { TRekeyOptions } from '../vault/rekey'
import { assertStrongPassphrase } from '../vault/strong-passphrase'
import { AccountsRepository } from './accounts-repository'

const noSuchAccount = (): AppError => new AppError('NOT_FOUND', 'There is no such account.')
const rankOf = (role: TRole): number => ROLES.length - ROLES.indexOf(role)
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

  /** Every staff account, active and disabled: admins only (names and roles are who to target). */
  list(): TStaffAccount[] {
    return this.accounts(this.adminSession()).list()
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
      const slot = await this.keySlots.newStaffSlot({ id, username, role }, request.passphrase)
      const session = this.adminSession()
      const accounts = this.accounts(session)
      const account = session.db.transaction(() => {
        const added = accounts.insert({ id, username, displayName, role }, session.clock.now())
        session.audit.record('account.added', { type: 'account', id }, { role })
        return added
      })
      // After the commit: a keyring never holds a slot the trail does not record. If this write fails, the account
      // exists without a slot (it cannot sign in) until an admin resets its passphrase.
      this.keySlots.put(slot)
      return account
    })
  }

  /**
   * Mark the account disabled, then give the vault new keys (a rekey): their slot is not carried into the new
   * generation, so neither their passphrase nor any copy of the keyring they kept opens the current data. Backups
   * made before keep the keys of then. The last active admin stays.
   */
  disable(accountId: string, options: TRekeyOptions = {}): Promise<TStaffAccount> {
    return this.keySlots.exclusive(async () => {
      const session = this.adminSession()
      const accounts = this.accounts(session)
      const account = session.db.transaction(() => {
        const found = accounts.findById(accountId)
        if (found === null) throw noSuchAccount()
        if (found.status === 'disabled') return found
        if (found.role === 'admin' && accounts.activeAdminCount() <= 1) {
          throw new AppError(
            'CONFLICT',
            'This is the last active admin. Add another admin before disabling this one.',
          )
        }
        accounts.setStatus(accountId, 'disabled', session.clock.now())
        session.audit.record('account.disabled', { type: 'account', id: accountId })
        return accounts.findById(accountId) ?? found
      })
      // A crash or lock before the rekey switches is finished at the next admin unlock (heal-keyring.ts); meanwhile
      // the account is disabled, so its slot opens no session.
      await this.keySlots.rekey('account-disabled', options)
      return account
    })
  }

  /**
   * Give an active colleague another role. A promotion grants the new role's keys to their slot; a demotion gives
   * the vault new keys, since they may have kept the ones they no longer should have. The last active admin cannot
   * be demoted, and your own role is changed by another admin (so a session never keeps rights its account no longer
   * has).
   */
  changeRole(accountId: string, role: TRole, options: TRekeyOptions = {}): Promise<TStaffAccount> {
    return this.keySlots.exclusive(async () => {
      const session = this.adminSession()
      const accounts = this.accounts(session)
      const to = ZRoleSchema.parse(role)
      const before = accounts.findById(accountId)
      if (before === null || before.status !== 'active') throw noActiveAccount()
      if (before.role === to) return before
      if (before.role === 'admin' && accounts.activeAdminCount() <= 1) {
        throw new AppError(
          'CONFLICT',
          'This is the last active admin. Make another account an admin before changing this role.',
        )
      }
      if (before.id === session.staff.accountId) {
        throw new AppError('FORBIDDEN', 'Your own role is changed by another admin.')
      }
      const isPromotion = rankOf(to) > rankOf(before.role)
      // Checked before the change: a slot no admin endorsed gets no more keys.
      const promoted = isPromotion ? this.keySlots.regrant(accountId, to) : null
      const changed = session.db.transaction(() => {
        accounts.setRole(accountId, to, session.clock.now())
        session.audit.record(
          'account.role_changed',
          { type: 'account', id: accountId },
          { from: before.role, to },
        )
        return accounts.findById(accountId) ?? before
      })
      if (promoted !== null) this.keySlots.put(promoted)
      else await this.keySlots.rekey('role-lowered', options)
      return changed
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
      // A new key pair, endorsed and granted their role's keys: the admin never learns the colleague's private key.
      const slot = await this.keySlots.newStaffSlot(account, newPassphrase)
      const current = this.adminSession()
      const latest = current.db.transaction(() => {
        // Checked again after the KDF: the account may have been disabled meanwhile (its slot must not come back).
        const found = this.accounts(current).findById(accountId)
        if (found === null || found.status !== 'active' || found.role !== account.role)
          throw noActiveAccount()
        current.audit.record('account.passphrase_reset', { type: 'account', id: accountId })
        return found
      })
      this.keySlots.put(slot)
      return latest
    })
  }

  /**
   * Change the signed-in person's passphrase: checks the current one, rewrites only their slot. The one channel open
   * while an admin-chosen passphrase must be replaced (no role check): it is how that state ends, and the new one
   * must differ, so the admin who chose the first never knows the one in use.
   */
  changeOwnPassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.keySlots.exclusive(async () => {
      const { staff, passphraseChangePending } = this.sessions.require()
      ZPassphraseSchema.parse(newPassphrase)
      if (newPassphrase === currentPassphrase) {
        throw new AppError('CONFLICT', 'Choose a new passphrase, different from the current one.')
      }
      assertStrongPassphrase(newPassphrase, [staff.username, staff.displayName])
      const slot = await this.keySlots.resealOwnSlot(currentPassphrase, newPassphrase)
      const session = this.sessions.require()
      session.audit.record(
        'account.passphrase_changed',
        { type: 'account', id: staff.accountId },
        passphraseChangePending ? { replacedAdminChosen: true } : {},
      )
      this.keySlots.put(slot)
    })
  }

  private adminSession(): TSession {
    return sessionIn(this.sessions, ADMIN_ONLY, ONLY_ADMINS)
  }

  private accounts(session: TSession): AccountsRepository {
    return new AccountsRepository(session.db)
  }
}
