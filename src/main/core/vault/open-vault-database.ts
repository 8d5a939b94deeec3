import { assertSchemaNotTooNew, migrate } from '../db/migrate'
import { applyVaultPragmas, openEncryptedDatabase, readSchemaVersion, type TDatabase } from '../db/open-database'

/**
 * Open a vault's database for use: look first through a read-only connection so that a vault from a
 * newer app is refused without one byte written, then open it for writing and bring the schema up to date.
 */
export function openVaultDatabase(file: string, masterKey: Buffer, nativeBinding?: string): TDatabase {
  const binding = nativeBinding === undefined ? {} : { nativeBinding }
  const probe = openEncryptedDatabase(file, masterKey, { readonly: true, ...binding })
  try {
    assertSchemaNotTooNew(readSchemaVersion(probe))
  } finally {
    probe.close()
  }
  const db = openEncryptedDatabase(file, masterKey, binding)
  try {
    applyVaultPragmas(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Create a new, empty vault database file and give it the current schema. */
export function createVaultDatabase(file: string, masterKey: Buffer, nativeBinding?: string): TDatabase {
  const db = openEncryptedDatabase(file, masterKey, { create: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) })
  try {
    applyVaultPragmas(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** SQLite's own consistency check; ['ok'] when the file is sound. */
export function integrityCheck(db: TDatabase): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check)
}
