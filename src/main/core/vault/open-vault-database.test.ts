import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type { TRecordedConnection } from '#test-support/recording-mocks'
import { CASEWORK_MIGRATIONS } from '../db/casework-migrations'
import { MIGRATIONS } from '../db/migrations'
import type * as OpenDatabase from '../db/open-database'
import { openEncryptedDatabase, readSchemaVersion } from '../db/open-database'
import {
  bindingOption,
  createVaultDatabase,
  integrityCheck,
  lookAtReadOnly,
  openVaultDatabase,
  peekSchemaVersion,
} from './open-vault-database'

/*
 * open-vault-database.ts alone, on small synthetic databases (no vault, no services): a newer app's file refused with
 * nothing written, a crash's hot journal rolled back, each kind's own migrations, the vault's pragmas, and every
 * connection closed again when it is refused.
 */

/** Every connection opened through openEncryptedDatabase, with its options. */
const connections = vi.hoisted(() => [] as TRecordedConnection[])

vi.mock('../db/open-database', async (importOriginal) =>
  (await import('#test-support/recording-mocks')).withConnectionRecording(
    await importOriginal<typeof OpenDatabase>(),
    connections,
  ),
)

const root = tempFolderPerTest()
const KEY = randomBytes(32)
/** A binding path that cannot load: a function that passes it on fails, one that drops it does not. */
const MISSING_BINDING = '/nonexistent/ccij-test/better_sqlite3.node'

beforeEach(() => {
  connections.length = 0
})

const everyConnectionClosed = () => connections.every((connection) => !connection.db.open)
const filesIn = (folder: string) => readdirSync(folder).sort()
const countOf = (db: { prepare(sql: string): { get(): unknown } }) =>
  (db.prepare('SELECT count(*) AS n FROM item').get() as { n: number }).n

/** A synthetic database with one table of `rows` rows, at schema version `version`; closed again. */
function makeDatabase(
  file: string,
  options: { rows?: number; version?: number; journal?: 'DELETE' | 'WAL' } = {},
): void {
  const db = openEncryptedDatabase(file, KEY, { create: true })
  db.pragma(`journal_mode = ${options.journal ?? 'DELETE'}`)
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)')
  const insert = db.prepare('INSERT INTO item (label) VALUES (?)')
  for (let index = 0; index < (options.rows ?? 3); index++) insert.run(`synthetic item ${index}`)
  db.pragma(`user_version = ${options.version ?? 0}`)
  db.close()
  connections.length = 0
}

/**
 * `crashed`: a copy of `file` and its rollback journal taken in the middle of a large transaction (pages already
 * spilled into the file), as a power cut would leave them.
 */
function crashMidTransaction(file: string, crashed: string): void {
  const db = openEncryptedDatabase(file, KEY)
  db.pragma('cache_size = 10')
  db.exec('BEGIN')
  const insert = db.prepare('INSERT INTO item (label) VALUES (?)')
  for (let index = 0; index < 2000; index++) insert.run(`synthetic half-written ${'x'.repeat(200)} ${index}`)
  db.prepare('DELETE FROM item WHERE id = 1').run()
  copyFileSync(file, crashed)
  copyFileSync(`${file}-journal`, `${crashed}-journal`)
  db.exec('ROLLBACK')
  db.close()
  connections.length = 0
  expect(statSync(`${crashed}-journal`).size).toBeGreaterThan(0)
}

describe('createVaultDatabase', () => {
  it("creates a vault database with vault.db's schema, the vault's pragmas and no journal left", () => {
    const file = join(root(), 'vault.db')
    const db = createVaultDatabase(file, KEY)
    try {
      expect(readSchemaVersion(db)).toBe(MIGRATIONS.length)
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('secure_delete', { simple: true })).toBe(1)
      expect(
        db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'staff_accounts'").get(),
      ).toEqual({
        n: 1,
      })
    } finally {
      db.close()
    }
    expect(connections.map((connection) => connection.options)).toStrictEqual([{ create: true }])
  })

  it('creates casework.db with its own migrations, up to a target when one is given', () => {
    const file = join(root(), 'casework.db')
    const db = createVaultDatabase(file, KEY, undefined, 'casework')
    try {
      expect(readSchemaVersion(db)).toBe(CASEWORK_MIGRATIONS.length)
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cases'").get()).toEqual({
        n: 1,
      })
      expect(
        db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'staff_accounts'").get(),
      ).toEqual({
        n: 0,
      })
    } finally {
      db.close()
    }
    const older = createVaultDatabase(join(root(), 'older.db'), KEY, undefined, 'vault', 2)
    expect(readSchemaVersion(older)).toBe(2)
    older.close()
  })

  it('passes the native module on', () => {
    expect(() => createVaultDatabase(join(root(), 'vault.db'), KEY, MISSING_BINDING)).toThrow()
  })

  it('closes the connection when the schema cannot be built', () => {
    const file = join(root(), 'casework.db')
    // A table of the first casework migration already there: the migration fails.
    const db = openEncryptedDatabase(file, KEY, { create: true })
    db.exec('CREATE TABLE cases (id TEXT)')
    db.close()
    connections.length = 0
    expect(() => createVaultDatabase(file, KEY, undefined, 'casework')).toThrow()
    expect(connections).toHaveLength(1)
    expect(everyConnectionClosed()).toBe(true)
  })
})

describe('openVaultDatabase', () => {
  it('brings an older vault.db up to date, and a casework file with its own list', () => {
    const file = join(root(), 'vault.db')
    createVaultDatabase(file, KEY, undefined, 'vault', 3).close()
    connections.length = 0
    const db = openVaultDatabase(file, KEY)
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
    db.close()
    // The first look is read-only; then it opens for writing.
    expect(connections.map((connection) => connection.options)).toStrictEqual([{ readonly: true }, {}])

    const casework = join(root(), 'casework.db')
    createVaultDatabase(casework, KEY, undefined, 'casework').close()
    const reopened = openVaultDatabase(casework, KEY, undefined, 'casework')
    expect(readSchemaVersion(reopened)).toBe(CASEWORK_MIGRATIONS.length)
    reopened.close()
  })

  it('stops at the target it is given (the upgrade of a wave-1 vault)', () => {
    const file = join(root(), 'vault.db')
    createVaultDatabase(file, KEY, undefined, 'vault', 1).close()
    const db = openVaultDatabase(file, KEY, undefined, 'vault', 2)
    expect(readSchemaVersion(db)).toBe(2)
    db.close()
  })

  it("refuses a newer app's file with VAULT_TOO_NEW, leaving the folder byte for byte as it was", () => {
    const file = join(root(), 'vault.db')
    makeDatabase(file, { version: MIGRATIONS.length + 1 })
    const before = readFileSync(file)
    expect(codeOf(() => openVaultDatabase(file, KEY))).toBe('VAULT_TOO_NEW')
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(filesIn(root())).toStrictEqual(['vault.db'])
    expect(connections.map((connection) => connection.options)).toStrictEqual([{ readonly: true }])
    expect(everyConnectionClosed()).toBe(true)
  })

  it('judges a casework file by the casework list, not the vault list', () => {
    const file = join(root(), 'casework.db')
    makeDatabase(file, { version: CASEWORK_MIGRATIONS.length + 1 })
    expect(CASEWORK_MIGRATIONS.length + 1).toBeLessThanOrEqual(MIGRATIONS.length)
    expect(codeOf(() => openVaultDatabase(file, KEY, undefined, 'casework'))).toBe('VAULT_TOO_NEW')
  })

  it('passes the native module on', () => {
    const file = join(root(), 'vault.db')
    createVaultDatabase(file, KEY).close()
    expect(() => openVaultDatabase(file, KEY, MISSING_BINDING)).toThrow()
    expect(() => peekSchemaVersion(file, KEY, MISSING_BINDING)).toThrow()
  })

  it("rolls a crash's hot journal back before anything else, opening for writing", () => {
    const file = join(root(), 'source.db')
    makeDatabase(file, { rows: 5 })
    const crashed = join(root(), 'vault.db')
    crashMidTransaction(file, crashed)
    // A read-only look cannot roll the journal back.
    expect(codeOf(() => peekSchemaVersion(crashed, KEY))).toBe('INVALID_FILE')
    connections.length = 0
    const db = openVaultDatabase(crashed, KEY)
    try {
      expect(countOf(db)).toBe(5)
      expect(readSchemaVersion(db)).toBe(MIGRATIONS.length)
    } finally {
      db.close()
    }
    expect(connections.map((connection) => connection.options)).toStrictEqual([{}])
    expect(existsSync(`${crashed}-journal`)).toBe(false)
  })

  it('passes the native module on when it finds a hot journal', () => {
    const file = join(root(), 'source.db')
    makeDatabase(file)
    const crashed = join(root(), 'vault.db')
    crashMidTransaction(file, crashed)
    expect(() => openVaultDatabase(crashed, KEY, MISSING_BINDING)).toThrow()
  })

  it("refuses a newer app's crashed file with VAULT_TOO_NEW and closes its connection", () => {
    const file = join(root(), 'source.db')
    makeDatabase(file, { version: MIGRATIONS.length + 5 })
    const crashed = join(root(), 'vault.db')
    crashMidTransaction(file, crashed)
    expect(codeOf(() => openVaultDatabase(crashed, KEY))).toBe('VAULT_TOO_NEW')
    expect(connections).toHaveLength(1)
    expect(everyConnectionClosed()).toBe(true)
  })

  it('takes an empty journal for what it is: no crash, a read-only look first', () => {
    const file = join(root(), 'vault.db')
    createVaultDatabase(file, KEY).close()
    writeFileSync(`${file}-journal`, '')
    connections.length = 0
    openVaultDatabase(file, KEY).close()
    expect(connections.map((connection) => connection.options)).toStrictEqual([{ readonly: true }, {}])
  })
})

describe('lookAtReadOnly', () => {
  it('looks at a rollback-journal database without creating any file, and closes its connection', () => {
    const file = join(root(), 'vault.db')
    makeDatabase(file, { version: 4 })
    expect(lookAtReadOnly(file, KEY, undefined, (db) => countOf(db))).toBe(3)
    expect(peekSchemaVersion(file, KEY)).toBe(4)
    expect(filesIn(root())).toStrictEqual(['vault.db'])
    expect(connections.map((connection) => connection.options)).toStrictEqual([
      { readonly: true },
      { readonly: true },
    ])
    expect(everyConnectionClosed()).toBe(true)
  })

  it('removes the empty side files its look at a WAL database made', () => {
    const file = join(root(), 'vault.db')
    makeDatabase(file, { journal: 'WAL', version: 1 })
    expect(filesIn(root())).toStrictEqual(['vault.db'])
    expect(peekSchemaVersion(file, KEY)).toBe(1)
    expect(filesIn(root())).toStrictEqual(['vault.db'])
  })

  it('leaves side files that were there before, even empty ones', () => {
    const file = join(root(), 'vault.db')
    makeDatabase(file, { journal: 'WAL', version: 1 })
    const writer = openEncryptedDatabase(file, KEY)
    try {
      writer.prepare('INSERT INTO item (label) VALUES (?)').run('synthetic late item')
      writer.pragma('wal_checkpoint(TRUNCATE)')
      expect(statSync(`${file}-wal`).size).toBe(0)
      expect(peekSchemaVersion(file, KEY)).toBe(1)
      expect(filesIn(root())).toStrictEqual(['vault.db', 'vault.db-shm', 'vault.db-wal'])
      writer.prepare('INSERT INTO item (label) VALUES (?)').run('synthetic later item')
      expect(countOf(writer)).toBe(5)
    } finally {
      writer.close()
    }
  })

  it('closes its connection when the look throws', () => {
    const file = join(root(), 'vault.db')
    makeDatabase(file)
    expect(() =>
      lookAtReadOnly(file, KEY, undefined, () => {
        throw new Error('synthetic failure')
      }),
    ).toThrow('synthetic failure')
    expect(everyConnectionClosed()).toBe(true)
    expect(filesIn(root())).toStrictEqual(['vault.db'])
  })
})

describe('small helpers', () => {
  it('bindingOption names the native module only when there is one', () => {
    expect(bindingOption(undefined)).toStrictEqual({})
    expect(bindingOption('/some/binding.node')).toStrictEqual({ nativeBinding: '/some/binding.node' })
  })

  it("integrityCheck answers ['ok'] for a sound database, per schema", () => {
    const file = join(root(), 'vault.db')
    const db = createVaultDatabase(file, KEY)
    try {
      expect(integrityCheck(db)).toStrictEqual(['ok'])
      expect(integrityCheck(db, 'temp')).toStrictEqual(['ok'])
      expect(basename(db.name)).toBe('vault.db')
    } finally {
      db.close()
    }
  })
})
