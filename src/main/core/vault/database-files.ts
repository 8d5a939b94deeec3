import { closeSync, existsSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs'
import { openEncryptedDatabase } from '../db/open-database'
import { fsyncDirectory } from '../fs/atomic-write'
import type { TGenerationPaths } from './vault-paths'
import { rawKeyText } from './vault-keys'

/** fsync one file, so what was written to it survives power loss before anything names it. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * A consistent copy of a database file into `target`, under the same key (VACUUM INTO on a read-only connection of
 * its own). Never `VACUUM casework INTO` on the session's connection: SQLite3MC encrypts that copy with the MAIN
 * database's key, which would put survivor data on disk under the key every role holds.
 */
export function snapshotDatabase(file: string, key: Buffer, target: string, nativeBinding?: string): void {
  const db = openEncryptedDatabase(file, key, {
    readonly: true,
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  })
  try {
    db.prepare('VACUUM INTO ?').run(target)
  } finally {
    db.close()
  }
  fsyncFile(target)
}

/**
 * Merge casework.db's search index into one segment and compact the file: FTS5's secure-delete removes a deleted or
 * edited case's entries at once, but a word can stay behind as an empty key until segments merge. Run on each new
 * generation's copy, so a rekey also leaves no old word behind.
 */
export function compactSearchIndex(file: string, key: Buffer, nativeBinding?: string): void {
  const db = openEncryptedDatabase(file, key, nativeBinding === undefined ? {} : { nativeBinding })
  try {
    db.pragma('secure_delete = ON')
    db.exec("INSERT INTO case_search (case_search) VALUES ('optimize')")
    db.exec('VACUUM')
  } finally {
    db.close()
  }
}

/**
 * Re-encrypt a database file that nothing else uses (a fresh copy of a generation) from `oldKey` to `newKey`, every
 * page, then fsync it. A crash halfway leaves a file the keyring does not name, deleted at the next start.
 */
export function rekeyDatabaseFile(
  file: string,
  oldKey: Buffer,
  newKey: Buffer,
  nativeBinding?: string,
): void {
  const db = openEncryptedDatabase(file, oldKey, nativeBinding === undefined ? {} : { nativeBinding })
  const keyText = rawKeyText(newKey)
  try {
    // SQLite refuses to rekey in WAL mode; a copy made by VACUUM INTO is in rollback-journal mode already.
    db.pragma('journal_mode = DELETE')
    db.rekey(keyText)
  } finally {
    keyText.fill(0)
    db.close()
  }
  fsyncFile(file)
}

/** Delete a database file with its side files (journal, WAL). */
export function removeDatabaseFile(file: string): void {
  for (const side of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${side}`, { force: true })
}

/** Delete every file of one generation (after the keyring switched away from it, or when a rekey was abandoned). */
export function removeGenerationFiles(paths: TGenerationPaths, directory: string): void {
  removeDatabaseFile(paths.vault)
  removeDatabaseFile(paths.casework)
  rmSync(paths.anchor, { force: true })
  fsyncDirectory(directory)
}

/** Size in bytes of a file, 0 when missing. */
export const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0)
