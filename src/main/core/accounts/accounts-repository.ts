import type { TStaffAccount } from '../../../shared/contract/accounts'
import type { TRole } from '../../../shared/roles'
import type { TReadableDb, TWritableDb } from '../db/connection'
import { sql, sqlList } from '../db/sql'

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

/** Who is on staff, for every feature that names staff members: read-only. */
export class StaffDirectory {
  constructor(protected readonly db: TReadableDb) {}

  list(): TStaffAccount[] {
    return this.db
      .all<TAccountRow>(sql`SELECT * FROM staff_accounts ORDER BY username COLLATE NOCASE`)
      .map(toAccount)
  }

  findById(id: string): TStaffAccount | null {
    const row = this.db.get<TAccountRow>(sql`SELECT * FROM staff_accounts WHERE id = ${id}`)
    return row === undefined ? null : toAccount(row)
  }

  findByUsername(username: string): TStaffAccount | null {
    const row = this.db.get<TAccountRow>(
      sql`SELECT * FROM staff_accounts WHERE username = ${username} COLLATE NOCASE`,
    )
    return row === undefined ? null : toAccount(row)
  }

  /** Every account's display name by id, disabled ones too: what they wrote earlier still names them. */
  displayNames(): Map<string, string> {
    const rows = this.db.all<{ id: string; display_name: string }>(
      sql`SELECT id, display_name FROM staff_accounts`,
    )
    return new Map(rows.map((row) => [row.id, row.display_name]))
  }

  /** Active staff in one of `roles`, by display name (who a case can be assigned to, for example). */
  activeInRoles(roles: readonly TRole[]): { accountId: string; displayName: string }[] {
    if (roles.length === 0) return []
    return this.db
      .all<{ id: string; display_name: string }>(
        sql`SELECT id, display_name FROM staff_accounts
            WHERE status = 'active' AND role IN ${sqlList(roles)} ORDER BY display_name COLLATE NOCASE`,
      )
      .map((row) => ({ accountId: row.id, displayName: row.display_name }))
  }

  activeAdminCount(): number {
    return (
      this.db.value<number>(
        sql`SELECT count(*) FROM staff_accounts WHERE role = 'admin' AND status = 'active'`,
      ) ?? 0
    )
  }
}

/** Staff accounts: who may sign in and with which role. Their key slots live in the keyring. */
export class AccountsRepository extends StaffDirectory {
  constructor(protected override readonly db: TWritableDb) {
    super(db)
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
    this.db.run(
      sql`INSERT INTO staff_accounts (id, username, display_name, role, status, created_at, updated_at)
          VALUES (${row.id}, ${row.username}, ${row.display_name}, ${row.role}, ${row.status}, ${now}, ${now})`,
    )
    return toAccount(row)
  }

  setStatus(id: string, status: 'active' | 'disabled', at = new Date()): void {
    this.db.run(
      sql`UPDATE staff_accounts SET status = ${status}, updated_at = ${at.toISOString()} WHERE id = ${id}`,
    )
  }

  setRole(id: string, role: TRole, at = new Date()): void {
    this.db.run(
      sql`UPDATE staff_accounts SET role = ${role}, updated_at = ${at.toISOString()} WHERE id = ${id}`,
    )
  }
}
