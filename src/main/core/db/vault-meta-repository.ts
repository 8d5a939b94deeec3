import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { TDatabase } from './open-database'

export type TVaultMeta = { organizationName: string; createdAt: string }

/** The single row describing the vault: whose it is and when it began. */
export class VaultMetaRepository {
  private readonly selectMeta: Statement<[], { organization_name: string; created_at: string }>
  private readonly insertMeta: Statement<{ organization_name: string; created_at: string }>

  constructor(db: TDatabase) {
    this.selectMeta = db.prepare('SELECT organization_name, created_at FROM vault_meta WHERE id = 1')
    this.insertMeta = db.prepare(
      'INSERT INTO vault_meta (id, organization_name, created_at) VALUES (1, @organization_name, @created_at)',
    )
  }

  get(): TVaultMeta | null {
    const row = this.selectMeta.get()
    return row === undefined ? null : { organizationName: row.organization_name, createdAt: row.created_at }
  }

  create(organizationName: string, at = new Date()): void {
    this.insertMeta.run({ organization_name: organizationName, created_at: at.toISOString() })
  }
}
