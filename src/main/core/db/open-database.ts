import Database from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../../../shared/result'
import { rawKeyText } from '../vault/vault-keys'

export type TDatabase = Database.Database

export type TOpenDatabaseOptions = {
  /** Path to the native addon built for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string
  /** Open without writing anything: used to look at a vault before deciding it may be changed. */
  readonly?: boolean
  /** Create the file if missing (only when creating a vault or a new generation of it). */
  create?: boolean
}

/**
 * casework.db's page cache for the app's reads, in KiB: 64 MiB of decrypted pages. Search at 100,000 cases reads
 * more pages than SQLite's default 16,000 KiB holds and decrypted them again on every search (p95 60 ms CPU with
 * this cache, 109 ms without: BENCHMARKS.md).
 */
export const CASEWORK_READ_CACHE_KIB = 65_536
/**
 * casework.db's page cache while an intakes import stages and commits its rows (`withCaseworkCache`): SQLite's
 * default. The import's pages are written once; with the read cache they filled it and took the import's whole run
 * from 287 to 322 MB (issue 9's target is ~300 MB).
 */
export const CASEWORK_IMPORT_CACHE_KIB = 16_000

const cannotOpen = (): AppError =>
  new AppError('INVALID_FILE', 'The vault database could not be opened with its key. It may be damaged.')

/**
 * Open a SQLCipher-4-compatible database with a raw 256-bit key and check the key by reading the schema. The key
 * reaches SQLite as `x'…'` text built in a Buffer that is zeroed at once (never a JavaScript string).
 */
export function openEncryptedDatabase(
  file: string,
  key: Buffer,
  options: TOpenDatabaseOptions = {},
): TDatabase {
  if (key.length !== 32) throw new AppError('INTERNAL', 'The vault key has the wrong length.')
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: !(options.create ?? false),
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  })
  const keyText = rawKeyText(key)
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.key(keyText)
    // Fails with SQLITE_NOTADB when the key does not decrypt page 1.
    db.prepare('SELECT count(*) AS count FROM sqlite_master').get()
  } catch {
    db.close()
    throw cannotOpen()
  } finally {
    keyText.fill(0)
  }
  return db
}

/**
 * Attach another encrypted database to `db` as `schema` (`casework`), keyed with its own key, bound as a value so
 * the key never appears in SQL text. Unqualified table names then find its tables.
 */
export function attachEncryptedDatabase(db: TDatabase, schema: 'casework', file: string, key: Buffer): void {
  const keyText = rawKeyText(key)
  try {
    db.prepare(`ATTACH DATABASE ? AS ${schema} KEY ?`).run(file, keyText)
    db.prepare(`SELECT count(*) FROM ${schema}.sqlite_master`).get()
  } catch {
    try {
      db.exec(`DETACH DATABASE ${schema}`)
    } catch {
      // Not attached: nothing to undo.
    }
    throw cannotOpen()
  } finally {
    keyText.fill(0)
  }
  applyVaultPragmas(db, schema)
}

/**
 * The pragmas every writable vault connection runs with (see DESIGN.md, security model), per schema.
 *
 * The journal is a rollback journal, not WAL: a transaction that writes vault.db and the attached casework.db (a case
 * change and its audit entry) is atomic across both files only with a rollback journal (SQLite's super-journal);
 * in WAL mode a crash can commit one file and not the other.
 */
export function applyVaultPragmas(db: TDatabase, schema = 'main'): void {
  db.pragma(`${schema}.journal_mode = DELETE`)
  db.pragma(`${schema}.synchronous = FULL`)
  db.pragma(`${schema}.secure_delete = ON`)
  if (schema !== 'main') {
    // Decrypted pages stay in the process's own memory, never written out (as vault.db's below).
    db.pragma(`${schema}.cache_size = -${CASEWORK_READ_CACHE_KIB}`)
    return
  }
  db.pragma('foreign_keys = ON')
  db.pragma('temp_store = MEMORY')
  db.pragma('mmap_size = 0')
  // Pages are decrypted on every read from disk: keep up to 64 MiB of them decrypted in memory (the process's own
  // memory, never written out) so the case list and search do not pay that again on every page.
  db.pragma('cache_size = -65536')
}

export function readSchemaVersion(db: TDatabase, schema = 'main'): number {
  return db.pragma(`${schema}.user_version`, { simple: true }) as number
}
