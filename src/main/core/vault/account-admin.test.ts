import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  NEW_PASSPHRASE,
  addTestCaseworker,
  signedIn,
  vaultKeysOf,
} from '#test-support/vault-fixtures'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import { openEncryptedDatabase } from '../db/open-database'

type TSlot = { kind: string; id: string }
const readSlots = (root: string): TSlot[] =>
  (JSON.parse(readFileSync(join(root, 'vault', 'keyring.json'), 'utf8')) as { slots: TSlot[] }).slots

describe('an admin changes a colleague’s role', () => {
  const root = tempFolderPerTest()

  it('changes the role, audits from/to, and the colleague unlocks with the new role', async () => {
    const { vault, accounts, audit } = await createTestVault(root())
    const casey = await addTestCaseworker(accounts)
    const before = await vaultKeysOf(root(), 'casey.example', CASEWORKER_PASSPHRASE)
    const changed = await accounts.changeRole(casey.id, 'viewer')
    expect(changed).toMatchObject({ id: casey.id, role: 'viewer', status: 'active' })
    expect(accounts.list().find((account) => account.id === casey.id)?.role).toBe('viewer')
    const entries = audit.list({ action: 'account.role_changed' }).entries
    expect(entries.map((entry) => [entry.targetId, entry.details])).toEqual([
      [casey.id, { from: 'caseworker', to: 'viewer' }],
    ])
    // A demotion rekeys: the case key Casey held as a caseworker does not open the new casework.db.
    const after = await vaultKeysOf(root(), 'casey.example', CASEWORKER_PASSPHRASE)
    expect(after.case).toBeNull()
    expect(after.generation).toBe(before.generation + 1)
    expect(() => openEncryptedDatabase(after.files.casework, before.case ?? Buffer.alloc(32))).toThrow()
    // The same role again changes nothing and records nothing.
    await accounts.changeRole(casey.id, 'viewer')
    expect(audit.list({ action: 'account.role_changed' }).total).toBe(1)
    expect(audit.verify().ok).toBe(true)
    vault.lock()
    expect((await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)).role).toBe('viewer')
    // A non-admin cannot change roles.
    expect(await codeOfAsync(() => accounts.changeRole(casey.id, 'admin'))).toBe('FORBIDDEN')
    vault.lock()
  })

  it('the last active admin cannot be demoted; with a second admin, the other one can', async () => {
    const { vault, accounts, audit } = await createTestVault(root())
    const admin = signedIn(vault)
    expect(await codeOfAsync(() => accounts.changeRole(admin.accountId, 'caseworker'))).toBe('CONFLICT')
    const casey = await addTestCaseworker(accounts)
    await accounts.changeRole(casey.id, 'admin')
    // Your own role is changed by another admin.
    expect(await codeOfAsync(() => accounts.changeRole(admin.accountId, 'viewer'))).toBe('FORBIDDEN')
    await accounts.changeRole(casey.id, 'caseworker')
    // The signed-in admin's own account disabled meanwhile: the only active admin left is the colleague.
    await accounts.changeRole(casey.id, 'admin')
    await accounts.disable(admin.accountId)
    // Their own slot is not in the new generation: the vault locked. Casey is now the only active admin.
    expect(vault.currentStaff()).toBeNull()
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(await codeOfAsync(() => accounts.changeRole(casey.id, 'viewer'))).toBe('CONFLICT')
    expect(accounts.list().find((account) => account.id === casey.id)?.role).toBe('admin')
    expect(
      audit
        .list({ action: 'account.role_changed' })
        .entries.map((entry) => entry.details)
        .reverse(),
    ).toEqual([
      { from: 'caseworker', to: 'admin' },
      { from: 'admin', to: 'caseworker' },
      { from: 'caseworker', to: 'admin' },
    ])
    expect(await codeOfAsync(() => accounts.changeRole('no-such-account', 'viewer'))).toBe('NOT_FOUND')
    vault.lock()
  })
})

describe('an admin resets a colleague’s forgotten passphrase', () => {
  const root = tempFolderPerTest()

  it('the old passphrase stops working, the new one opens that account, other slots are byte-identical', async () => {
    const { vault, accounts, audit } = await createTestVault(root())
    const casey = await addTestCaseworker(accounts)
    const jordan = await accounts.add({
      username: 'jordan.example',
      displayName: 'Jordan Example',
      role: 'viewer',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    const before = readSlots(root())

    const account = await accounts.resetPassphrase(casey.id, NEW_PASSPHRASE)
    expect(account).toMatchObject({ id: casey.id, status: 'active' })
    // The admin stays signed in as themselves.
    expect(vault.currentStaff()?.username).toBe('alex.example')

    const after = readSlots(root())
    const others = (slots: TSlot[]) =>
      JSON.stringify(slots.filter((slot) => slot.id !== casey.id).sort((a, b) => a.id.localeCompare(b.id)))
    expect(others(after)).toBe(others(before))
    expect(after.filter((slot) => slot.id === casey.id)).toHaveLength(1)
    expect(after.find((slot) => slot.id === casey.id)).not.toEqual(
      before.find((slot) => slot.id === casey.id),
    )
    expect(after.map((slot) => slot.id).sort()).toEqual(before.map((slot) => slot.id).sort())

    const entries = audit.list({ action: 'account.passphrase_reset' }).entries
    expect(entries.map((entry) => [entry.actorUsername, entry.targetId])).toEqual([
      ['alex.example', casey.id],
    ])
    expect(audit.verify().ok).toBe(true)
    vault.lock()

    expect(await codeOfAsync(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect((await vault.unlock('casey.example', NEW_PASSPHRASE)).accountId).toBe(casey.id)
    vault.lock()
    await vault.unlock('jordan.example', CASEWORKER_PASSPHRASE)
    expect(vault.currentStaff()?.accountId).toBe(jordan.id)
    // A non-admin cannot reset anyone's passphrase.
    expect(await codeOfAsync(accounts.resetPassphrase(casey.id, NEW_PASSPHRASE))).toBe('FORBIDDEN')
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock()
  })

  it('refuses your own account, a disabled account and a weak passphrase, changing no file', async () => {
    const { vault, accounts, audit } = await createTestVault(root())
    const admin = signedIn(vault)
    const casey = await addTestCaseworker(accounts)
    const sam = await addTestCaseworker(accounts, 'sam.example')
    await accounts.disable(sam.id)
    const keyring = readFileSync(join(root(), 'vault', 'keyring.json'))

    expect(await codeOfAsync(accounts.resetPassphrase(admin.accountId, NEW_PASSPHRASE))).toBe('FORBIDDEN')
    expect(await codeOfAsync(accounts.resetPassphrase(sam.id, NEW_PASSPHRASE))).toBe('NOT_FOUND')
    expect(await codeOfAsync(accounts.resetPassphrase('no-such-account', NEW_PASSPHRASE))).toBe('NOT_FOUND')
    // The colleague's names count against the passphrase (this one is strong for anyone else).
    expect(await codeOfAsync(accounts.resetPassphrase(casey.id, 'casey.example1'))).toBe('BAD_REQUEST')
    expect(await codeOfAsync(accounts.resetPassphrase(casey.id, 'short'))).toBe('BAD_REQUEST')

    expect(readFileSync(join(root(), 'vault', 'keyring.json')).equals(keyring)).toBe(true)
    expect(audit.list({ action: 'account.passphrase_reset' }).total).toBe(0)
    vault.lock()
    expect(await codeOfAsync(vault.unlock('sam.example', NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock()
  })
})

describe('a lock during the rekey that follows a departure', () => {
  const root = tempFolderPerTest()

  it('stops the rekey cleanly; the next admin unlock finishes it and the leaver stays out', async () => {
    const { vault, accounts } = await createTestVault(root())
    const casey = await addTestCaseworker(accounts)
    const before = await vaultKeysOf(root(), 'casey.example', CASEWORKER_PASSPHRASE)
    let locked = false
    const disabling = accounts.disable(casey.id, {
      onProgress: () => {
        // The idle lock or Ctrl+L, arriving (as an IPC message does) while the databases are being re-encrypted.
        if (!locked) setImmediate(() => vault.lock())
        locked = true
      },
    })
    expect(await codeOfAsync(disabling)).toBe('CANCELLED')
    expect(vault.status().state).toBe('locked')
    // The keyring still names the old generation, and the abandoned new files are gone.
    expect(readdirSync(join(root(), 'vault')).filter((name) => name.includes('-g2'))).toEqual([])
    const stillOld = await vaultKeysOf(root())
    expect(stillOld.generation).toBe(before.generation)

    // The disable itself committed before the rekey started: the admin's unlock finishes the rekey.
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(accounts.list().find((account) => account.id === casey.id)?.status).toBe('disabled')
    const after = await vaultKeysOf(root())
    expect(after.generation).toBe(before.generation + 1)
    expect(() => openEncryptedDatabase(after.files.casework, before.case ?? Buffer.alloc(32))).toThrow()
    vault.lock()
    expect(await codeOfAsync(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).not.toBeNull()
  })
})
