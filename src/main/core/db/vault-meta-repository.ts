import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { TDatabase } from './open-database'

export type TVaultMeta = {
  organizationName: string
  createdAt: string
  /** ISO 8601; null while the current recovery key has not been confirmed as stored (or after it was used). */
  recoveryKeyConfirmedAt: string | null
}

type TMetaRow = { organization_name: string; created_at: string; recovery_key_confirmed_at: string | null }

/** The single row describing the vault: whose it is, when it began, and whether its recovery key is on paper. */
export class VaultMetaRepository {
  private readonly selectMeta: Statement<[], TMetaRow>
  private readonly insertMeta: Statement<{ organization_name: string; created_at: string }>
  private readonly updateConfirmed: Statement<{ at: string | null }>

  constructor(db: TDatabase) {
    this.selectMeta = db.prepare(
      'SELECT organization_name, created_at, recovery_key_confirmed_at FROM vault_meta WHERE id = 1',
    )
    this.insertMeta = db.prepare(
      'INSERT INTO vault_meta (id, organization_name, created_at) VALUES (1, @organization_name, @created_at)',
    )
    this.updateConfirmed = db.prepare('UPDATE vault_meta SET recovery_key_confirmed_at = @at WHERE id = 1')
  }

  get(): TVaultMeta | null {
    const row = this.selectMeta.get()
    return row === undefined
      ? null
      : {
          organizationName: row.organization_name,
          createdAt: row.created_at,
          recoveryKeyConfirmedAt: row.recovery_key_confirmed_at,
        }
  }

  create(organizationName: string, at = new Date()): void {
    this.insertMeta.run({ organization_name: organizationName, created_at: at.toISOString() })
  }

  /** `at` marks the current recovery key as confirmed; null marks it as not (new, replaced or used). */
  setRecoveryKeyConfirmedAt(at: Date | null): void {
    this.updateConfirmed.run({ at: at === null ? null : at.toISOString() })
  }
}
