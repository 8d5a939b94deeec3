import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { TStaffAccount } from '../../../shared/contract/accounts'
import type { TRole } from '../../../shared/roles'
import type { TDatabase } from './open-database'

type TAccountRow = {
  id: string
  username: string
  display_name: string
  role: TRole
  status: 'active' | 'disabled'
  created_at: string
  updated_at: string
}

const toAccount = (row: TAccountRow): TStaffAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

/** Staff accounts: who may sign in and with which role. Their key slots live in the keyring. */
export class AccountsRepository {
  private readonly selectAll: Statement<[], TAccountRow>
  private readonly selectById: Statement<[string], TAccountRow>
  private readonly selectByUsername: Statement<[string], TAccountRow>
  private readonly insertRow: Statement<TAccountRow>
  private readonly updateStatus: Statement<{ id: string; status: string; updated_at: string }>
  private readonly countActiveAdmins: Statement<[], { count: number }>
  private readonly updateRole: Statement<{ id: string; role: string; updated_at: string }>

  constructor(db: TDatabase) {
    this.selectAll = db.prepare('SELECT * FROM staff_accounts ORDER BY username COLLATE NOCASE')
    this.selectById = db.prepare('SELECT * FROM staff_accounts WHERE id = ?')
    this.selectByUsername = db.prepare('SELECT * FROM staff_accounts WHERE username = ? COLLATE NOCASE')
    this.insertRow = db.prepare(`
      INSERT INTO staff_accounts (id, username, display_name, role, status, created_at, updated_at)
      VALUES (@id, @username, @display_name, @role, @status, @created_at, @updated_at)`)
    this.updateStatus = db.prepare(
      'UPDATE staff_accounts SET status = @status, updated_at = @updated_at WHERE id = @id',
    )
    this.updateRole = db.prepare(
      'UPDATE staff_accounts SET role = @role, updated_at = @updated_at WHERE id = @id',
    )
    this.countActiveAdmins = db.prepare(
      "SELECT count(*) AS count FROM staff_accounts WHERE role = 'admin' AND status = 'active'",
    )
  }

  list(): TStaffAccount[] {
    return this.selectAll.all().map(toAccount)
  }

  findById(id: string): TStaffAccount | null {
    const row = this.selectById.get(id)
    return row === undefined ? null : toAccount(row)
  }

  findByUsername(username: string): TStaffAccount | null {
    const row = this.selectByUsername.get(username)
    return row === undefined ? null : toAccount(row)
  }

  insert(
    account: { id: string; username: string; displayName: string; role: TRole },
    at = new Date(),
  ): TStaffAccount {
    const now = at.toISOString()
    const row: TAccountRow = {
      id: account.id,
      username: account.username,
      display_name: account.displayName,
      role: account.role,
      status: 'active',
      created_at: now,
      updated_at: now,
    }
    this.insertRow.run(row)
    return toAccount(row)
  }

  setStatus(id: string, status: 'active' | 'disabled', at = new Date()): void {
    this.updateStatus.run({ id, status, updated_at: at.toISOString() })
  }

  setRole(id: string, role: TRole, at = new Date()): void {
    this.updateRole.run({ id, role, updated_at: at.toISOString() })
  }

  activeAdminCount(): number {
    return this.countActiveAdmins.get()?.count ?? 0
  }
}
