import { existsSync, rmSync, statSync } from 'node:fs'
import { assertSchemaNotTooNew, migrate } from '../db/migrate'
import {
  applyVaultPragmas,
  openEncryptedDatabase,
  readSchemaVersion,
  type TDatabase,
} from '../db/open-database'

/**
 * Open a vault's database for use: look first through a read-only connection so that a vault from a
 * newer app is refused without one byte written, then open it for writing and bring the schema up to date.
 */
export function openVaultDatabase(file: string, masterKey: Buffer, nativeBinding?: string): TDatabase {
  assertSchemaNotTooNew(peekSchemaVersion(file, masterKey, nativeBinding))
  return readyForUse(openEncryptedDatabase(file, masterKey, bindingOption(nativeBinding)))
}

/**
 * The schema version, read through a read-only connection. A read-only connection to a WAL database
 * still creates empty `-wal`/`-shm` side files and cannot delete them; remove them again when they
 * were not there before and hold nothing, so a refused vault is left exactly as it was.
 */
export function peekSchemaVersion(file: string, masterKey: Buffer, nativeBinding?: string): number {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((side) => !existsSync(side))
  const probe = openEncryptedDatabase(file, masterKey, { readonly: true, ...bindingOption(nativeBinding) })
  try {
    return readSchemaVersion(probe)
  } finally {
    probe.close()
    const wal = `${file}-wal`
    const walIsEmpty = !existsSync(wal) || statSync(wal).size === 0
    if (walIsEmpty) for (const side of sideFiles) rmSync(side, { force: true })
  }
}

/** Create a new, empty vault database file and give it the current schema. */
export function createVaultDatabase(file: string, masterKey: Buffer, nativeBinding?: string): TDatabase {
  return readyForUse(
    openEncryptedDatabase(file, masterKey, { create: true, ...bindingOption(nativeBinding) }),
  )
}

/** The vault's pragmas and the current schema on a freshly opened connection; closed again if either fails. */
function readyForUse(db: TDatabase): TDatabase {
  try {
    applyVaultPragmas(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

const bindingOption = (nativeBinding: string | undefined): { nativeBinding?: string } =>
  nativeBinding === undefined ? {} : { nativeBinding }

/** SQLite's own consistency check; ['ok'] when the file is sound. */
export function integrityCheck(db: TDatabase): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check)
}
