import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEncryptedDatabase } from '../../src/main/core/db/open-database'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  hashFolder,
  NEW_PASSPHRASE,
  newVaultServices,
  vaultKeysOf,
} from '#test-support/vault-fixtures'
import { codeOf, codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import { copyWave1Vault } from '#test-support/wave1-vault'

const VIEWER_PASSPHRASE = 'orchid tundra pebble lantern 8'

describe('a wave-1 vault is upgraded to role-separated keys by its admin’s unlock', () => {
  const root = tempFolderPerTest()

  it('only an admin’s unlock upgrades it; a caseworker first changes nothing', async () => {
    copyWave1Vault(join(root(), 'vault'))
    const { vault } = newVaultServices(root())
    expect(vault.status()).toMatchObject({ state: 'locked' })
    const before = hashFolder(join(root(), 'vault'))
    expect(await codeOfAsync(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).toBe('FORBIDDEN')
    const after = hashFolder(join(root(), 'vault'))
    delete after['unlock-throttle.json']
    expect(after).toEqual(before)
  })

  it('moves survivor data to casework.db, leaves none in vault.db, keeps the trail, and asks for new passphrases', async () => {
    copyWave1Vault(join(root(), 'vault'))
    const { vault, caseList, accounts, audit, recovery } = newVaultServices(root())
    const staff = await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(staff.role).toBe('admin')
    expect(readdirSync(join(root(), 'vault')).sort()).toEqual([
      'audit-anchor-g1.json',
      'casework-g1.db',
      'keyring.json',
      'vault-g1.db',
    ])
    expect(caseList.list({}).total).toBe(3)
    expect(caseList.list({ search: 'fixturenote' }).rows.map((row) => row.displayName)).toEqual([
      'Wavefixture Alpha',
    ])
    expect(vault.integrityCheck()).toEqual(['ok'])
    expect(audit.verify()).toMatchObject({ ok: true, status: 'intact' })
    expect(audit.list({ action: 'vault.upgraded' }).entries[0]?.details).toEqual({
      generation: 1,
      needsNewPassphrase: 2,
      via: 'passphrase',
    })
    // The old recovery key wrapped the old key: a new one is asked for at once.
    expect(recovery.status().confirmedAt).toBeNull()

    // vault.db, decrypted page by page with the key every role holds, has no survivor text left, not even freed.
    const keys = await vaultKeysOf(root())
    const db = openEncryptedDatabase(keys.files.vault, keys.vault)
    const image = db.serialize()
    db.close()
    expect(image.includes(Buffer.from('Wavefixture'))).toBe(false)
    expect(image.includes(Buffer.from('Synthetic narrative'))).toBe(false)
    expect(image.includes(Buffer.from('Fixturenote'))).toBe(false)

    // Colleagues' old passphrases open nothing: an admin gives each a new one.
    vault.lock()
    expect(await codeOfAsync(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).toBe('FORBIDDEN')
    expect(await codeOfAsync(vault.unlock('casey.example', 'a wrong passphrase here'))).toBe(
      'WRONG_PASSPHRASE',
    )
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const byName = new Map(accounts.list().map((account) => [account.username, account]))
    await accounts.resetPassphrase(byName.get('casey.example')?.id ?? '', NEW_PASSPHRASE)
    await accounts.resetPassphrase(byName.get('riley.example')?.id ?? '', VIEWER_PASSPHRASE)
    vault.lock()
    expect((await vault.unlock('casey.example', NEW_PASSPHRASE)).role).toBe('caseworker')
    expect(caseList.list({}).total).toBe(3)
    vault.lock()
    expect((await vault.unlock('riley.example', VIEWER_PASSPHRASE)).role).toBe('viewer')
    expect(codeOf(() => caseList.list({}))).toBe('FORBIDDEN')
    vault.lock()
    // The disabled colleague stays out.
    expect(await codeOfAsync(vault.unlock('sam.example', 'granite tulip comet saddle 45'))).not.toBeNull()
  })
})
