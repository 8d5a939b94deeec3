import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { codeOfAsync } from '#test-support/per-test'
import {
  copyOfKeys,
  isZeroKey,
  LIGHT_ADMIN as ADMIN,
  LIGHT_PASSPHRASE as PASSPHRASE,
  lightVaults,
  type TLightVault,
} from '#test-support/light-vault'
import { unopenableLegacySlot } from '#test-support/legacy-slot'
import { FAST_KDF } from '#test-support/test-kdf'
import { AppError } from '../../../shared/result'
import { AuditRepository } from '../audit/audit-repository'
import type * as AtomicWriteModule from '../fs/atomic-write'
import { CASEWORK_MIGRATIONS } from '../db/casework-migrations'
import { Connection } from '../db/connection'
import { MIGRATIONS } from '../db/migrations'
import { openEncryptedDatabase } from '../db/open-database'
import { BackupService } from './backup-service'
import { readBackupHead, writeBackupFile } from './backup-file'
import { deriveKey } from './kdf'
import type * as KdfModule from './kdf'
import { serializeKeyring, withSlot, writeKeyring, type TKeySlot } from './keyring'
import { OperationGuard } from './operation-guard'
import { openVaultDatabase } from './open-vault-database'
import type * as SlotKeysModule from './slot-keys'
import { createGrantedSlot } from './slot-keys'
import type { TVaultHooks, VaultKeeper } from './vault-keeper'
import type * as VaultKeysModule from './vault-keys'
import { adminSubkey, type TVaultKeys } from './vault-keys'
import type { VaultSession } from './vault-session'

/*
 * backup-service.ts on vaults made by createVaultFolder and a bare VaultKeeper (no services, no unlock: the admin's
 * session is opened with the keys the new vault returned; the set-up is #test-support/light-vault's). Key material
 * the service derives or opens is recorded (adminSubkey below, openSlotPrivateKey and openGrants through
 * #test-support/recording-mocks, each otherwise unchanged) to check it is zeroed once used. The restore's crash
 * points and faults through the services are in tests/unit/backup-restore-faults.test.ts and backup.test.ts.
 */

const secrets = vi.hoisted(() => ({
  macKeys: [] as Buffer[],
  privateKeys: [] as Buffer[],
  grants: [] as TVaultKeys[],
  events: [] as string[],
  /** Called once the passphrase opened a slot's private key (the key derivation is the restore's slow step). */
  afterOpen: null as null | (() => void),
}))

/** Every folder fsync, in order with the restore's steps (the test hooks add those). */
vi.mock('../fs/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicWriteModule>()
  return {
    ...actual,
    fsyncDirectory: (directory: string) => {
      secrets.events.push(`fsync ${directory}`)
      actual.fsyncDirectory(directory)
    },
  }
})

/** The key derivations a restore runs, counted (nothing timed): a name without a slot must cost what a known one does. */
vi.mock('./kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof KdfModule>()
  return { ...actual, deriveKey: vi.fn(actual.deriveKey) }
})

vi.mock('./vault-keys', async (importOriginal) => {
  const actual = await importOriginal<typeof VaultKeysModule>()
  return {
    ...actual,
    adminSubkey: (...args: Parameters<typeof actual.adminSubkey>) => {
      const key = actual.adminSubkey(...args)
      if (args[1] === 'backup-mac') secrets.macKeys.push(key)
      return key
    },
  }
})

vi.mock('./slot-keys', async (importOriginal) =>
  (await import('#test-support/recording-mocks')).withSlotKeyRecording(
    await importOriginal<typeof SlotKeysModule>(),
    { opened: secrets.privateKeys, afterOpen: () => secrets.afterOpen?.(), grants: secrets.grants },
  ),
)

const WRONG = 'wrong horse battery staple 11'

const vaults = lightVaults()
/** `opened()`: every database a keeper opened (through `openDatabase`), to see which it left open. */
const { clock, opened, root } = vaults

beforeEach(() => {
  secrets.macKeys.length = 0
  secrets.privateKeys.length = 0
  secrets.grants.length = 0
  secrets.events.length = 0
  secrets.afterOpen = null
})

type TVault = TLightVault & { service: BackupService }

const keeperAt = (folder: string, hooks?: TVaultHooks): VaultKeeper => vaults.keeper(folder, { hooks })

const allZero = (keys: TVaultKeys): boolean => [keys.vault, keys.case, keys.admin].every(isZeroKey)

/** A new vault with alex.example as its admin, signed in (unless `signedIn` is false). */
async function newVault(
  options: { signedIn?: boolean; hooks?: TVaultHooks; name?: string } = {},
): Promise<TVault> {
  const made = await vaults.newVault({ name: options.name, hooks: options.hooks })
  const vault = { ...made, service: new BackupService(made.keeper) }
  if (options.signedIn !== false) signIn(vault)
  return vault
}

function signIn(vault: TVault, keys: TVaultKeys = copyOfKeys(vault.keys)): VaultSession {
  const keyring = vault.keeper.requireKeyring()
  const session = vault.keeper.openSession(
    keyring,
    vault.accountId,
    keys,
    new AppError('FORBIDDEN', 'refused'),
  )
  vault.keeper.install(session)
  return session
}

/** A staff account and its slot (sealed under `passphrase`), added by the signed-in admin. */
async function addStaff(vault: TVault, username: string, role: 'caseworker' | 'viewer', passphrase: string) {
  const session = vault.keeper.require()
  const id = `acct-${username}`
  const created = await createGrantedSlot({ kind: 'staff', id, username }, role, passphrase, {
    vaultId: session.vaultId,
    generation: session.generation,
    keys: session.keys,
    kdf: FAST_KDF,
  })
  created.keyPair.privateKey.fill(0)
  writeKeyring(vault.keeper.paths.keyring, withSlot(vault.keeper.requireKeyring(), created.slot))
  session.accounts.insert({ id, username, displayName: 'Casey Example', role }, clock.now())
}

async function errorOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work
    return undefined
  } catch (error) {
    return error
  }
}

/** Each file of a folder (the throttle's aside) by its SHA-256: "left exactly as it was". */
function hashes(folder: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(folder).sort()) {
    if (name === 'unlock-throttle.json') continue
    out[name] = createHash('sha256')
      .update(readFileSync(join(folder, name)))
      .digest('hex')
  }
  return out
}

/** The trail of the vault in `folder` as stored, oldest first (opened with a copy of its K_vault). */
function storedTrail(vault: TVault, key = vault.keys.vault) {
  const database = openVaultDatabase(join(vault.folder, vault.keyring.files.vault), Buffer.from(key))
  try {
    return new AuditRepository(new Connection(database))
      .list({ limit: 500 })
      .entries.map((entry) => ({
        action: entry.action,
        target: entry.targetId === null ? null : `${entry.targetType}:${entry.targetId}`,
        details: entry.details,
      }))
      .reverse()
  } finally {
    database.close()
  }
}

const siblings = (): string[] => readdirSync(root()).filter((name) => name.startsWith('.'))
const temporaries = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.tmp'))

/** The sections of a backup file, from its header. */
async function sectionsOf(file: string) {
  const head = await readBackupHead(file)
  const bytes = readFileSync(file)
  let offset = 16 + 2 + 4 + head.headerLength
  const take = (length: number) => bytes.subarray(offset, (offset += length))
  const { sections } = head.metadata
  return {
    head,
    keyring: take(sections.keyring),
    anchor: take(sections.anchor),
    vault: take(sections.vault),
    casework: take(sections.casework),
  }
}

describe('BackupService.create', () => {
  it('writes the whole vault in one MAC’d file, audited with its size; no snapshot or temp file is left', async () => {
    const vault = await newVault()
    const session = vault.keeper.require()
    session.trail.append(session.actor, 'record.viewed', null, {}, clock.now())
    const destination = join(root(), 'backup.ccijbackup')
    const progress: Array<[number, number]> = []

    const { bytes } = await vault.service.create(destination, ({ bytesDone, bytesTotal }) =>
      progress.push([bytesDone, bytesTotal]),
    )

    expect(bytes).toBe(statSync(destination).size)
    expect(progress.at(-1)).toEqual([bytes, bytes])
    const sections = await sectionsOf(destination)
    expect(sections.head.metadata).toMatchObject({
      createdAt: clock.now().toISOString(),
      vaultId: vault.keyring.vaultId,
      generation: 1,
      schemaVersion: MIGRATIONS.length,
      caseworkSchemaVersion: CASEWORK_MIGRATIONS.length,
    })
    expect(sections.keyring.toString('utf8')).toBe(serializeKeyring(vault.keyring))
    // The trail was sealed just before the snapshot: the backup's checkpoint covers the entry appended above.
    expect(JSON.parse(sections.anchor.toString('utf8'))).toMatchObject({ seq: 3 })
    // The snapshots are the still-encrypted databases, under their own keys.
    expect(sections.vault.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0')
    expect(storedTrail(vault).at(-1)).toEqual({
      action: 'backup.created',
      target: `vault:${vault.keyring.vaultId}`,
      details: { bytes },
    })
    expect(temporaries(vault.folder)).toEqual([])
    expect(readdirSync(root()).sort()).toEqual(['backup.ccijbackup', 'vault'])
    expect(vault.keeper.operations.isBusy()).toBe(false)
    expect(secrets.macKeys).toHaveLength(1)
    expect(secrets.macKeys.every(isZeroKey)).toBe(true)
  })

  it('without a progress listener it writes the same kind of file', async () => {
    const vault = await newVault()
    const destination = join(root(), 'backup.ccijbackup')
    const { bytes } = await vault.service.create(destination)
    expect(bytes).toBe(statSync(destination).size)
  })

  it('locked: LOCKED, and no file', async () => {
    const vault = await newVault({ signedIn: false })
    const destination = join(root(), 'backup.ccijbackup')
    expect(await codeOfAsync(vault.service.create(destination))).toBe('LOCKED')
    expect(existsSync(destination)).toBe(false)
  })

  it('a caseworker, an admin whose passphrase change is pending, or a session missing a key: refused, no file', async () => {
    const destination = join(root(), 'backup.ccijbackup')
    const vault = await newVault({ signedIn: false })
    signIn(vault, { ...copyOfKeys(vault.keys), admin: null })
    expect(await errorOf(vault.service.create(destination))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only an admin can do this.',
    })
    vault.keeper.close(false)

    signIn(vault).passphraseChangePending = true
    expect(await codeOfAsync(vault.service.create(destination))).toBe('PASSPHRASE_CHANGE_REQUIRED')
    vault.keeper.close(false)

    // Neither can happen through openSession (an admin's session holds all three keys); checked all the same.
    for (const missing of ['admin', 'case'] as const) {
      const session = signIn(vault)
      ;(session.keys as { admin: Buffer | null; case: Buffer | null })[missing] = null
      expect(await errorOf(vault.service.create(destination))).toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only an admin can do this.',
      })
      vault.keeper.close(false)
    }
    expect(existsSync(destination)).toBe(false)
    expect(temporaries(vault.folder)).toEqual([])
    expect(readdirSync(root())).toEqual(['vault'])
    expect(vault.keeper.operations.isBusy()).toBe(false)
  })

  it('a lock while it writes: CANCELLED, no backup, no audit entry, no snapshot left', async () => {
    const vault = await newVault()
    const destination = join(root(), 'backup.ccijbackup')
    const work = vault.service.create(destination, () => vault.keeper.close(true, 'manual'))
    expect(await codeOfAsync(work)).toBe('CANCELLED')
    expect(readdirSync(root())).toEqual(['vault'])
    expect(temporaries(vault.folder)).toEqual([])
    expect(storedTrail(vault).map((entry) => entry.action)).toEqual([
      'vault.created',
      'account.added',
      'lock',
    ])
    expect(vault.keeper.operations.isBusy()).toBe(false)
  })
})

describe('BackupService.restore', () => {
  /** A vault, a backup of it, then two more entries in the current vault (what the restore rolls back). */
  async function vaultWithBackup(options: { hooks?: TVaultHooks } = {}) {
    const vault = await newVault(options)
    const backup = join(root(), 'backup.ccijbackup')
    clock.advance(60_000)
    await vault.service.create(backup)
    const backupCreatedAt = clock.now().toISOString()
    clock.advance(60_000)
    const session = vault.keeper.require()
    session.trail.append(session.actor, 'record.viewed', null, {}, clock.now())
    session.trail.append(session.actor, 'record.changed', null, {}, clock.now())
    return { vault, backup, backupCreatedAt }
  }

  it('over the current vault: swaps it in, signs the admin in, and records what was rolled back', async () => {
    const steps: string[] = []
    const { vault, backup, backupCreatedAt } = await vaultWithBackup({
      hooks: {
        at: (step) => {
          steps.push(step)
          secrets.events.push(step)
          // Where a crash here would leave things: the staged folder and the replaced vault, named for settle().
          if (step === 'restore:aside')
            steps.push(...siblings().map((name) => name.replace(/-[0-9a-f]{12}$/, '-…')))
        },
      },
    })
    secrets.events.length = 0
    const previous = vault.keeper.require()
    const head = previous.trail.head()
    const progress: number[] = []

    const staff = await vault.service.restore(backup, 'ALEX.example', PASSPHRASE, ({ bytesDone }) =>
      progress.push(bytesDone),
    )

    expect(staff).toEqual({ ...previous.staff, mustChangePassphrase: false })
    const restored = vault.keeper.require()
    expect(restored).not.toBe(previous)
    expect(previous.db.database.open).toBe(false)
    expect(steps).toEqual([
      'restore:staged',
      'restore:aside',
      '.vault.replaced-…',
      '.vault.restoring-…',
      'restore:swapped',
    ])
    // The staged folder is made durable before the swap starts, and the swap (the parent's entries) before the
    // restored vault is used.
    const staged = secrets.events.indexOf('restore:staged')
    expect(secrets.events[staged - 1]).toMatch(/^fsync .*\/\.vault\.restoring-[0-9a-f]{12}$/)
    expect(secrets.events[staged - 1]?.startsWith(`fsync ${root()}/`)).toBe(true)
    expect(secrets.events.slice(staged)).toEqual([
      'restore:staged',
      'restore:aside',
      `fsync ${root()}`,
      'restore:swapped',
    ])
    expect(progress.length).toBeGreaterThan(0)
    expect(
      restored.trail
        .list({})
        .entries.map((entry) => [entry.action, entry.details])
        .reverse(),
    ).toEqual([
      ['vault.created', {}],
      ['account.added', { role: 'admin' }],
      [
        'restore.completed',
        {
          backupCreatedAt,
          backupGeneration: 1,
          rolledBack: {
            count: 3,
            fromSeq: 3,
            toSeq: 5,
            headHash: head?.hash,
            lastAt: clock.now().toISOString(),
            actions: { 'backup.created': 1, 'record.viewed': 1, 'record.changed': 1 },
            diverged: false,
          },
        },
      ],
    ])
    expect(restored.trail.list({}).entries[0]).toMatchObject({
      targetType: 'vault',
      targetId: vault.keyring.vaultId,
    })
    expect(siblings()).toEqual([])
    expect(vault.keeper.operations.isBusy()).toBe(false)
    // Only the restored session's connection is open: every probe of the staged databases was closed.
    expect(opened().filter((database) => database.open)).toEqual([restored.db.database])
    // The keys the backup's slot yielded now belong to the restored session: not zeroed with the others.
    expect([restored.keys.vault, restored.keys.case, restored.keys.admin].some(isZeroKey)).toBe(false)
    expect(secrets.macKeys.every(isZeroKey)).toBe(true)
    expect(secrets.privateKeys.every(isZeroKey)).toBe(true)
  })

  it('where there is no vault: made in place (its folders private), with nothing rolled back', async () => {
    const { vault, backup, backupCreatedAt } = await vaultWithBackup()
    // Two folders that do not exist yet above it: made too, private.
    const elsewhere = join(root(), 'other', 'deeper', 'vault')
    const keeper = keeperAt(elsewhere)
    const staff = await new BackupService(keeper).restore(backup, ADMIN, PASSPHRASE)
    expect(staff).toMatchObject({ username: ADMIN, role: 'admin' })
    expect(
      keeper
        .require()
        .trail.list({})
        .entries.map((entry) => [entry.action, entry.details]),
    ).toEqual([
      ['restore.completed', { backupCreatedAt, backupGeneration: 1 }],
      ['account.added', { role: 'admin' }],
      ['vault.created', {}],
    ])
    expect(statSync(elsewhere).mode & 0o777).toBe(0o700)
    expect(statSync(dirname(elsewhere)).mode & 0o777).toBe(0o700)
    expect(statSync(join(root(), 'other')).mode & 0o777).toBe(0o700)
    expect(readdirSync(dirname(elsewhere))).toEqual(['vault'])
    expect(vault.keeper.current()).not.toBeNull()
  })

  it('where there is no vault, a failure before the swap leaves no folder behind and its own error', async () => {
    const { backup } = await vaultWithBackup()
    const elsewhere = join(root(), 'other', 'vault')
    const keeper = keeperAt(elsewhere, {
      at: (step) => {
        if (step === 'restore:aside') throw new Error('stopped at restore:aside')
      },
    })
    expect(await errorOf(new BackupService(keeper).restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      message: 'stopped at restore:aside',
    })
    expect(readdirSync(join(root(), 'other'))).toEqual([])
    expect(keeper.current()).toBeNull()
  })

  it('a backup file swapped for another while the passphrase was checked: refused, as the MAC cannot tell', async () => {
    const { vault, backup } = await vaultWithBackup()
    const sections = await sectionsOf(backup)
    // The same vault's backup, MAC'd with its real key, laid out exactly alike, with other keyring bytes.
    const text = sections.keyring.toString('utf8')
    const keyring = Buffer.from(`${text.slice(0, -1)} `, 'utf8')
    const files = { vault: join(root(), 'section-vault'), casework: join(root(), 'section-casework') }
    writeFileSync(files.vault, sections.vault)
    writeFileSync(files.casework, sections.casework)
    const swapped = join(root(), 'swapped.ccijbackup')
    const { sections: _sizes, ...metadata } = sections.head.metadata
    await writeBackupFile(
      swapped,
      metadata,
      { keyring, anchor: Buffer.from(sections.anchor), ...files },
      adminSubkey(vault.keys.admin ?? Buffer.alloc(32), 'backup-mac', vault.keyring.vaultId),
      { operation: new OperationGuard().begin(), beforeRename: () => undefined },
    )
    expect(statSync(swapped).size).toBe(statSync(backup).size)
    secrets.macKeys.length = 0
    secrets.afterOpen = () => {
      secrets.afterOpen = null
      renameSync(swapped, backup)
    }
    const session = vault.keeper.require()
    const before = hashes(vault.folder)
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      code: 'INVALID_FILE',
      message: 'This is not a usable CCIJ vault backup: it changed while it was read. Nothing was changed.',
    })
    expect(hashes(vault.folder)).toEqual(before)
    expect(vault.keeper.current()).toBe(session)
    expect(siblings()).toEqual([])
    expect(secrets.grants.every(allZero)).toBe(true)
  })

  it('over a locked vault: LOCKED; by a caseworker: FORBIDDEN; nothing changed either way', async () => {
    const { vault, backup } = await vaultWithBackup()
    vault.keeper.close(false)
    const before = hashes(vault.folder)
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      code: 'LOCKED',
      message: 'Unlock the vault as an admin to restore a backup over it.',
    })
    signIn(vault, { ...copyOfKeys(vault.keys), admin: null })
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only an admin of this vault can restore a backup over it.',
    })
    vault.keeper.close(false)
    expect(hashes(vault.folder)).toEqual(before)
    expect(vault.keeper.operations.isBusy()).toBe(false)
  })

  it('a wrong passphrase or a name with no slot: WRONG_PASSPHRASE, counted under the restore’s own key', async () => {
    const { vault, backup } = await vaultWithBackup()
    const session = vault.keeper.require()
    const before = hashes(vault.folder)
    expect(await errorOf(vault.service.restore(backup, ADMIN, WRONG))).toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message:
        'That account name and passphrase do not open an admin account in this backup. Nothing was changed.',
    })
    expect(await codeOfAsync(vault.service.restore(backup, 'nobody.example', PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(vault.keeper.current()).toBe(session)
    expect(hashes(vault.folder)).toEqual(before)
    expect(siblings()).toEqual([])
    // Two failures so far; a success clears them, so two more do not make a third.
    await vault.service.restore(backup, ADMIN, PASSPHRASE)
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await codeOfAsync(vault.service.restore(backup, ADMIN, WRONG))).toBe('WRONG_PASSPHRASE')
    }
    expect(await codeOfAsync(vault.service.restore(backup, ADMIN, WRONG))).toBe('WRONG_PASSPHRASE')
    // The third failure in a row waits a second, even with the right passphrase, and only for restores.
    expect(await codeOfAsync(vault.service.restore(backup, ADMIN, PASSPHRASE))).toBe('THROTTLED')
    expect(() => vault.keeper.throttle.assertAllowed(ADMIN)).not.toThrow()
    const throttle = JSON.parse(readFileSync(vault.keeper.paths.throttle, 'utf8')) as {
      failures: Record<string, unknown>
    }
    expect(Object.keys(throttle.failures)).toEqual(['restore:'])
    expect(vault.keeper.operations.isBusy()).toBe(false)
    clock.advance(1_000)
    expect(await codeOfAsync(vault.service.restore(backup, ADMIN, PASSPHRASE))).toBeNull()
  })

  it('a name without a staff slot in the backup (none, or a legacy one) costs the key derivation a known name costs', async () => {
    const vault = await newVault()
    // A wave-1 colleague's slot kept after the upgrade: listed by name, opened by no passphrase here.
    const legacy: TKeySlot = unopenableLegacySlot('acct-casey.example', 'casey.example', {
      name: 'scrypt',
      N: 16,
      r: 1,
      p: 1,
    })
    writeKeyring(vault.keeper.paths.keyring, withSlot(vault.keeper.requireKeyring(), legacy))
    const backup = join(root(), 'backup.ccijbackup')
    await vault.service.create(backup)
    const alex = vault.keyring.slots.find((slot) => slot.kind === 'staff' && slot.username === ADMIN)
    const derivations = () =>
      vi
        .mocked(deriveKey)
        .mock.calls.map(([secret, salt, params]) => [secret, salt.toString('base64'), params])
    vi.mocked(deriveKey).mockClear()
    expect(await codeOfAsync(vault.service.restore(backup, ADMIN, WRONG))).toBe('WRONG_PASSPHRASE')
    const known = derivations()
    expect(known).toEqual([[WRONG, alex?.kind === 'staff' ? alex.sealedKey.salt : '', FAST_KDF]])
    for (const username of ['nobody.example', 'casey.example']) {
      clock.advance(60_000)
      vi.mocked(deriveKey).mockClear()
      expect(await codeOfAsync(vault.service.restore(backup, username, WRONG))).toBe('WRONG_PASSPHRASE')
      expect(derivations()).toEqual(known)
    }
  })

  it('a caseworker’s passphrase opens no admin slot of the backup: WRONG_PASSPHRASE, its keys zeroed', async () => {
    const vault = await newVault()
    await addStaff(vault, 'casey.example', 'caseworker', 'river copper meadow 41')
    const backup = join(root(), 'backup.ccijbackup')
    await vault.service.create(backup)
    expect(await codeOfAsync(vault.service.restore(backup, 'casey.example', 'river copper meadow 41'))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(secrets.grants).toHaveLength(1)
    expect(secrets.grants[0]?.admin).toBeNull()
    expect([secrets.grants[0]?.vault ?? null, secrets.grants[0]?.case ?? null].every(isZeroKey)).toBe(true)
    expect(secrets.privateKeys.every(isZeroKey)).toBe(true)
  })

  /** A backup file written with `keyring` and `metadata` of our choosing, MAC'd with the vault's real key. */
  async function craftedBackup(
    vault: TVault,
    keyring: Buffer,
    metadata: { vaultId?: string; generation?: number } = {},
  ): Promise<string> {
    const target = join(root(), 'crafted.ccijbackup')
    const filler = join(root(), 'filler.bin')
    writeFileSync(filler, 'not a database')
    const macKey = adminSubkey(vault.keys.admin ?? Buffer.alloc(32), 'backup-mac', vault.keyring.vaultId)
    await writeBackupFile(
      target,
      {
        createdAt: clock.now().toISOString(),
        vaultId: metadata.vaultId ?? vault.keyring.vaultId,
        generation: metadata.generation ?? 1,
        schemaVersion: 1,
        caseworkSchemaVersion: 1,
      },
      { keyring, anchor: Buffer.from('{}'), vault: filler, casework: filler },
      macKey,
      { operation: new OperationGuard().begin(), beforeRename: () => undefined },
    )
    secrets.macKeys.length = 0
    return target
  }

  it('a backup with a wave-1 keyring is refused as such', async () => {
    const vault = await newVault()
    const legacy = Buffer.from(
      JSON.stringify({ format: 'ccij-keyring', version: 1, vaultId: 'v-1', slots: [] }),
    )
    const backup = await craftedBackup(vault, legacy)
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      code: 'INVALID_FILE',
      message:
        'This is not a usable CCIJ vault backup: its keyring is from an earlier version of the app. Nothing was changed.',
    })
  })

  it('a header naming another vault or generation than its keyring: refused, the opened keys zeroed', async () => {
    const vault = await newVault()
    const keyring = Buffer.from(serializeKeyring(vault.keyring))
    for (const metadata of [{ vaultId: 'another-vault' }, { generation: 2 }]) {
      const backup = await craftedBackup(vault, keyring, metadata)
      expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
        code: 'INVALID_FILE',
        message:
          'This is not a usable CCIJ vault backup: its header does not match its keyring. Nothing was changed.',
      })
    }
    expect(secrets.grants).toHaveLength(2)
    expect(secrets.grants.every(allZero)).toBe(true)
    expect(siblings()).toEqual([])
  })

  it('a backup changed after it was written fails its MAC: nothing staged is left, the vault is as it was', async () => {
    const { vault, backup } = await vaultWithBackup()
    const session = vault.keeper.require()
    const bytes = readFileSync(backup)
    const at = bytes.length - 100
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at)
    writeFileSync(backup, bytes)
    const before = hashes(vault.folder)
    expect(await codeOfAsync(vault.service.restore(backup, ADMIN, PASSPHRASE))).toBe('INVALID_FILE')
    expect(hashes(vault.folder)).toEqual(before)
    expect(vault.keeper.current()).toBe(session)
    expect(siblings()).toEqual([])
    expect(secrets.macKeys.every(isZeroKey)).toBe(true)
    expect(secrets.grants.every(allZero)).toBe(true)
    expect(vault.keeper.operations.isBusy()).toBe(false)
  })

  it('a backup whose database fails SQLite’s integrity check is refused before anything is replaced', async () => {
    const vault = await newVault()
    // A row its CHECK constraint forbids, written with the constraint off: every page still decrypts.
    const database = openEncryptedDatabase(
      join(vault.folder, vault.keyring.files.vault),
      Buffer.from(vault.keys.vault),
    )
    database.pragma('ignore_check_constraints = ON')
    database.prepare("UPDATE staff_accounts SET role = 'superuser' WHERE id = ?").run(vault.accountId)
    database.close()
    const backup = join(root(), 'backup.ccijbackup')
    await vault.service.create(backup)
    const before = hashes(vault.folder)
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      code: 'INVALID_FILE',
      message: 'A database inside this backup is damaged. Nothing was changed.',
    })
    expect(hashes(vault.folder)).toEqual(before)
    expect(siblings()).toEqual([])
    expect(opened().filter((each) => each.open)).toEqual([vault.keeper.require().db.database])
  })

  it('a lock during the restore: CANCELLED, the vault left in place and locked, nothing staged left', async () => {
    const { vault, backup } = await vaultWithBackup()
    // The lock seals the trail's head (the anchor file); everything else stays as it was.
    const { [vault.keyring.files.anchor]: _anchor, ...before } = hashes(vault.folder)
    const work = vault.service.restore(backup, ADMIN, PASSPHRASE, () => vault.keeper.close(false))
    expect(await codeOfAsync(work)).toBe('CANCELLED')
    expect(hashes(vault.folder)).toMatchObject(before)
    expect(Object.keys(hashes(vault.folder))).toEqual(
      [...Object.keys(before), vault.keyring.files.anchor].sort(),
    )
    expect(vault.keeper.current()).toBeNull()
    expect(siblings()).toEqual([])
    expect(vault.keeper.operations.isBusy()).toBe(false)
  })

  it('a lock after the backup was staged, just before the swap: CANCELLED, the vault left in place', async () => {
    let vault: TVault | null = null
    const setup = await vaultWithBackup({
      hooks: { at: (step) => (step === 'restore:staged' ? vault?.keeper.close(false) : undefined) },
    })
    vault = setup.vault
    const keyring = readFileSync(vault.keeper.paths.keyring)
    expect(await codeOfAsync(vault.service.restore(setup.backup, ADMIN, PASSPHRASE))).toBe('CANCELLED')
    expect(readFileSync(vault.keeper.paths.keyring)).toEqual(keyring)
    expect(storedTrail(vault).map((entry) => entry.action)).toContain('record.changed')
    expect(vault.keeper.current()).toBeNull()
    expect(siblings()).toEqual([])
  })

  it('a failure after the current vault was moved aside moves it back', async () => {
    let failAt = 'restore:aside'
    const { vault, backup } = await vaultWithBackup({
      hooks: {
        at: (step) => {
          if (step === failAt) throw new Error(`stopped at ${step}`)
        },
      },
    })
    const keyring = readFileSync(vault.keeper.paths.keyring)
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      message: 'stopped at restore:aside',
    })
    expect(readFileSync(vault.keeper.paths.keyring)).toEqual(keyring)
    expect(siblings()).toEqual([])
    // The current vault came back as it was left: with the lock the restore recorded before moving it aside.
    expect(storedTrail(vault).at(-1)?.action).toBe('lock')
    // Before the swap the session was still open; a failure at the staged step leaves it open.
    signIn(vault)
    failAt = 'restore:staged'
    const session = vault.keeper.require()
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      message: 'stopped at restore:staged',
    })
    expect(vault.keeper.current()).toBe(session)
    expect(siblings()).toEqual([])
  })

  it('a backup whose admin account is disabled is restored locked: FORBIDDEN with its own sentence', async () => {
    const vault = await newVault()
    vault.keeper.require().accounts.setStatus(vault.accountId, 'disabled')
    const backup = join(root(), 'backup.ccijbackup')
    await vault.service.create(backup)
    expect(await errorOf(vault.service.restore(backup, ADMIN, PASSPHRASE))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This account is disabled in the backup.',
    })
    expect(vault.keeper.current()).toBeNull()
    // The swap had happened: the restored vault stands (locked), and the replaced one is gone.
    expect(siblings()).toEqual([])
    expect(existsSync(vault.keeper.paths.keyring)).toBe(true)
    expect(secrets.grants.every(allZero)).toBe(true)
  })
})
