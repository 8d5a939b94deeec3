import { AppError } from '../../../shared/result'
import { CASEWORK_MIGRATIONS } from './casework-migrations'
import { MIGRATIONS, type TMigration } from './migrations'
import { readSchemaVersion, type TDatabase } from './open-database'

/** Throws unless versions go 1, 2, 3 … with no gap or repeat, so a mis-numbered file fails every test run. */
export function assertMigrationOrder(migrations: readonly TMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`,
      )
    }
  })
}

/** vault.db's newest schema version. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
/** casework.db's newest schema version (its own list, its own user_version). */
export const LATEST_CASEWORK_VERSION = CASEWORK_MIGRATIONS.length

/** Refuse a vault written by a newer app before anything writes to it. */
export function assertSchemaNotTooNew(version: number, latest = LATEST_SCHEMA_VERSION): void {
  if (version > latest) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer version of CCIJ Caseworker (schema ${version}; this app knows up to ${latest}). Update the app to open it; the vault was not changed.`,
    )
  }
}

/**
 * Bring the schema to `target` (default: latest): all pending steps in one transaction, so a crash
 * leaves the old schema or the new one. Returns the version the vault now has.
 */
export function migrate(
  db: TDatabase,
  target = LATEST_SCHEMA_VERSION,
  migrations: readonly TMigration[] = MIGRATIONS,
): number {
  assertMigrationOrder(migrations)
  const current = readSchemaVersion(db)
  assertSchemaNotTooNew(current, migrations.length)
  const pending = migrations.filter((migration) => migration.version > current && migration.version <= target)
  if (pending.length === 0) return current
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db)
      // Integer from our own list, never user input; pragmas cannot take bound values.
      db.pragma(`user_version = ${migration.version}`)
    }
  })()
  db.pragma('optimize')
  return readSchemaVersion(db)
}
