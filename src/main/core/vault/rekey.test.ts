import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  addTestCaseworker,
  createTestVault,
  vaultKeysOf,
} from '#test-support/vault-fixtures'
import { unopenableLegacySlot } from '#test-support/legacy-slot'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import { REKEY_STEPS } from '#test-support/rekey-steps'
import { openEncryptedDatabase } from '../db/open-database'
import type { TProgress } from './progress'

/*
 * rekey.ts itself: its steps and their order, the bytes it reports, the audit entry it writes into the new
 * generation, what a failure before and after the switch leaves, and the slots it keeps. The security claims built
 * on it (a leaver's keys open nothing, an unendorsed slot gets nothing) are in tests/unit/insider.test.ts and
 * account-admin.test.ts.
 */

type TKeyringFile = { generation: number; slots: Array<Record<string, unknown>> }

/** Where a slot (by name, or 'recovery') stands in the keyring: the rekey reports slots in the keyring's order. */
const order = (keyring: TKeyringFile, name: string): number =>
  keyring.slots.findIndex((slot) =>
    name === 'recovery' ? slot['kind'] === 'recovery' : slot['username'] === name,
  )

/**
 * Hooks that throw at the first `rekey:start` after `arm()`, once: a crash right after a disable or role change
 * committed, before its own rekey.
 */
function crashBeforeOwnRekey(): { hooks: { at: (step: string) => void }; arm: () => void } {
  let armed = false
  return {
    hooks: {
      at: (step) => {
        if (armed && step === 'rekey:start') {
          armed = false
          throw new Error('crashed before the rekey')
        }
      },
    },
    arm: () => {
      armed = true
    },
  }
}

/** Linux names every file this process holds open under /proc/self/fd; elsewhere the check is skipped. */
const FD_FOLDER = '/proc/self/fd'

/** The files of `folder` this process holds open (a database connection holds its file). */
const openFilesIn = (folder: string): string[] =>
  readdirSync(FD_FOLDER)
    .map((fd) => {
      try {
        return readlinkSync(join(FD_FOLDER, fd))
      } catch {
        return '' // closed since the listing
      }
    })
    .filter((target) => target.startsWith(`${folder}/`))
    .sort()

describe('a rekey', () => {
  const root = tempFolderPerTest()
  const folder = () => join(root(), 'vault')
  const keyringFile = () => JSON.parse(readFileSync(join(folder(), 'keyring.json'), 'utf8')) as TKeyringFile
  const filesOnDisk = () =>
    readdirSync(folder())
      .filter((name) => name !== 'unlock-throttle.json')
      .sort()

  it('runs its steps in order, reports bytes up to its total, audits itself and leaves one generation', async () => {
    const steps: string[] = []
    const { vault, audit } = await createTestVault(root(), { hooks: { at: (step) => steps.push(step) } })
    const before = await vaultKeysOf(root())
    const vaultBytes = statSync(before.files.vault).size
    const caseworkBytes = statSync(before.files.casework).size
    steps.length = 0
    const seen: TProgress[] = []
    const result = await vault.rekey({ onProgress: (progress) => seen.push(progress) })

    expect(result).toEqual({ generation: 2, needsNewPassphrase: [], unendorsed: [], removed: [] })
    expect(steps).toEqual(REKEY_STEPS)
    const total = 2 * (vaultBytes + caseworkBytes) + 1
    expect(seen).toEqual([
      { bytesDone: vaultBytes, bytesTotal: total },
      { bytesDone: 2 * vaultBytes, bytesTotal: total },
      { bytesDone: 2 * vaultBytes + caseworkBytes, bytesTotal: total },
      { bytesDone: total - 1, bytesTotal: total },
      { bytesDone: total, bytesTotal: total },
    ])
    expect(filesOnDisk()).toEqual(['audit-anchor-g2.json', 'casework-g2.db', 'keyring.json', 'vault-g2.db'])
    expect(keyringFile().generation).toBe(2)

    // The entry is in the new generation, sealed by its first checkpoint, with the trail's state before.
    const entries = audit.list({ action: 'vault.rekeyed' }).entries
    expect(entries.map((entry) => [entry.actorUsername, entry.targetType, entry.details])).toEqual([
      [
        'alex.example',
        'vault',
        {
          reason: 'requested',
          generation: 2,
          trailBefore: 'intact',
          removed: 0,
          unendorsed: 0,
          needsNewPassphrase: 0,
        },
      ],
    ])
    expect(audit.verify()).toMatchObject({ ok: true, status: 'intact' })
    // The session moved: it reads and writes the new files with the new keys.
    const after = await vaultKeysOf(root())
    expect(after.vault.equals(before.vault)).toBe(false)
    expect(after.case?.equals(before.case ?? Buffer.alloc(0))).toBe(false)
    expect(after.admin?.equals(before.admin ?? Buffer.alloc(0))).toBe(false)
    openEncryptedDatabase(after.files.casework, after.case ?? Buffer.alloc(32)).close()
    vault.lock()
  })

  it('a lock between its copies stops it: CANCELLED, the new files removed, the old generation kept', async () => {
    const { vault } = await createTestVault(root())
    let locked = false
    const rekeying = vault.rekey({
      onProgress: () => {
        // The idle lock or Ctrl+L arrives as an event: only a yield between the copies lets it run in time.
        if (!locked) setImmediate(() => vault.lock())
        locked = true
      },
    })
    expect(await codeOfAsync(rekeying)).toBe('CANCELLED')
    expect(vault.status().state).toBe('locked')
    expect(filesOnDisk()).toEqual(['audit-anchor-g1.json', 'casework-g1.db', 'keyring.json', 'vault-g1.db'])
    expect(keyringFile().generation).toBe(1)
  })

  it.runIf(existsSync(FD_FOLDER))('leaves no file of the vault open once the vault locks', async () => {
    const { vault } = await createTestVault(root())
    await vault.rekey()
    expect(openFilesIn(folder()).length).toBeGreaterThan(0) // the session's own connection: the check sees files
    vault.lock()
    // The connection it opened to write its audit entry into the new vault.db is closed, not left to the collector.
    expect(openFilesIn(folder())).toEqual([])
  })

  it('only an admin gives the vault new keys', async () => {
    const { vault, accounts } = await createTestVault(root())
    await addTestCaseworker(accounts)
    vault.lock()
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    await expect(vault.rekey()).rejects.toThrow('Only an admin can give the vault new keys.')
    expect(await codeOfAsync(vault.rekey())).toBe('FORBIDDEN')
    expect(filesOnDisk()).toEqual(['audit-anchor-g1.json', 'casework-g1.db', 'keyring.json', 'vault-g1.db'])
    vault.lock()
  })

  it('a failure before the switch removes the new files; after it, the new generation stands', async () => {
    let failAt = 'rekey:ready'
    const { vault } = await createTestVault(root(), {
      hooks: {
        at: (step) => {
          if (step === failAt) throw new Error(`stopped at ${step}`)
        },
      },
    })
    await expect(vault.rekey()).rejects.toThrow('stopped at rekey:ready')
    expect(filesOnDisk()).toEqual(['audit-anchor-g1.json', 'casework-g1.db', 'keyring.json', 'vault-g1.db'])
    expect(keyringFile().generation).toBe(1)

    failAt = 'rekey:switched'
    await expect(vault.rekey()).rejects.toThrow('stopped at rekey:switched')
    expect(keyringFile().generation).toBe(2)
    expect(filesOnDisk()).toEqual(
      expect.arrayContaining(['audit-anchor-g2.json', 'casework-g2.db', 'keyring.json', 'vault-g2.db']),
    )
    vault.lock()
    failAt = ''
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    // The unlock settles what the stopped rekey left: the old generation's files go. (It would not, were the
    // rekey's operation still counted as running.)
    expect(filesOnDisk()).toEqual(['audit-anchor-g2.json', 'casework-g2.db', 'keyring.json', 'vault-g2.db'])
    const keys = await vaultKeysOf(root())
    expect(keys.generation).toBe(2)
    openEncryptedDatabase(keys.files.vault, keys.vault).close()
    vault.lock()
  })

  it('files an abandoned attempt left for the next generation are made afresh', async () => {
    const { vault } = await createTestVault(root())
    writeFileSync(join(folder(), 'vault-g2.db'), 'left by an attempt a crash cut short')
    writeFileSync(join(folder(), 'casework-g2.db'), 'left by an attempt a crash cut short')
    writeFileSync(join(folder(), 'audit-anchor-g2.json'), '{}')
    await vault.rekey()
    const keys = await vaultKeysOf(root())
    openEncryptedDatabase(keys.files.vault, keys.vault).close()
    openEncryptedDatabase(keys.files.casework, keys.case ?? Buffer.alloc(32)).close()
    vault.lock()
  })

  it('a slot from before role-separated keys is dropped, its active owner named for a new passphrase', async () => {
    const { vault, accounts, audit } = await createTestVault(root())
    const casey = await addTestCaseworker(accounts)
    vault.lock()
    // As a wave-1 upgrade leaves them: one for an active account, one whose account is gone.
    const legacy = (id: string, username: string) =>
      unopenableLegacySlot(id, username, { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 })
    const keyring = keyringFile()
    keyring.slots = [
      ...keyring.slots.filter((slot) => slot['id'] !== casey.id),
      legacy(casey.id, 'casey.example'),
      legacy('gone-account', 'gone.example'),
    ]
    writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(keyring, null, 2))
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)

    expect(await vault.rekey()).toEqual({
      generation: 2,
      needsNewPassphrase: ['casey.example'],
      unendorsed: [],
      removed: [],
    })
    expect(
      keyringFile()
        .slots.map((slot) => slot['kind'])
        .sort(),
    ).toEqual(['recovery', 'staff'])
    expect(audit.list({ action: 'vault.rekeyed' }).entries[0]?.details).toMatchObject({
      needsNewPassphrase: 1,
    })
    vault.lock()
  })

  it('keeps only slots of active, endorsed accounts, each granted no more than the account’s role', async () => {
    const crash = crashBeforeOwnRekey()
    const { vault, accounts, recovery } = await createTestVault(root(), { hooks: crash.hooks })
    const casey = await addTestCaseworker(accounts)
    const sam = await addTestCaseworker(accounts, 'sam.example', 'Sam Worker-Example')
    await addTestCaseworker(accounts, 'riley.example', 'Riley Worker-Example')
    crash.arm()
    await expect(accounts.disable(casey.id)).rejects.toThrow('crashed before the rekey')
    crash.arm()
    await expect(accounts.changeRole(sam.id, 'viewer')).rejects.toThrow('crashed before the rekey')
    vault.lock()
    // Riley's listed public key swapped for Sam's, and the recovery slot's for Alex's: endorsed by no admin.
    const keyring = keyringFile()
    const slotOf = (username: string) => keyring.slots.find((slot) => slot['username'] === username)
    const riley = slotOf('riley.example')
    const recoverySlot = keyring.slots.find((slot) => slot['kind'] === 'recovery')
    if (riley === undefined || recoverySlot === undefined) throw new Error('slots missing')
    riley['publicKey'] = slotOf('sam.example')?.['publicKey']
    recoverySlot['publicKey'] = slotOf('alex.example')?.['publicKey']
    writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(keyring, null, 2))
    // The admin's unlock would finish the interrupted changes itself (heal-keyring.ts): the rekey is called here.
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const healed = keyringFile()
    const generation = healed.generation

    const slots = (file: TKeyringFile) =>
      file.slots.map((slot) => [slot['kind'], slot['username'] ?? null, slot['role']]).sort()
    expect(generation).toBe(2)
    expect(slots(healed)).toEqual([
      ['staff', 'alex.example', 'admin'],
      ['staff', 'sam.example', 'viewer'],
    ])
    expect((await vaultKeysOf(root(), 'sam.example', CASEWORKER_PASSPHRASE)).case).toBeNull()

    // A new recovery key: a recovery slot of its own again, opening the new generation.
    const recoveryKey = await recovery.replace()
    expect(recoveryKey).toEqual(expect.any(String))
    const replaced = keyringFile()
    expect(replaced.generation).toBe(generation + 1)
    expect(slots(replaced)).toEqual([
      ['recovery', null, 'admin'],
      ['staff', 'alex.example', 'admin'],
      ['staff', 'sam.example', 'viewer'],
    ])
    // Replaced again, the endorsed recovery slot before it is not kept beside the new one.
    const before = replaced.slots.find((slot) => slot['kind'] === 'recovery')?.['publicKey']
    await recovery.replace()
    const again = keyringFile().slots.filter((slot) => slot['kind'] === 'recovery')
    expect(again).toHaveLength(1)
    expect(again[0]?.['publicKey']).not.toBe(before)
    vault.lock()
  })

  it('leaves out a slot whose account was renamed in vault.db behind the app’s back', async () => {
    const { vault, accounts } = await createTestVault(root())
    await addTestCaseworker(accounts)
    const keys = await vaultKeysOf(root())
    // Anyone holding K_vault (every role) can write vault.db; the slot's name is bound into its endorsement.
    const db = openEncryptedDatabase(keys.files.vault, keys.vault)
    db.prepare(
      `UPDATE staff_accounts SET username = 'mallory.example' WHERE username = 'casey.example'`,
    ).run()
    db.close()
    expect(await vault.rekey()).toMatchObject({ unendorsed: ['casey.example'], removed: [] })
    vault.lock()
  })

  it('names what it left out: the removed, the unendorsed and the recovery slot', async () => {
    const crash = crashBeforeOwnRekey()
    const { vault, accounts } = await createTestVault(root(), { hooks: crash.hooks })
    const casey = await addTestCaseworker(accounts)
    await addTestCaseworker(accounts, 'riley.example', 'Riley Worker-Example')
    crash.arm()
    await expect(accounts.disable(casey.id)).rejects.toThrow('crashed before the rekey')
    // Riley's slot and the recovery slot edited while the admin is signed in (no unlock check in between).
    const keyring = keyringFile()
    const riley = keyring.slots.find((slot) => slot['username'] === 'riley.example')
    const recoverySlot = keyring.slots.find((slot) => slot['kind'] === 'recovery')
    const alex = keyring.slots.find((slot) => slot['username'] === 'alex.example')
    if (riley === undefined || recoverySlot === undefined || alex === undefined)
      throw new Error('slots missing')
    riley['publicKey'] = alex['publicKey']
    recoverySlot['publicKey'] = alex['publicKey']
    // A slot copied in under an id no account has: removed, under the name it gives, without failing the rekey.
    keyring.slots.push({ ...alex, id: 'no-such-account', username: 'ghost.example' })
    writeFileSync(join(folder(), 'keyring.json'), JSON.stringify(keyring, null, 2))
    expect(await vault.rekey()).toEqual({
      generation: 2,
      needsNewPassphrase: [],
      unendorsed: ['riley.example', 'recovery'].sort((a, b) => order(keyring, a) - order(keyring, b)),
      removed: ['casey.example', 'ghost.example'],
    })
    expect(keyringFile().slots.map((slot) => slot['username'])).toEqual(['alex.example'])
    // A second rekey finds nothing more to leave out.
    expect(await vault.rekey()).toEqual({
      generation: 3,
      needsNewPassphrase: [],
      unendorsed: [],
      removed: [],
    })
    vault.lock()
  })
})
