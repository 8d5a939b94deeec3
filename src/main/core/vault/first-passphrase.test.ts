import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  NEW_PASSPHRASE,
} from '#test-support/vault-fixtures'
import { codeOf, codeOfAsync, tempFolderPerTest } from '#test-support/per-test'

type TRawSlot = { kind: string; username?: string; mustChangePassphrase?: boolean }
const keyringFile = (root: string): string => join(root, 'vault', 'keyring.json')
const slotOf = (root: string, username: string): TRawSlot | undefined =>
  (JSON.parse(readFileSync(keyringFile(root), 'utf8')) as { slots: TRawSlot[] }).slots.find(
    (slot) => slot.username === username,
  )

/** What production does: a passphrase an admin sets is theirs to replace. */
const MUST_CHANGE = { adminChosenPassphrases: 'must-change' } as const
const ADMIN_CHOSEN = 'birch compass lantern meadow 61'

describe('a passphrase an admin chose is replaced by its owner before anything else', () => {
  const root = tempFolderPerTest()

  it('refuses everything but the change, which must differ, then audits it as the owner’s and opens the app', async () => {
    const { vault, accounts, caseList, intake, audit } = await createTestVault(root(), MUST_CHANGE)
    await accounts.add({
      username: 'casey.example',
      displayName: 'Casey Worker-Example',
      role: 'caseworker',
      passphrase: ADMIN_CHOSEN,
    })
    expect(slotOf(root(), 'casey.example')?.mustChangePassphrase).toBe(true)
    vault.lock()

    const casey = await vault.unlock('casey.example', ADMIN_CHOSEN)
    expect(casey.mustChangePassphrase).toBe(true)
    expect(vault.status().staff?.mustChangePassphrase).toBe(true)
    // The core refuses whatever the host (the CLI, the bridge, Electron), not only dispatch.
    expect(codeOf(() => caseList.list({}))).toBe('PASSPHRASE_CHANGE_REQUIRED')
    expect(codeOf(() => intake.listDrafts())).toBe('PASSPHRASE_CHANGE_REQUIRED')
    // Keeping the admin's choice is no change: the admin would know the passphrase in use.
    expect(await codeOfAsync(() => accounts.changeOwnPassphrase(ADMIN_CHOSEN, ADMIN_CHOSEN))).toBe('CONFLICT')
    expect(await codeOfAsync(() => accounts.changeOwnPassphrase(ADMIN_CHOSEN, 'short'))).toBe('BAD_REQUEST')
    expect(vault.currentStaff()?.mustChangePassphrase).toBe(true)

    await accounts.changeOwnPassphrase(ADMIN_CHOSEN, CASEWORKER_PASSPHRASE)
    expect(vault.currentStaff()?.mustChangePassphrase).toBe(false)
    expect(slotOf(root(), 'casey.example')?.mustChangePassphrase).toBeUndefined()
    expect(intake.listDrafts()).toEqual([])
    vault.lock()

    expect(await codeOfAsync(() => vault.unlock('casey.example', ADMIN_CHOSEN))).toBe('WRONG_PASSPHRASE')
    expect((await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)).mustChangePassphrase).toBe(false)
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const changes = audit.list({ action: 'account.passphrase_changed' }).entries
    expect(changes.map((entry) => [entry.actorUsername, entry.details])).toEqual([
      ['casey.example', { replacedAdminChosen: true }],
    ])
    expect(audit.verify().ok).toBe(true)
    vault.lock()
  })

  it('comes back with an admin’s reset, and an admin who must change is refused admin work too', async () => {
    const { vault, accounts, audit } = await createTestVault(root(), MUST_CHANGE)
    const added = await accounts.add({
      username: 'robin.example',
      displayName: 'Robin Admin-Example',
      role: 'admin',
      passphrase: ADMIN_CHOSEN,
    })
    vault.lock()
    await vault.unlock('robin.example', ADMIN_CHOSEN)
    expect(codeOf(() => accounts.list())).toBe('PASSPHRASE_CHANGE_REQUIRED')
    await accounts.changeOwnPassphrase(ADMIN_CHOSEN, NEW_PASSPHRASE)
    expect(accounts.list().length).toBe(2)
    vault.lock()

    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    await accounts.resetPassphrase(added.id, CASEWORKER_PASSPHRASE)
    expect(slotOf(root(), 'robin.example')?.mustChangePassphrase).toBe(true)
    expect(audit.list({ action: 'account.passphrase_reset' }).entries.map((entry) => entry.targetId)).toEqual(
      [added.id],
    )
    vault.lock()
    expect((await vault.unlock('robin.example', CASEWORKER_PASSPHRASE)).mustChangePassphrase).toBe(true)
    vault.lock()
  })

  it('cannot be cleared by editing keyring.json: the flag is bound into the sealed key', async () => {
    const { vault, accounts } = await createTestVault(root(), MUST_CHANGE)
    await accounts.add({
      username: 'casey.example',
      displayName: 'Casey Worker-Example',
      role: 'caseworker',
      passphrase: ADMIN_CHOSEN,
    })
    vault.lock()
    const keyring = JSON.parse(readFileSync(keyringFile(root()), 'utf8')) as { slots: TRawSlot[] }
    for (const slot of keyring.slots) delete slot.mustChangePassphrase
    writeFileSync(keyringFile(root()), JSON.stringify(keyring))
    // With the flag gone the slot no longer opens with its passphrase: nothing is gained by deleting it.
    expect(await codeOfAsync(() => vault.unlock('casey.example', ADMIN_CHOSEN))).toBe('WRONG_PASSPHRASE')
  })

  it('is not asked of the first admin, who chose their own passphrase when creating the vault', async () => {
    const { vault } = await createTestVault(root(), MUST_CHANGE)
    expect(vault.currentStaff()?.mustChangePassphrase).toBe(false)
    vault.lock()
  })
})
