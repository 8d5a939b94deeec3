import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { codeOfAsync } from '#test-support/per-test'
import { CHEAP_FLOOR, FAST_KDF } from '#test-support/test-kdf'
import { makeTempFolder, removeFolder } from '#test-support/temp-folder'
import { AppError } from '../../../shared/result'
import { AuditRepository } from '../audit/audit-repository'
import { checkTrail } from '../audit/audit-seal'
import { Connection } from '../db/connection'
import { openEncryptedDatabase, type TDatabase } from '../db/open-database'
import type * as AtomicWriteModule from '../fs/atomic-write'
import type * as DatabaseFilesModule from './database-files'
import { readKeyring, type TGrantedSlot, type TLegacyKeyring } from './keyring'
import { upgradeLegacyVault, type TUpgrader } from './legacy-upgrade'
import type * as SlotKeysModule from './slot-keys'
import { openGrants, openSlotPrivateKey } from './slot-keys'
import { VaultKeeper } from './vault-keeper'
import { vaultPaths } from './vault-paths'
import type * as VaultKeysModule from './vault-keys'
import { zeroKeys, type TVaultKeys } from './vault-keys'

/*
 * legacy-upgrade.ts alone: `upgradeLegacyVault` on a copy of the saved wave-1 vault (tests/fixtures/wave1-vault,
 * synthetic) and a bare VaultKeeper, handed the wave-1 master key directly (no unlock, no services). The unlock paths
 * that lead here (an admin's passphrase, the recovery key) are in tests/unit/legacy-upgrade.test.ts and
 * schema-vaults.test.ts. The folder fsyncs, file fsyncs, new keys and key pairs are recorded (the functions wrapped
 * below, otherwise unchanged) to check their order with the upgrade's steps, and that every key is zeroed.
 */

const record = vi.hoisted(() => ({
  events: [] as string[],
  keys: [] as TVaultKeys[],
  privateKeys: [] as Buffer[],
}))

vi.mock('../fs/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicWriteModule>()
  return {
    ...actual,
    fsyncDirectory: (directory: string) => {
      record.events.push(`fsync-folder ${directory.split('/').at(-1) ?? ''}`)
      actual.fsyncDirectory(directory)
    },
  }
})

vi.mock('./database-files', async (importOriginal) => {
  const actual = await importOriginal<typeof DatabaseFilesModule>()
  return {
    ...actual,
    fsyncFile: (file: string) => {
      record.events.push(`fsync-file ${file.split('/').at(-1) ?? ''}`)
      actual.fsyncFile(file)
    },
  }
})

vi.mock('./vault-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof VaultKeysModule>()
  return {
    ...actual,
    newVaultKeys: () => {
      const keys = actual.newVaultKeys()
      record.keys.push(keys)
      return keys
    },
  }
})

vi.mock('./slot-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof SlotKeysModule>()
  return {
    ...actual,
    createGrantedSlot: async (...args: Parameters<typeof actual.createGrantedSlot>) => {
      const created = await actual.createGrantedSlot(...args)
      record.privateKeys.push(created.keyPair.privateKey)
      return created
    },
  }
})

/** The saved vault (tests/fixtures/wave1-vault/README.md: synthetic people only; never edited). */
const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/wave1-vault')
/**
 * The saved vault's wave-1 master key: what alex.example's slot opens with the README's passphrase (scrypt at
 * N=2^17, about a second of CPU, which every mutant would pay again). Checked against the slot by the last test.
 */
const MASTER_KEY_HEX = 'd9c69c74e2041cd2c2380ee2e925cc2285afd6785fa1d548e2c58285180beb20'
const ADMIN_PASSPHRASE = 'quiet lantern ferry orbit 92'
const NEW_PASSPHRASE = 'velvet compass harbour quince 63'
const RECOVERY_KEY = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567'
const ID = {
  alex: '870e0b3d-ae7a-4476-8ea2-c041e1ea9ce2',
  casey: '752580e7-6f3e-4e9a-8b5c-589e3fd69bd4',
  riley: 'e1187cc2-f768-4c64-a85c-f0f75daec619',
  sam: '77cf7c50-1533-41d2-918d-2cf0eaced1f7',
} as const
const AT = Date.parse('2026-12-02T03:00:00Z')

let root = ''
let opened: TDatabase[] = []
let returned: TVaultKeys[] = []
const folder = () => join(root, 'vault')
const masterKey = () => Buffer.from(MASTER_KEY_HEX, 'hex')

beforeEach(() => {
  root = makeTempFolder()
  record.events.length = 0
  record.keys.length = 0
  record.privateKeys.length = 0
  mkdirSync(folder(), { mode: 0o700 })
  for (const name of ['keyring.json', 'vault.db']) copyFileSync(join(FIXTURE, name), join(folder(), name))
})
afterEach(() => {
  for (const database of opened) if (database.open) database.close()
  for (const keys of returned) zeroKeys(keys)
  opened = []
  returned = []
  removeFolder(root)
})

function keeperFor(at?: (step: string) => void): VaultKeeper {
  return new VaultKeeper(
    vaultPaths(folder()),
    { create: FAST_KDF, floor: CHEAP_FLOOR },
    { now: () => new Date(AT) },
    undefined,
    {
      at: (step) => {
        record.events.push(step)
        at?.(step)
      },
    },
  )
}

const legacyKeyring = (): TLegacyKeyring => {
  const keyring = readKeyring(join(folder(), 'keyring.json'), CHEAP_FLOOR)
  if (keyring === null || keyring.version !== 1) throw new Error('not the wave-1 fixture')
  return keyring
}

async function upgrade(upgrader: TUpgrader, keeper = keeperFor(), operation = keeper.begin()) {
  const result = await upgradeLegacyVault(keeper, legacyKeyring(), upgrader, masterKey(), operation)
  returned.push(result.keys)
  return result
}

const open = (file: string, key: Buffer): TDatabase => {
  const db = openEncryptedDatabase(join(folder(), file), key, { readonly: true })
  opened.push(db)
  return db
}

/** Every file of the vault folder with its bytes' hash. */
const hashFolder = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(folder())
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder(), name)))
          .digest('hex'),
      ]),
  )

/**
 * Write to the copy of the wave-1 database behind the upgrade's back (a test's own change of the fixture); FTS5's
 * shadow tables too (defensive mode off).
 */
function editFixture(statement: string): void {
  const db = openEncryptedDatabase(join(folder(), 'vault.db'), masterKey())
  try {
    db.unsafeMode(true)
    db.exec(statement)
  } finally {
    db.close()
  }
}

const isZero = (key: Buffer | null) => key === null || key.every((byte) => byte === 0)

describe('an admin’s passphrase upgrades a wave-1 vault', () => {
  it('writes generation 1 and switches the keyring to it, with the admin’s new slot and colleagues’ legacy slots', async () => {
    const before = legacyKeyring()
    const { keyring, keys, account } = await upgrade({
      via: 'passphrase',
      accountId: ID.alex,
      passphrase: ADMIN_PASSPHRASE,
    })
    expect(account).toMatchObject({ id: ID.alex, username: 'alex.example', role: 'admin', status: 'active' })
    expect(readdirSync(folder()).sort()).toStrictEqual([
      'audit-anchor-g1.json',
      'casework-g1.db',
      'keyring.json',
      'vault-g1.db',
    ])
    expect(readKeyring(join(folder(), 'keyring.json'), CHEAP_FLOOR)).toStrictEqual(keyring)
    expect(keyring).toMatchObject({
      format: 'ccij-keyring',
      version: 2,
      vaultId: before.vaultId,
      generation: 1,
      files: { vault: 'vault-g1.db', casework: 'casework-g1.db', anchor: 'audit-anchor-g1.json' },
    })
    // The recovery slot of wave 1 wrapped the old key: not carried over (an admin issues a new recovery key).
    expect(keyring.slots.map((slot) => [slot.kind, slot.id])).toStrictEqual([
      ['staff', ID.alex],
      ['legacy', ID.casey],
      ['legacy', ID.riley],
    ])
    const riley = before.slots.find((slot) => slot.id === ID.riley)
    expect(keyring.slots[2]).toStrictEqual({ ...riley, kind: 'legacy' })

    // The admin's new slot opens with the same passphrase and grants the three keys returned.
    const slot = keyring.slots[0] as TGrantedSlot
    expect(slot).toMatchObject({ kind: 'staff', username: 'alex.example', role: 'admin' })
    const privateKey = await openSlotPrivateKey(keyring.vaultId, slot, ADMIN_PASSPHRASE)
    expect(privateKey).not.toBeNull()
    const granted = openGrants(keyring.vaultId, 1, slot, privateKey ?? Buffer.alloc(0))
    privateKey?.fill(0)
    expect(granted).toStrictEqual(keys)
    if (granted !== null) zeroKeys(granted)
    expect([keys.vault, keys.case, keys.admin].every((key) => key !== null && !isZero(key))).toBe(true)
    expect(new Set([keys.vault, keys.case, keys.admin].map((key) => key?.toString('hex'))).size).toBe(3)
    // The key pair made for the slot is zeroed once sealed.
    expect(record.privateKeys).toHaveLength(1)
    expect(record.privateKeys.every(isZero)).toBe(true)
    // The keys handed back are the ones made for this upgrade, not zeroed.
    expect(record.keys).toStrictEqual([keys])
  })

  it('moves survivor data to casework.db with its search index, and leaves none in vault.db', async () => {
    const { keys } = await upgrade({ via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE })
    const casework = open('casework-g1.db', keys.case ?? Buffer.alloc(32))
    expect(casework.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(3)
    expect(casework.prepare('SELECT count(*) FROM case_events').pluck().get()).toBeGreaterThan(0)
    // The contentless index was carried over page for page: it still finds the note's word.
    expect(
      casework
        .prepare("SELECT count(*) FROM case_search WHERE case_search MATCH 'fixturenote'")
        .pluck()
        .get(),
    ).toBe(1)
    expect(
      casework
        .prepare("SELECT count(*) FROM case_search WHERE case_search MATCH 'wavefixture'")
        .pluck()
        .get(),
    ).toBe(3)
    // Merged into one segment ('optimize') and compacted (VACUUM: no free page left).
    expect(casework.prepare('SELECT count(DISTINCT segid) FROM case_search_idx').pluck().get()).toBe(1)
    expect(casework.pragma('freelist_count', { simple: true })).toBe(0)
    expect(casework.pragma('integrity_check', { simple: true })).toBe('ok')

    const vault = open('vault-g1.db', keys.vault)
    expect(vault.pragma('freelist_count', { simple: true })).toBe(0)
    expect(
      vault
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('cases', 'case_search')")
        .pluck()
        .all(),
    ).toStrictEqual([])
    const image = vault.serialize()
    for (const text of ['Wavefixture', 'Fixturenote', 'Synthetic narrative']) {
      expect(image.includes(Buffer.from(text))).toBe(false)
    }
    // The old master key opens neither new file.
    expect(() =>
      openEncryptedDatabase(join(folder(), 'vault-g1.db'), masterKey(), { readonly: true }),
    ).toThrow()
    expect(() =>
      openEncryptedDatabase(join(folder(), 'casework-g1.db'), masterKey(), { readonly: true }),
    ).toThrow()
  })

  it('compacts casework.db after merging the index: the pages the old segments used are gone', async () => {
    // A larger index than the fixture's (synthetic words only, in 20 segments): merging frees whole pages.
    const rows = Array.from({ length: 20 }, (_, segment) =>
      [
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)',
        'INSERT INTO case_search (rowid, reference, names, latin, keys, notes)',
        `SELECT 100000 + ${segment} * 100 + i, 'SYN-' || i, 'synthname' || (i * 7919 % 1000),`,
        "'', '', hex(randomblob(64)) FROM n;",
      ].join(' '),
    )
    editFixture(rows.join('\n'))
    const { keys } = await upgrade({ via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE })
    const casework = open('casework-g1.db', keys.case ?? Buffer.alloc(32))
    expect(casework.prepare('SELECT count(DISTINCT segid) FROM case_search_idx').pluck().get()).toBe(1)
    expect(casework.pragma('freelist_count', { simple: true })).toBe(0)
  })

  it('records the upgrade in the trail, seals a checkpoint for generation 1, and asks for a new recovery key', async () => {
    editFixture("UPDATE vault_meta SET recovery_key_confirmed_at = '2026-11-30T06:00:00.000Z'")
    const { keyring, keys } = await upgrade({
      via: 'passphrase',
      accountId: ID.alex,
      passphrase: ADMIN_PASSPHRASE,
    })
    const vault = open('vault-g1.db', keys.vault)
    const trail = new AuditRepository(new Connection(vault))
    const [entry] = trail.list({ action: 'vault.upgraded' }).entries
    expect(entry).toMatchObject({
      actorAccountId: ID.alex,
      actorUsername: 'alex.example',
      targetType: 'vault',
      targetId: keyring.vaultId,
      details: { generation: 1, needsNewPassphrase: 2, via: 'passphrase' },
      at: new Date(AT).toISOString(),
    })
    expect(vault.prepare('SELECT recovery_key_confirmed_at FROM vault_meta').pluck().get()).toBeNull()
    const check = checkTrail({
      trail,
      anchorFile: join(folder(), 'audit-anchor-g1.json'),
      vaultId: keyring.vaultId,
      generation: 1,
      adminKey: keys.admin ?? Buffer.alloc(32),
      now: () => new Date(AT),
    })
    expect(check).toMatchObject({ ok: true, status: 'intact', unsealedCount: 0 })
    expect(JSON.parse(readFileSync(join(folder(), 'audit-anchor-g1.json'), 'utf8'))).toMatchObject({
      at: new Date(AT).toISOString(),
    })
  })

  it('syncs each file and the folder before the switch, and the folder again once the old database is gone', async () => {
    await upgrade({ via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE })
    expect(record.events).toStrictEqual([
      'fsync-folder vault', // the files of an earlier, interrupted upgrade removed
      'upgrade:start',
      'fsync-file casework-g1.db',
      'upgrade:casework-written',
      'upgrade:vault-written',
      'fsync-file vault-g1.db',
      'fsync-folder vault',
      'upgrade:ready',
      'upgrade:switched',
      'fsync-folder vault',
    ])
  })

  // Linux names every file this process holds open under /proc/self/fd; elsewhere the check is skipped.
  it.skipIf(!existsSync('/proc/self/fd'))('holds no file of the vault open once done', async () => {
    const openIn = () =>
      readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return readlinkSync(join('/proc/self/fd', fd))
          } catch {
            return '' // closed since the listing
          }
        })
        .filter((target) => target.startsWith(`${folder()}/`))
    const { keys } = await upgrade({ via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE })
    expect(openIn()).toStrictEqual([])
    // The listing does see a database this process holds open there.
    open('vault-g1.db', keys.vault)
    expect(openIn()).toStrictEqual([join(folder(), 'vault-g1.db')])
  })

  it('starts again over the files of an upgrade a lock cancelled before the switch', async () => {
    const keeper = keeperFor((step) => {
      if (step === 'upgrade:ready') keeper.operations.cancelAll()
    })
    const keyringBefore = readFileSync(join(folder(), 'keyring.json'))
    expect(
      await codeOfAsync(
        upgradeLegacyVault(
          keeper,
          legacyKeyring(),
          { via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE },
          masterKey(),
          keeper.begin(),
        ),
      ),
    ).toBe('CANCELLED')
    // Not switched: the wave-1 keyring and database are as they were; the new keys are zeroed.
    expect(readFileSync(join(folder(), 'keyring.json'))).toStrictEqual(keyringBefore)
    expect(existsSync(join(folder(), 'vault.db'))).toBe(true)
    expect(existsSync(join(folder(), 'casework-g1.db'))).toBe(true)
    expect(record.keys).toHaveLength(1)
    expect(Object.values(record.keys[0] ?? {}).every(isZero)).toBe(true)

    const { keyring } = await upgrade({ via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE })
    expect(keyring.generation).toBe(1)
    expect(readdirSync(folder()).sort()).toStrictEqual([
      'audit-anchor-g1.json',
      'casework-g1.db',
      'keyring.json',
      'vault-g1.db',
    ])
  })

  it('a crash point throwing mid-way leaves the wave-1 keyring and zeroes the new keys', async () => {
    const keeper = keeperFor((step) => {
      if (step === 'upgrade:casework-written') throw new Error('crash here')
    })
    const keyringBefore = readFileSync(join(folder(), 'keyring.json'))
    await expect(
      upgradeLegacyVault(
        keeper,
        legacyKeyring(),
        { via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE },
        masterKey(),
        keeper.begin(),
      ),
    ).rejects.toThrow('crash here')
    expect(readFileSync(join(folder(), 'keyring.json'))).toStrictEqual(keyringBefore)
    expect(Object.values(record.keys[0] ?? {}).every(isZero)).toBe(true)
  })
})

describe('the recovery key upgrades a wave-1 vault for the account it names', () => {
  it('gives a caseworker a new slot of their role and makes the recovery slot again with all three keys', async () => {
    const { keyring, keys, account } = await upgrade({
      via: 'recovery-key',
      username: 'CASEY.example',
      passphrase: NEW_PASSPHRASE,
      recoveryKey: RECOVERY_KEY,
    })
    expect(account).toMatchObject({ id: ID.casey, username: 'casey.example', role: 'caseworker' })
    expect(keyring.slots.map((slot) => [slot.kind, slot.id])).toStrictEqual([
      ['staff', ID.casey],
      ['recovery', 'recovery'],
      ['legacy', ID.alex],
      ['legacy', ID.riley],
    ])
    const [casey, recovery] = keyring.slots as [TGrantedSlot, TGrantedSlot]
    expect(casey).toMatchObject({ username: 'casey.example', role: 'caseworker' })
    expect(recovery).toMatchObject({ role: 'admin' })

    const caseyKey = await openSlotPrivateKey(keyring.vaultId, casey, NEW_PASSPHRASE)
    const caseyKeys = openGrants(keyring.vaultId, 1, casey, caseyKey ?? Buffer.alloc(0))
    caseyKey?.fill(0)
    expect(caseyKeys).toStrictEqual({ vault: keys.vault, case: keys.case, admin: null })
    if (caseyKeys !== null) zeroKeys(caseyKeys)

    const recoveryKey = await openSlotPrivateKey(keyring.vaultId, recovery, RECOVERY_KEY)
    const recoveryKeys = openGrants(keyring.vaultId, 1, recovery, recoveryKey ?? Buffer.alloc(0))
    recoveryKey?.fill(0)
    expect(recoveryKeys).toStrictEqual(keys)
    if (recoveryKeys !== null) zeroKeys(recoveryKeys)
    // Both key pairs made are zeroed once sealed.
    expect(record.privateKeys).toHaveLength(2)
    expect(record.privateKeys.every(isZero)).toBe(true)

    const trail = new AuditRepository(new Connection(open('vault-g1.db', keys.vault)))
    expect(trail.list({ action: 'vault.upgraded' }).entries[0]).toMatchObject({
      actorAccountId: ID.casey,
      actorUsername: 'casey.example',
      details: { generation: 1, needsNewPassphrase: 2, via: 'recovery-key' },
    })
    expect(existsSync(join(folder(), 'vault.db'))).toBe(false)
  })
})

describe('a refused upgrade leaves the wave-1 vault exactly as it was', () => {
  const refusals: Array<[string, TUpgrader, string, string?]> = [
    ['a caseworker’s passphrase', { via: 'passphrase', accountId: ID.casey, passphrase: 'x' }, 'FORBIDDEN'],
    ['a viewer’s passphrase', { via: 'passphrase', accountId: ID.riley, passphrase: 'x' }, 'FORBIDDEN'],
    ['an id no account has', { via: 'passphrase', accountId: 'no-such-id', passphrase: 'x' }, 'FORBIDDEN'],
    [
      'a disabled admin’s passphrase',
      { via: 'passphrase', accountId: ID.alex, passphrase: ADMIN_PASSPHRASE },
      'FORBIDDEN',
      "UPDATE staff_accounts SET status = 'disabled' WHERE username = 'alex.example'",
    ],
    [
      'the recovery key for a name no account has',
      {
        via: 'recovery-key',
        username: 'nobody.example',
        passphrase: NEW_PASSPHRASE,
        recoveryKey: RECOVERY_KEY,
      },
      'NOT_FOUND',
    ],
    [
      'the recovery key for a disabled account',
      { via: 'recovery-key', username: 'sam.example', passphrase: NEW_PASSPHRASE, recoveryKey: RECOVERY_KEY },
      'NOT_FOUND',
    ],
    [
      'the recovery key with a new passphrase that is the account’s display name',
      {
        via: 'recovery-key',
        username: 'casey.example',
        passphrase: 'Casey Worker-Example',
        recoveryKey: RECOVERY_KEY,
      },
      'BAD_REQUEST',
    ],
  ]
  const MESSAGES: Record<string, string> = {
    FORBIDDEN: 'This vault needs its one-time upgrade to role-separated keys: an admin must unlock it first.',
    NOT_FOUND: 'There is no active account with that name.',
    BAD_REQUEST: 'This passphrase is too easy to guess. Add more unrelated words.',
  }
  it.each(refusals)('%s', async (_name, upgrader, code, edit) => {
    if (edit !== undefined) editFixture(edit)
    const before = hashFolder()
    const keeper = keeperFor()
    const refused = await upgradeLegacyVault(
      keeper,
      legacyKeyring(),
      upgrader,
      masterKey(),
      keeper.begin(),
    ).then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(AppError)
    expect([(refused as AppError).code, (refused as AppError).message]).toStrictEqual([code, MESSAGES[code]])
    expect(hashFolder()).toStrictEqual(before)
    expect(record.events).toStrictEqual([])
    expect(record.keys).toHaveLength(1)
    expect(Object.values(record.keys[0] ?? {}).every(isZero)).toBe(true)
  })

  it('the saved master key is what the admin’s wave-1 slot opens', async () => {
    const { openLegacySlot } = await import('./slot-keys')
    const keyring = legacyKeyring()
    const slot = keyring.slots.find((each) => each.id === ID.alex)
    if (slot === undefined) throw new Error('no admin slot')
    const key = await openLegacySlot(keyring.vaultId, slot, ADMIN_PASSPHRASE)
    expect(key?.toString('hex')).toBe(MASTER_KEY_HEX)
    key?.fill(0)
  })
})
