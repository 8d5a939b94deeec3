import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { ADMIN_PASSPHRASE, createTestVault, hashFolder, vaultKeysOf } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { assertMigrationOrder, LATEST_SCHEMA_VERSION, migrate } from './migrate'
import { MIGRATIONS } from './migrations'
import { applyVaultPragmas, openEncryptedDatabase, readSchemaVersion } from './open-database'

describe('migrations', () => {
  const root = tempFolderPerTest()

  it('are numbered 1, 2, 3 … with no gap', () => {
    expect(() => assertMigrationOrder(MIGRATIONS)).not.toThrow()
    const [first] = MIGRATIONS
    if (first === undefined) throw new Error('no migrations')
    expect(() => assertMigrationOrder([first, first])).toThrow(/expected 2/)
  })

  it('0 → 1 over an empty vault creates the meta, staff and audit tables', () => {
    const db = openEncryptedDatabase(join(root(), 'vault.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(readSchemaVersion(db)).toBe(0)
    expect(migrate(db, 1)).toBe(1)
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
    expect(tables).toEqual(['audit_log', 'staff_accounts', 'vault_meta'])
    db.prepare(
      "INSERT INTO staff_accounts VALUES ('a1', 'Alex.Example', 'Alex H', 'admin', 'active', 'x', 'x')",
    ).run()
    // Usernames are unique regardless of case.
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff_accounts VALUES ('a2', 'alex.example', 'Other', 'viewer', 'active', 'x', 'x')",
        )
        .run(),
    ).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare("INSERT INTO staff_accounts VALUES ('a3', 'x', 'Other', 'superuser', 'active', 'x', 'x')")
        .run(),
    ).toThrow(/CHECK/)
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION)
    db.close()
  })

  it('1 → 2 over a seeded vault adds an unconfirmed recovery_key_confirmed_at and keeps every row', () => {
    const db = openEncryptedDatabase(join(root(), 'vault.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 1)).toBe(1)
    db.prepare(
      "INSERT INTO vault_meta VALUES (1, 'Test Office (synthetic)', '2024-01-02T03:04:05.000Z')",
    ).run()
    db.prepare(
      "INSERT INTO staff_accounts VALUES ('a1', 'alex.example', 'Alex H', 'admin', 'active', 'x', 'x')",
    ).run()
    expect(migrate(db, 2)).toBe(2)
    expect(db.prepare('SELECT * FROM vault_meta').all()).toEqual([
      {
        id: 1,
        organization_name: 'Test Office (synthetic)',
        created_at: '2024-01-02T03:04:05.000Z',
        recovery_key_confirmed_at: null,
      },
    ])
    expect(db.prepare('SELECT username FROM staff_accounts').pluck().all()).toEqual(['alex.example'])
    // The column takes a date and goes back to NULL when the key is replaced or used.
    db.prepare("UPDATE vault_meta SET recovery_key_confirmed_at = '2024-02-03T00:00:00.000Z'").run()
    db.prepare('UPDATE vault_meta SET recovery_key_confirmed_at = NULL').run()
    expect(db.prepare('SELECT recovery_key_confirmed_at FROM vault_meta').pluck().get()).toBeNull()
    db.close()
  })

  it('2 → 3 over a seeded vault adds the case tables, keeps every row, and enforces statuses and references', () => {
    const db = openEncryptedDatabase(join(root(), 'vault.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 2)).toBe(2)
    db.prepare("INSERT INTO vault_meta VALUES (1, 'Test Office (synthetic)', 'x', NULL)").run()
    db.prepare(
      "INSERT INTO staff_accounts VALUES ('a1', 'alex.example', 'Alex H', 'admin', 'active', 'x', 'x')",
    ).run()
    expect(migrate(db, 3)).toBe(3)
    expect(db.prepare('SELECT username FROM staff_accounts').pluck().all()).toEqual(['alex.example'])
    const insert = db.prepare(
      `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
       VALUES (?, ?, ?, 'Synthetic Person', '2026-01-01', 'x', 'x')`,
    )
    insert.run('c1', 'CCIJ-2026-0001', 'new')
    expect(() => insert.run('c2', 'CCIJ-2026-0001', 'new')).toThrow(/UNIQUE/)
    expect(() => insert.run('c3', 'CCIJ-2026-0003', 'archived')).toThrow(/CHECK/)
    // The search index lives in the same encrypted database and finds accent-free spellings.
    db.prepare(
      "INSERT INTO case_search (rowid, reference, names, latin, keys, notes) VALUES (1, 'CCIJ-2026-0001', 'José Ñandú', '', '', '')",
    ).run()
    expect(db.prepare("SELECT rowid FROM case_search WHERE case_search MATCH 'nandu'").pluck().all()).toEqual(
      [1],
    )
    db.close()
  })

  it('a vault from a newer app version is refused with a clear message and left untouched', async () => {
    const { vault } = await createTestVault(root())
    vault.lock()
    const { vault: key, files } = await vaultKeysOf(root())
    const db = openEncryptedDatabase(files.vault, key)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    const before = hashFolder(join(root(), 'vault'))
    await expect(vault.unlock('alex.example', ADMIN_PASSPHRASE)).rejects.toMatchObject({
      code: 'VAULT_TOO_NEW',
      message: expect.stringMatching(/newer version/),
    })
    expect(hashFolder(join(root(), 'vault'))).toEqual(before)
    expect(vault.status().state).toBe('locked')
    // And the runner refuses directly too (this read-only look adds empty -wal/-shm files; the database stays as it was).
    const again = openEncryptedDatabase(files.vault, key, { readonly: true })
    expect(() => migrate(again)).toThrow(expect.objectContaining({ code: 'VAULT_TOO_NEW' }))
    again.close()
    expect(createHash('sha256').update(readFileSync(files.vault)).digest('hex')).toBe(before['vault-g1.db'])
  })
})
