import { existsSync, rmSync, statSync } from 'node:fs'
import { CASEWORK_MIGRATIONS } from '../db/casework-migrations'
import { assertSchemaNotTooNew, migrate } from '../db/migrate'
import { MIGRATIONS, type TMigration } from '../db/migrations'
import {
  applyVaultPragmas,
  openEncryptedDatabase,
  readSchemaVersion,
  type TDatabase,
} from '../db/open-database'

/** Which of the vault's two databases, with its own migration list. */
export type TVaultDatabaseKind = 'vault' | 'casework'

const MIGRATIONS_OF: Record<TVaultDatabaseKind, readonly TMigration[]> = {
  vault: MIGRATIONS,
  casework: CASEWORK_MIGRATIONS,
}

/**
 * Open one of the vault's databases for use: look first through a read-only connection so that a file from a
 * newer app is refused without one byte written, then open it for writing and bring its schema up to date (up to
 * `target`, for the upgrade of a wave-1 vault).
 */
export function openVaultDatabase(
  file: string,
  key: Buffer,
  nativeBinding?: string,
  kind: TVaultDatabaseKind = 'vault',
  target?: number,
): TDatabase {
  const migrations = MIGRATIONS_OF[kind]
  if (hasHotJournal(file)) {
    // A crash cut a transaction short: a read-only connection cannot roll it back, so open for writing (SQLite
    // restores the pages from the journal on the first read), then look at the version before anything else.
    const db = openEncryptedDatabase(file, key, bindingOption(nativeBinding))
    try {
      assertSchemaNotTooNew(readSchemaVersion(db), migrations.length)
    } catch (error) {
      db.close()
      throw error
    }
    return readyForUse(db, migrations, target)
  }
  assertSchemaNotTooNew(peekSchemaVersion(file, key, nativeBinding), migrations.length)
  return readyForUse(openEncryptedDatabase(file, key, bindingOption(nativeBinding)), migrations, target)
}

/** A rollback journal left by a crash mid-transaction (an empty one is not hot). */
const hasHotJournal = (file: string): boolean =>
  existsSync(`${file}-journal`) && statSync(`${file}-journal`).size > 0

/**
 * The schema version, read through a read-only connection. A read-only connection to a WAL database (a wave-1
 * vault) still creates empty `-wal`/`-shm` side files and cannot delete them; remove them again when they were not
 * there before and hold nothing, so a refused vault is left exactly as it was.
 */
export function peekSchemaVersion(file: string, key: Buffer, nativeBinding?: string): number {
  return lookAtReadOnly(file, key, nativeBinding, (probe) => readSchemaVersion(probe))
}

/** `look` at the database through a read-only connection, leaving the file and its folder exactly as they were. */
export function lookAtReadOnly<T>(
  file: string,
  key: Buffer,
  nativeBinding: string | undefined,
  look: (db: TDatabase) => T,
): T {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((side) => !existsSync(side))
  const probe = openEncryptedDatabase(file, key, { readonly: true, ...bindingOption(nativeBinding) })
  try {
    return look(probe)
  } finally {
    probe.close()
    const wal = `${file}-wal`
    const walIsEmpty = !existsSync(wal) || statSync(wal).size === 0
    if (walIsEmpty) for (const side of sideFiles) rmSync(side, { force: true })
  }
}

/** Create a new, empty database file of `kind` and give it the current schema. */
export function createVaultDatabase(
  file: string,
  key: Buffer,
  nativeBinding?: string,
  kind: TVaultDatabaseKind = 'vault',
  target?: number,
): TDatabase {
  return readyForUse(
    openEncryptedDatabase(file, key, { create: true, ...bindingOption(nativeBinding) }),
    MIGRATIONS_OF[kind],
    target,
  )
}

/** The vault's pragmas and the schema on a freshly opened connection; closed again if either fails. */
function readyForUse(
  db: TDatabase,
  migrations: readonly TMigration[],
  target = migrations.length,
): TDatabase {
  try {
    applyVaultPragmas(db)
    migrate(db, target, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export const bindingOption = (nativeBinding: string | undefined): { nativeBinding?: string } =>
  nativeBinding === undefined ? {} : { nativeBinding }

/** SQLite's own consistency check of one schema; ['ok'] when the file is sound. */
export function integrityCheck(db: TDatabase, schema = 'main'): string[] {
  return (db.pragma(`${schema}.integrity_check`) as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  )
}
