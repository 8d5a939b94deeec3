import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/result'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  makeTempFolder,
  NEW_PASSPHRASE,
  removeFolder,
} from '../../../../tests/unit/vault-fixtures'
import type { VaultService } from './vault-service'

const codeOf = async (promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> => {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`
  }
  return undefined
}

type TSlot = { kind: string; id: string }
const readSlots = (root: string): TSlot[] =>
  (JSON.parse(readFileSync(join(root, 'vault', 'keyring.json'), 'utf8')) as { slots: TSlot[] }).slots

const addCaseworker = (vault: VaultService, username = 'casey.example') =>
  vault.addAccount({
    username,
    displayName: 'Casey Worker-Example',
    role: 'caseworker',
    passphrase: CASEWORKER_PASSPHRASE,
  })

describe('an admin changes a colleague’s role', () => {
  let root: string
  beforeEach(() => {
    root = makeTempFolder()
  })
  afterEach(() => removeFolder(root))

  it('changes the role, audits from/to, and the colleague unlocks with the new role', async () => {
    const { vault } = await createTestVault(root)
    const casey = await addCaseworker(vault)
    const changed = vault.changeRole(casey.id, 'viewer')
    expect(changed).toMatchObject({ id: casey.id, role: 'viewer', status: 'active' })
    expect(vault.listAccounts().find((account) => account.id === casey.id)?.role).toBe('viewer')
    const entries = vault.audit.list({ action: 'account.role_changed' }).entries
    expect(entries.map((entry) => [entry.targetId, entry.details])).toEqual([
      [casey.id, { from: 'caseworker', to: 'viewer' }],
    ])
    // The same role again changes nothing and records nothing.
    vault.changeRole(casey.id, 'viewer')
    expect(vault.audit.list({ action: 'account.role_changed' }).total).toBe(1)
    expect(vault.audit.verify().ok).toBe(true)
    vault.lock()
    expect((await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)).role).toBe('viewer')
    // A non-admin cannot change roles.
    expect(await codeOf(() => vault.changeRole(casey.id, 'admin'))).toBe('FORBIDDEN')
    vault.lock()
  })

  it('the last active admin cannot be demoted; with a second admin, the other one can', async () => {
    const { vault } = await createTestVault(root)
    const admin = vault.currentStaff()
    if (admin === null) throw new Error('expected unlocked')
    expect(await codeOf(() => vault.changeRole(admin.accountId, 'caseworker'))).toBe('CONFLICT')
    const casey = await addCaseworker(vault)
    vault.changeRole(casey.id, 'admin')
    // Your own role is changed by another admin.
    expect(await codeOf(() => vault.changeRole(admin.accountId, 'viewer'))).toBe('FORBIDDEN')
    vault.changeRole(casey.id, 'caseworker')
    // The signed-in admin's own account disabled meanwhile: the only active admin left is the colleague.
    vault.changeRole(casey.id, 'admin')
    vault.disableAccount(admin.accountId)
    expect(await codeOf(() => vault.changeRole(casey.id, 'viewer'))).toBe('CONFLICT')
    expect(vault.listAccounts().find((account) => account.id === casey.id)?.role).toBe('admin')
    expect(
      vault.audit
        .list({ action: 'account.role_changed' })
        .entries.map((entry) => entry.details)
        .reverse(),
    ).toEqual([
      { from: 'caseworker', to: 'admin' },
      { from: 'admin', to: 'caseworker' },
      { from: 'caseworker', to: 'admin' },
    ])
    expect(await codeOf(() => vault.changeRole('no-such-account', 'viewer'))).toBe('NOT_FOUND')
    vault.lock()
  })
})

describe('an admin resets a colleague’s forgotten passphrase', () => {
  let root: string
  beforeEach(() => {
    root = makeTempFolder()
  })
  afterEach(() => removeFolder(root))

  it('the old passphrase stops working, the new one opens that account, other slots are byte-identical', async () => {
    const { vault } = await createTestVault(root)
    const casey = await addCaseworker(vault)
    const jordan = await vault.addAccount({
      username: 'jordan.example',
      displayName: 'Jordan Example',
      role: 'viewer',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    const before = readSlots(root)

    const account = await vault.resetPassphrase(casey.id, NEW_PASSPHRASE)
    expect(account).toMatchObject({ id: casey.id, status: 'active' })
    // The admin stays signed in as themselves.
    expect(vault.currentStaff()?.username).toBe('alex.example')

    const after = readSlots(root)
    const others = (slots: TSlot[]) =>
      JSON.stringify(slots.filter((slot) => slot.id !== casey.id).sort((a, b) => a.id.localeCompare(b.id)))
    expect(others(after)).toBe(others(before))
    expect(after.filter((slot) => slot.id === casey.id)).toHaveLength(1)
    expect(after.find((slot) => slot.id === casey.id)).not.toEqual(
      before.find((slot) => slot.id === casey.id),
    )
    expect(after.map((slot) => slot.id).sort()).toEqual(before.map((slot) => slot.id).sort())

    const entries = vault.audit.list({ action: 'account.passphrase_reset' }).entries
    expect(entries.map((entry) => [entry.actorUsername, entry.targetId])).toEqual([
      ['alex.example', casey.id],
    ])
    expect(vault.audit.verify().ok).toBe(true)
    vault.lock()

    expect(await codeOf(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect((await vault.unlock('casey.example', NEW_PASSPHRASE)).accountId).toBe(casey.id)
    vault.lock()
    await vault.unlock('jordan.example', CASEWORKER_PASSPHRASE)
    expect(vault.currentStaff()?.accountId).toBe(jordan.id)
    // A non-admin cannot reset anyone's passphrase.
    expect(await codeOf(vault.resetPassphrase(casey.id, NEW_PASSPHRASE))).toBe('FORBIDDEN')
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock()
  })

  it('refuses your own account, a disabled account and a weak passphrase, changing no file', async () => {
    const { vault } = await createTestVault(root)
    const admin = vault.currentStaff()
    if (admin === null) throw new Error('expected unlocked')
    const casey = await addCaseworker(vault)
    const sam = await addCaseworker(vault, 'sam.example')
    vault.disableAccount(sam.id)
    const keyring = readFileSync(join(root, 'vault', 'keyring.json'))

    expect(await codeOf(vault.resetPassphrase(admin.accountId, NEW_PASSPHRASE))).toBe('FORBIDDEN')
    expect(await codeOf(vault.resetPassphrase(sam.id, NEW_PASSPHRASE))).toBe('NOT_FOUND')
    expect(await codeOf(vault.resetPassphrase('no-such-account', NEW_PASSPHRASE))).toBe('NOT_FOUND')
    // The colleague's names count against the passphrase (this one is strong for anyone else).
    expect(await codeOf(vault.resetPassphrase(casey.id, 'casey.example1'))).toBe('BAD_REQUEST')
    expect(await codeOf(vault.resetPassphrase(casey.id, 'short'))).toBe('BAD_REQUEST')

    expect(readFileSync(join(root, 'vault', 'keyring.json')).equals(keyring)).toBe(true)
    expect(vault.audit.list({ action: 'account.passphrase_reset' }).total).toBe(0)
    vault.lock()
    expect(await codeOf(vault.unlock('sam.example', NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock()
  })
})
