import type { TWritableDb } from './connection'
import { sql } from './sql'

export type TVaultMeta = {
  organizationName: string
  createdAt: string
  /** ISO 8601; null while the current recovery key has not been confirmed as stored (or after it was used). */
  recoveryKeyConfirmedAt: string | null
}

type TMetaRow = { organization_name: string; created_at: string; recovery_key_confirmed_at: string | null }

/** The single row describing the vault: whose it is, when it began, and whether its recovery key is on paper. */
export class VaultMetaRepository {
  constructor(private readonly db: TWritableDb) {}

  get(): TVaultMeta | null {
    const row = this.db.get<TMetaRow>(
      sql`SELECT organization_name, created_at, recovery_key_confirmed_at FROM vault_meta WHERE id = 1`,
    )
    return row === undefined
      ? null
      : {
          organizationName: row.organization_name,
          createdAt: row.created_at,
          recoveryKeyConfirmedAt: row.recovery_key_confirmed_at,
        }
  }

  create(organizationName: string, at = new Date()): void {
    this.db.run(
      sql`INSERT INTO vault_meta (id, organization_name, created_at) VALUES (1, ${organizationName}, ${at.toISOString()})`,
    )
  }

  /** `at` marks the current recovery key as confirmed; null marks it as not (new, replaced or used). */
  setRecoveryKeyConfirmedAt(at: Date | null): void {
    this.db.run(
      sql`UPDATE vault_meta SET recovery_key_confirmed_at = ${at === null ? null : at.toISOString()} WHERE id = 1`,
    )
  }
}
