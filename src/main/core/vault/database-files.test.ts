import { randomBytes } from 'node:crypto'
import type * as Fs from 'node:fs'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type { TRecordedConnection } from '#test-support/recording-mocks'
import type * as OpenDatabase from '../db/open-database'
import { openEncryptedDatabase } from '../db/open-database'
import {
  compactSearchIndex,
  fsyncFile,
  rekeyDatabaseFile,
  removeDatabaseFile,
  removeGenerationFiles,
  sizeOf,
  snapshotDatabase,
} from './database-files'
import type * as VaultKeys from './vault-keys'
import { generationPaths, siblingFolder, vaultPaths } from './vault-paths'

/*
 * database-files.ts and vault-paths.ts alone, on small synthetic databases (no vault, no services: mutation testing
 * loads this file again for every mutant). Every fsync, every file handle, every connection and every key text is
 * recorded, since what these functions promise is that a copy is durable before anything names it, that nothing is
 * left open, and that no key text outlives its use.
 */

/** File operations in order: `fsync <name>` for each fsync (files and folders). */
const events = vi.hoisted(() => [] as string[])
/** Descriptors opened with openSync and not closed yet. */
const openFds = vi.hoisted(() => new Map<number, string>())
/** Every connection opened through openEncryptedDatabase, with its options. */
const connections = vi.hoisted(() => [] as TRecordedConnection[])
/** Every statement a connection ran through `pragma` or `exec`, as written. */
const statements = vi.hoisted(() => [] as string[])
/** Every key text built (`x'…'`), to check each is zeroed once used. */
const keyTexts = vi.hoisted(() => [] as Buffer[])

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof Fs>()
  return (await import('#test-support/recording-mocks')).withFdRecording(actual, openFds, (path) =>
    events.push(`fsync ${path === undefined ? '?' : actual.realpathSync(path).split('/').pop()}`),
  )
})

vi.mock('../db/open-database', async (importOriginal) =>
  (await import('#test-support/recording-mocks')).withConnectionRecording(
    await importOriginal<typeof OpenDatabase>(),
    connections,
    statements,
  ),
)

vi.mock('./vault-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof VaultKeys>()
  return {
    ...actual,
    rawKeyText: (key: Buffer) => {
      const text = actual.rawKeyText(key)
      keyTexts.push(text)
      return text
    },
  }
})

const root = tempFolderPerTest()
const KEY = randomBytes(32)
const OTHER_KEY = randomBytes(32)
/** A binding path that cannot load: a function that passes it on fails, one that drops it does not. */
const MISSING_BINDING = '/nonexistent/ccij-test/better_sqlite3.node'

beforeEach(() => {
  events.length = 0
  connections.length = 0
  statements.length = 0
  keyTexts.length = 0
})

/** A small encrypted database with `rows` synthetic rows; closed again. */
function makeDatabase(file: string, key: Buffer, rows = 3, journal: 'DELETE' | 'WAL' = 'DELETE'): void {
  const db = openEncryptedDatabase(file, key, { create: true })
  db.pragma(`journal_mode = ${journal}`)
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)')
  const insert = db.prepare('INSERT INTO item (label) VALUES (?)')
  for (let index = 0; index < rows; index++) insert.run(`synthetic item ${index}`)
  db.close()
  resetRecords()
}

function resetRecords(): void {
  events.length = 0
  connections.length = 0
  statements.length = 0
  keyTexts.length = 0
}

function labelsIn(file: string, key: Buffer): string[] {
  const db = openEncryptedDatabase(file, key, { readonly: true })
  try {
    return (db.prepare('SELECT label FROM item ORDER BY id').all() as { label: string }[]).map(
      (row) => row.label,
    )
  } finally {
    db.close()
  }
}

const everyConnectionClosed = () => connections.every((connection) => !connection.db.open)
const everyKeyTextZeroed = () => keyTexts.every((text) => text.every((byte) => byte === 0))

describe('vault-paths', () => {
  it('names the keyring, the throttle and the wave-1 database inside the vault folder', () => {
    expect(vaultPaths('/data/vault')).toStrictEqual({
      directory: '/data/vault',
      keyring: '/data/vault/keyring.json',
      throttle: '/data/vault/unlock-throttle.json',
      legacyDatabase: '/data/vault/vault.db',
    })
  })

  it('puts the files a keyring names inside the folder given', () => {
    expect(
      generationPaths('/data/vault', {
        vault: 'vault-g3.db',
        casework: 'casework-g3.db',
        anchor: 'audit-anchor-g3.json',
      }),
    ).toStrictEqual({
      vault: '/data/vault/vault-g3.db',
      casework: '/data/vault/casework-g3.db',
      anchor: '/data/vault/audit-anchor-g3.json',
    })
  })

  it('makes a fresh hidden sibling folder name that says its purpose', () => {
    const first = siblingFolder('/data/vault', 'restoring')
    expect(first).toMatch(/^\/data\/\.vault\.restoring-[0-9a-f]{12}$/)
    expect(siblingFolder('/data/vault', 'creating')).toMatch(/^\/data\/\.vault\.creating-[0-9a-f]{12}$/)
    expect(siblingFolder('/data/vault', 'restoring')).not.toBe(first)
  })
})

describe('fsyncFile', () => {
  it('syncs the file and closes its handle', () => {
    const file = join(root(), 'note.bin')
    writeFileSync(file, 'synthetic')
    fsyncFile(file)
    expect(events).toStrictEqual(['fsync note.bin'])
    expect([...openFds.values()]).toStrictEqual([])
  })
})

describe('snapshotDatabase', () => {
  it('copies the database under the same key, read-only, then syncs the copy', () => {
    const source = join(root(), 'source.db')
    const copy = join(root(), 'copy.db')
    makeDatabase(source, KEY)
    snapshotDatabase(source, KEY, copy)
    expect(connections.map((connection) => [basename(connection.file), connection.options])).toStrictEqual([
      ['source.db', { readonly: true }],
    ])
    expect(everyConnectionClosed()).toBe(true)
    expect(events).toStrictEqual(['fsync copy.db'])
    expect(everyKeyTextZeroed()).toBe(true)
    expect(labelsIn(copy, KEY)).toStrictEqual(['synthetic item 0', 'synthetic item 1', 'synthetic item 2'])
    expect(codeOf(() => labelsIn(copy, OTHER_KEY))).toBe('INVALID_FILE')
  })

  it('opens the source with the native module it is given', () => {
    const source = join(root(), 'source.db')
    makeDatabase(source, KEY)
    expect(() => snapshotDatabase(source, KEY, join(root(), 'copy.db'), MISSING_BINDING)).toThrow()
    expect(existsSync(join(root(), 'copy.db'))).toBe(false)
  })

  it('closes the source connection when the copy fails, and leaves no copy', () => {
    const source = join(root(), 'source.db')
    makeDatabase(source, KEY)
    // VACUUM INTO refuses a target that exists and is not empty.
    const copy = join(root(), 'copy.db')
    writeFileSync(copy, 'synthetic bytes that are not a database')
    expect(() => snapshotDatabase(source, KEY, copy)).toThrow()
    expect(connections).toHaveLength(1)
    expect(everyConnectionClosed()).toBe(true)
    expect(events).toStrictEqual([])
  })
})

describe('compactSearchIndex', () => {
  /** A contentless FTS5 index like casework.db's, filled in several transactions (one segment each). */
  function makeIndex(file: string): void {
    const db = openEncryptedDatabase(file, KEY, { create: true })
    db.exec(
      "CREATE VIRTUAL TABLE case_search USING fts5 (names, notes, content = '', contentless_delete = 1)",
    )
    db.exec("INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1)")
    const insert = db.prepare('INSERT INTO case_search (rowid, names, notes) VALUES (?, ?, ?)')
    for (let batch = 0; batch < 3; batch++) {
      db.transaction(() => {
        for (let row = 0; row < 300; row++) {
          const id = batch * 300 + row + 1
          insert.run(id, `synthetic name ${id}`, `synthetic note ${'word '.repeat(40)}${id}`)
        }
      })()
    }
    db.prepare('DELETE FROM case_search WHERE rowid > 100').run()
    db.close()
    resetRecords()
  }

  const look = (file: string) => {
    const db = openEncryptedDatabase(file, KEY, { readonly: true })
    try {
      return {
        freePages: db.pragma('freelist_count', { simple: true }) as number,
        hits: (
          db.prepare("SELECT count(*) AS n FROM case_search WHERE case_search MATCH 'synthetic'").get() as {
            n: number
          }
        ).n,
      }
    } finally {
      db.close()
    }
  }

  it('merges the index into one segment with secure delete on, and compacts the file', () => {
    const file = join(root(), 'casework.db')
    makeIndex(file)
    const before = look(file)
    expect(before.freePages).toBeGreaterThan(0)
    resetRecords()
    compactSearchIndex(file, KEY)
    expect(statements).toStrictEqual([
      'secure_delete = ON',
      "INSERT INTO case_search (case_search) VALUES ('optimize')",
      'VACUUM',
    ])
    expect(connections.map((connection) => connection.options)).toStrictEqual([{}])
    expect(everyConnectionClosed()).toBe(true)
    const after = look(file)
    expect(after.hits).toBe(100)
    expect(after.freePages).toBe(0)
  })

  it('opens the file with the native module it is given', () => {
    const file = join(root(), 'casework.db')
    makeIndex(file)
    expect(() => compactSearchIndex(file, KEY, MISSING_BINDING)).toThrow()
  })

  it('closes its connection when the file has no search index', () => {
    const file = join(root(), 'plain.db')
    makeDatabase(file, KEY)
    expect(() => compactSearchIndex(file, KEY)).toThrow()
    expect(connections).toHaveLength(1)
    expect(everyConnectionClosed()).toBe(true)
  })
})

describe('rekeyDatabaseFile', () => {
  it('re-encrypts every page under the new key (even a WAL file), syncs it, and zeroes the key text', () => {
    const file = join(root(), 'copy.db')
    makeDatabase(file, KEY, 50, 'WAL')
    rekeyDatabaseFile(file, KEY, OTHER_KEY)
    expect(connections.map((connection) => connection.options)).toStrictEqual([{}])
    expect(everyConnectionClosed()).toBe(true)
    expect(events).toStrictEqual(['fsync copy.db'])
    // openEncryptedDatabase's own key text and the new key's.
    expect(keyTexts).toHaveLength(2)
    expect(everyKeyTextZeroed()).toBe(true)
    expect(labelsIn(file, OTHER_KEY)).toHaveLength(50)
    expect(codeOf(() => labelsIn(file, KEY))).toBe('INVALID_FILE')
  })

  it('opens the file with the native module it is given', () => {
    const file = join(root(), 'copy.db')
    makeDatabase(file, KEY)
    expect(() => rekeyDatabaseFile(file, KEY, OTHER_KEY, MISSING_BINDING)).toThrow()
    expect(labelsIn(file, KEY)).toHaveLength(3)
  })

  it('zeroes the new key text and closes the connection when the rekey fails', () => {
    const file = join(root(), 'copy.db')
    makeDatabase(file, KEY)
    const db = openEncryptedDatabase(file, KEY)
    // An open write transaction on another connection: the rekey cannot take the lock it needs.
    db.exec('BEGIN IMMEDIATE')
    resetRecords()
    try {
      expect(() => rekeyDatabaseFile(file, KEY, OTHER_KEY)).toThrow()
    } finally {
      db.exec('ROLLBACK')
      db.close()
    }
    expect(connections).toHaveLength(1)
    expect(everyConnectionClosed()).toBe(true)
    expect(keyTexts).toHaveLength(2)
    expect(everyKeyTextZeroed()).toBe(true)
    expect(events).toStrictEqual([])
    expect(labelsIn(file, KEY)).toHaveLength(3)
  })
})

describe('removing files', () => {
  it('removes a database file with its journal, WAL and shared-memory files, and nothing else', () => {
    const file = join(root(), 'vault-g2.db')
    for (const side of ['', '-journal', '-wal', '-shm', '-other']) writeFileSync(`${file}${side}`, 'x')
    removeDatabaseFile(file)
    expect(readdirSync(root())).toStrictEqual(['vault-g2.db-other'])
    // Already gone: not an error.
    expect(() => removeDatabaseFile(file)).not.toThrow()
  })

  it("removes one generation's files, then syncs the folder", () => {
    const folder = join(root(), 'vault')
    mkdirSync(folder)
    const paths = generationPaths(folder, {
      vault: 'vault-g2.db',
      casework: 'casework-g2.db',
      anchor: 'audit-anchor-g2.json',
    })
    for (const file of [paths.vault, `${paths.vault}-journal`, paths.casework, `${paths.casework}-wal`])
      writeFileSync(file, 'x')
    writeFileSync(paths.anchor, '{}')
    writeFileSync(join(folder, 'keyring.json'), '{}')
    removeGenerationFiles(paths, folder)
    expect(readdirSync(folder)).toStrictEqual(['keyring.json'])
    expect(events).toStrictEqual(['fsync vault'])
    expect([...openFds.values()]).toStrictEqual([])
    // Already gone: not an error.
    expect(() => removeGenerationFiles(paths, folder)).not.toThrow()
  })

  it('sizes a file, and a missing one as 0', () => {
    const file = join(root(), 'sized.bin')
    writeFileSync(file, Buffer.alloc(1234))
    expect(sizeOf(file)).toBe(1234)
    expect(sizeOf(join(root(), 'missing.bin'))).toBe(0)
  })
})
