import { describe, expect, it } from 'vitest'
import { ADMIN_PASSPHRASE, createTestVault, newVaultServices } from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'

describe('why the vault locked itself', () => {
  const root = tempFolderPerTest()

  it('is told on the unlock screen after an automatic lock, and forgotten at the next unlock', async () => {
    const { vault } = await createTestVault(root())
    expect(vault.status().lastLockReason).toBeNull()

    vault.lock('idle')
    expect(vault.status()).toMatchObject({ state: 'locked', lastLockReason: 'idle' })

    // A second lock request while already locked does not change the story.
    vault.lock('suspend')
    expect(vault.status().lastLockReason).toBe('idle')

    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(vault.status()).toMatchObject({ state: 'unlocked', lastLockReason: null })
    vault.lock('screen-lock')
    expect(vault.status().lastLockReason).toBe('screen-lock')
  })

  it('is unknown after a fresh start of the app', async () => {
    const { vault } = await createTestVault(root())
    vault.lock('idle')
    expect(newVaultServices(root()).vault.status()).toMatchObject({ state: 'locked', lastLockReason: null })
  })
})
