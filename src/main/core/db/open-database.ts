import Database from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../../../shared/result'

export type TDatabase = Database.Database

export type TOpenDatabaseOptions = {
  /** Path to the native addon built for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string
  /** Open without writing anything: used to look at a vault before deciding it may be changed. */
  readonly?: boolean
  /** Create the file if missing (only when creating or restoring a vault). */
  create?: boolean
}

/**
 * Open the SQLCipher-4-compatible database with the raw 256-bit master key and check the key by
 * reading the schema. The key goes in as hex because that is the only form the pragma takes.
 */
export function openEncryptedDatabase(
  file: string,
  masterKey: Buffer,
  options: TOpenDatabaseOptions = {},
): TDatabase {
  if (masterKey.length !== 32) throw new AppError('INTERNAL', 'The vault key has the wrong length.')
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: !(options.create ?? false),
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  })
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.pragma(`key="x'${masterKey.toString('hex')}'"`)
    // Fails with SQLITE_NOTADB when the key does not decrypt page 1.
    db.prepare('SELECT count(*) AS count FROM sqlite_master').get()
  } catch {
    db.close()
    throw new AppError(
      'INVALID_FILE',
      'The vault database could not be opened with its key. It may be damaged.',
    )
  }
  return db
}

/** The pragmas every writable vault connection runs with (see DESIGN.md, security model). */
export function applyVaultPragmas(db: TDatabase): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('secure_delete = ON')
  db.pragma('temp_store = MEMORY')
  db.pragma('mmap_size = 0')
  // Pages are decrypted on every read from disk: keep up to 64 MiB of them decrypted in memory (the process's own
  // memory, never written out) so the case list and search do not pay that again on every page.
  db.pragma('cache_size = -65536')
}

export function readSchemaVersion(db: TDatabase): number {
  return db.pragma('user_version', { simple: true }) as number
}
