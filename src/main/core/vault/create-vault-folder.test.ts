import type * as Fs from 'node:fs'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHEAP_FLOOR, FAST_KDF } from '#test-support/test-kdf'
import { LIGHT_START, lightVaults, NEW_VAULT_INPUT } from '#test-support/light-vault'
import { AuditRepository } from '../audit/audit-repository'
import { trustedAnchor } from '../audit/audit-seal'
import { Connection } from '../db/connection'
import { CASEWORK_MIGRATIONS } from '../db/casework-migrations'
import { MIGRATIONS } from '../db/migrations'
import { openEncryptedDatabase, readSchemaVersion } from '../db/open-database'
import { createVaultFolder } from './create-vault-folder'
import type { TKdfParams } from './kdf'
import { readKeyring } from './keyring'
import type * as SlotKeys from './slot-keys'
import { unlockWithPassphrase, unlockWithRecoveryKey } from './unlock'
import type * as VaultKeys from './vault-keys'
import { vaultPaths } from './vault-paths'

/*
 * createVaultFolder alone (no services): what a new vault holds, file by file; that it appears in one rename of a
 * folder whose files were synced first; and that a failure anywhere leaves no folder, no staging folder, and no key
 * in memory.
 */

/** Every fsync (files and folders), by name, in order. */
const fsyncs = vi.hoisted(() => [] as string[])
/** Descriptors opened with openSync and not closed yet. */
const openFds = vi.hoisted(() => new Map<number, string>())
/** The private keys of the slots made, and the vault keys, to check each is zeroed. */
const privateKeys = vi.hoisted(() => [] as Buffer[])
const vaultKeys = vi.hoisted(() => [] as Array<Record<string, Buffer | null>>)

vi.mock('node:fs', async (importOriginal) =>
  (await import('#test-support/recording-mocks')).withFdRecording(
    await importOriginal<typeof Fs>(),
    openFds,
    (path) => fsyncs.push(path?.split('/').pop() ?? '?'),
  ),
)

vi.mock('./slot-keys', async (importOriginal) =>
  (await import('#test-support/recording-mocks')).withSlotKeyRecording(
    await importOriginal<typeof SlotKeys>(),
    { created: privateKeys },
  ),
)

vi.mock('./vault-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof VaultKeys>()
  return {
    ...actual,
    newVaultKeys: () => {
      const keys = actual.newVaultKeys()
      vaultKeys.push(keys)
      return keys
    },
  }
})

const vaults = lightVaults()
const { clock, root } = vaults
const INPUT = NEW_VAULT_INPUT
const NOW = new Date(LIGHT_START)
const options = { kdf: FAST_KDF, clock, nativeBinding: undefined }

beforeEach(() => {
  fsyncs.length = 0
  privateKeys.length = 0
  vaultKeys.length = 0
})

const zeroed = (key: Buffer | null) => key === null || key.every((byte) => byte === 0)
const everyKeyZeroed = () =>
  privateKeys.every(zeroed) && vaultKeys.every((keys) => Object.values(keys).every(zeroed))

describe('createVaultFolder', () => {
  it('makes the keyring, both databases and the first checkpoint, and answers the keys', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    const made = await createVaultFolder(paths, INPUT, options)
    expect(readdirSync(paths.directory).sort()).toStrictEqual([
      'audit-anchor-g1.json',
      'casework-g1.db',
      'keyring.json',
      'vault-g1.db',
    ])
    // Nothing left beside it.
    expect(readdirSync(root())).toStrictEqual(['vault'])

    // The keyring: generation 1, the admin's slot (their own passphrase: no must-change) and the recovery slot.
    const keyring = readKeyring(paths.keyring, CHEAP_FLOOR)
    expect(keyring).toStrictEqual(made.keyring)
    expect(made.keyring).toMatchObject({
      format: 'ccij-keyring',
      version: 2,
      generation: 1,
      files: { vault: 'vault-g1.db', casework: 'casework-g1.db', anchor: 'audit-anchor-g1.json' },
    })
    expect(made.keyring.vaultId).toMatch(/^[0-9a-f-]{36}$/)
    expect(made.accountId).toMatch(/^[0-9a-f-]{36}$/)
    expect(made.accountId).not.toBe(made.keyring.vaultId)
    const [admin, recovery, ...others] = made.keyring.slots
    expect(others).toStrictEqual([])
    expect(admin).toMatchObject({
      kind: 'staff',
      id: made.accountId,
      username: 'alex.example',
      role: 'admin',
    })
    expect(admin).not.toHaveProperty('mustChangePassphrase')
    expect(recovery).toMatchObject({ kind: 'recovery', role: 'admin' })
    for (const slot of [admin, recovery]) {
      expect(Object.keys(slot?.kind === 'legacy' ? {} : (slot?.grants ?? {})).sort()).toStrictEqual([
        'admin',
        'case',
        'vault',
      ])
      expect((slot as { sealedKey: { kdf: TKdfParams } }).sealedKey.kdf).toStrictEqual(FAST_KDF)
    }
    expect(made.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/)

    // The keys answered are the vault's, not yet zeroed; the slots' private keys are.
    expect(privateKeys).toHaveLength(2)
    expect(privateKeys.every(zeroed)).toBe(true)
    expect(vaultKeys).toStrictEqual([made.keys])
    expect([made.keys.vault, made.keys.case, made.keys.admin].some(zeroed)).toBe(false)

    // vault.db: the vault's row, the admin's account and two audit entries, sealed by the checkpoint.
    const vaultDb = openEncryptedDatabase(join(paths.directory, 'vault-g1.db'), made.keys.vault)
    try {
      expect(readSchemaVersion(vaultDb)).toBe(MIGRATIONS.length)
      expect(vaultDb.prepare('SELECT id, organization_name, created_at FROM vault_meta').all()).toStrictEqual(
        [{ id: 1, organization_name: 'Example Org', created_at: NOW.toISOString() }],
      )
      expect(
        vaultDb
          .prepare('SELECT id, username, display_name, role, status, created_at FROM staff_accounts')
          .all(),
      ).toStrictEqual([
        {
          id: made.accountId,
          username: 'alex.example',
          display_name: 'Alex Staff-Example',
          role: 'admin',
          status: 'active',
          created_at: NOW.toISOString(),
        },
      ])
      expect(
        vaultDb
          .prepare(
            'SELECT at, actor_account_id, actor_username, action, target_type, target_id, details FROM audit_log ORDER BY seq',
          )
          .all(),
      ).toStrictEqual([
        {
          at: NOW.toISOString(),
          actor_account_id: made.accountId,
          actor_username: 'alex.example',
          action: 'vault.created',
          target_type: 'vault',
          target_id: made.keyring.vaultId,
          details: '{}',
        },
        {
          at: NOW.toISOString(),
          actor_account_id: made.accountId,
          actor_username: 'alex.example',
          action: 'account.added',
          target_type: 'account',
          target_id: made.accountId,
          details: '{"role":"admin"}',
        },
      ])
      const anchor = trustedAnchor({
        trail: new AuditRepository(new Connection(vaultDb)),
        anchorFile: join(paths.directory, 'audit-anchor-g1.json'),
        vaultId: made.keyring.vaultId,
        generation: 1,
        adminKey: made.keys.admin as Buffer,
        now: clock.now,
      })
      expect(anchor).toMatchObject({ seq: 2, at: NOW.toISOString() })
    } finally {
      vaultDb.close()
    }
    // casework.db: its own schema, under K_case.
    const casework = openEncryptedDatabase(join(paths.directory, 'casework-g1.db'), made.keys.case as Buffer)
    try {
      expect(readSchemaVersion(casework)).toBe(CASEWORK_MIGRATIONS.length)
    } finally {
      casework.close()
    }
    expect([...openFds.values()]).toStrictEqual([])
  })

  it('syncs both databases, the keyring and the staging folder before the rename, then the parent folder', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    await createVaultFolder(paths, INPUT, options)
    const named = fsyncs.map((name) =>
      name.startsWith('.vault.creating-') ? 'staging' : name.replace(/\.[0-9a-f]{12}\.tmp$/, '.tmp'),
    )
    // The anchor's and the keyring's atomic writes sync their temp file and the staging folder each; the last two
    // syncs are this function's own: the staging folder before the rename, the parent after it.
    expect(named).toStrictEqual([
      'casework-g1.db',
      '.audit-anchor-g1.json.tmp',
      'staging',
      'vault-g1.db',
      '.keyring.json.tmp',
      'staging',
      'staging',
      root().split('/').pop(),
    ])
  })

  // Linux names every file this process holds open under /proc/self/fd; elsewhere the check is skipped.
  it.skipIf(!existsSync('/proc/self/fd'))('holds no file of the new vault open once made', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    const openIn = (folder: string) =>
      readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return readlinkSync(join('/proc/self/fd', fd))
          } catch {
            return '' // closed since the listing
          }
        })
        .filter((target) => target.startsWith(`${folder}/`))
    const made = await createVaultFolder(paths, INPUT, options)
    expect(openIn(paths.directory)).toStrictEqual([])
    // The listing does see a database this process holds open there.
    const db = openEncryptedDatabase(join(paths.directory, 'vault-g1.db'), made.keys.vault)
    try {
      expect(openIn(paths.directory)).toStrictEqual([join(paths.directory, 'vault-g1.db')])
    } finally {
      db.close()
    }
  })

  it('opens with the first passphrase as the admin, and with the recovery key', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    const made = await createVaultFolder(paths, INPUT, options)
    const keeper = vaults.keeper(paths.directory)
    const staff = await unlockWithPassphrase(keeper, INPUT.username, INPUT.passphrase, keeper.begin())
    expect(staff).toMatchObject({ accountId: made.accountId, role: 'admin', mustChangePassphrase: false })
    keeper.close(false)
    const recovered = await unlockWithRecoveryKey(
      keeper,
      made.recoveryKey,
      INPUT.username,
      'amber thistle canyon drift 58',
      keeper.begin(),
    )
    expect(recovered).toMatchObject({ accountId: made.accountId, role: 'admin' })
    keeper.close(false)
  })

  it('makes missing parent folders and the vault folder private to the user', async () => {
    const paths = vaultPaths(join(root(), 'profile', 'data', 'vault'))
    await createVaultFolder(paths, INPUT, options)
    for (const folder of [join(root(), 'profile'), join(root(), 'profile', 'data'), paths.directory]) {
      expect(statSync(folder).mode & 0o777).toBe(0o700)
    }
  })

  it('takes the place of an empty folder already there', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    mkdirSync(paths.directory)
    await createVaultFolder(paths, INPUT, options)
    expect(readdirSync(paths.directory)).toHaveLength(4)
    expect(readdirSync(root())).toStrictEqual(['vault'])
  })

  it('leaves a folder that is not empty as it was, removes its staging folder and zeroes every key', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    mkdirSync(paths.directory)
    writeFileSync(join(paths.directory, 'notes.txt'), 'synthetic')
    await expect(createVaultFolder(paths, INPUT, options)).rejects.toThrow()
    expect(readdirSync(paths.directory)).toStrictEqual(['notes.txt'])
    expect(readFileSync(join(paths.directory, 'notes.txt'), 'utf8')).toBe('synthetic')
    expect(readdirSync(root())).toStrictEqual(['vault'])
    expect(vaultKeys).toHaveLength(1)
    expect(everyKeyZeroed()).toBe(true)
  })

  it('leaves nothing behind and zeroes every key when writing the databases fails', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    const failing = {
      now: () => {
        throw new Error('synthetic clock failure')
      },
    }
    await expect(createVaultFolder(paths, INPUT, { ...options, clock: failing })).rejects.toThrow(
      'synthetic clock failure',
    )
    expect(readdirSync(root())).toStrictEqual([])
    expect(privateKeys).toHaveLength(2)
    expect(everyKeyZeroed()).toBe(true)
    expect([...openFds.values()]).toStrictEqual([])
  })

  it('zeroes every key when a slot cannot be sealed, before any folder is made', async () => {
    const paths = vaultPaths(join(root(), 'vault'))
    const broken = { ...FAST_KDF, name: 'synthetic-kdf' } as unknown as TKdfParams
    await expect(createVaultFolder(paths, INPUT, { ...options, kdf: broken })).rejects.toThrow()
    expect(readdirSync(root())).toStrictEqual([])
    expect(vaultKeys).toHaveLength(1)
    expect(everyKeyZeroed()).toBe(true)
  })
})
