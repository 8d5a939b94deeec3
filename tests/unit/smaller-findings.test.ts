import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountService } from '../../src/main/core/accounts/account-service'
import { CaseRepository } from '../../src/main/core/cases/case-repository'
import { openEncryptedDatabase } from '../../src/main/core/db/open-database'
import { sql } from '../../src/main/core/db/sql'
import type { TKeySlots } from '../../src/main/core/vault/key-slots'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  FAST_KDF,
  NEW_PASSPHRASE,
  newVaultServices,
  vaultKeysOf,
} from '#test-support/vault-fixtures'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'

/** The smaller items of finding 11 (and the unlock half of finding 6), each with the behaviour that fixes it. */
describe('smaller findings', () => {
  const root = tempFolderPerTest()

  it('the unlock delay survives a restart of the app (or a new admin CLI run)', async () => {
    const { vault } = await createTestVault(root())
    vault.lock()
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await codeOfAsync(vault.unlock('alex.example', 'not the passphrase at all'))).toBe(
        'WRONG_PASSPHRASE',
      )
    }
    const restarted = newVaultServices(root())
    expect(await codeOfAsync(restarted.vault.unlock('alex.example', ADMIN_PASSPHRASE))).toBe('THROTTLED')
  })

  it('a lock while the key is being derived wins: the unlock does not open the vault after it', async () => {
    const { vault } = await createTestVault(root())
    vault.lock()
    const unlocking = vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock('suspend')
    expect(await codeOfAsync(unlocking)).toBe('CANCELLED')
    expect(vault.currentStaff()).toBeNull()
  })

  it('the keyring is written only after the transaction recording the change has committed', async () => {
    const services = await createTestVault(root())
    const inTransaction: boolean[] = []
    const watched: TKeySlots = {
      ...services.vault.keySlots,
      put: (slot) => {
        inTransaction.push(services.vault.keeper.require().db.database.inTransaction)
        services.vault.keySlots.put(slot)
      },
    }
    const accounts = new AccountService(services.vault.sessions, watched)
    const casey = await accounts.add({
      username: 'casey.example',
      displayName: 'Casey',
      role: 'viewer',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    await accounts.resetPassphrase(casey.id, NEW_PASSPHRASE)
    await accounts.changeRole(casey.id, 'caseworker')
    await accounts.changeOwnPassphrase(ADMIN_PASSPHRASE, 'copper meadow lantern violet 61')
    expect(inTransaction).toEqual([false, false, false, false])
    services.vault.lock()
  })

  it('an edited case’s old words no longer find it, and after a rekey are gone from the file', async () => {
    const { vault, caseList } = await createTestVault(root())
    const old = `OLDWORD${randomBytes(5).toString('hex')}`
    const repository = new CaseRepository(vault.session().db)
    const document = { reference: 'CCIJ-2026-0001', names: `Test ${old}`, latin: old, keys: '', notes: old }
    repository.writeSearchDocument(7, document)
    repository.writeSearchDocument(7, { ...document, names: 'Test Renamed', latin: 'renamed', notes: '' })
    expect(
      vault
        .session()
        .db.column(sql`SELECT rowid FROM case_search WHERE case_search MATCH ${old.toLowerCase()}`),
    ).toEqual([])
    expect(caseList.list({ search: old }).total).toBe(0)
    await vault.rekey()
    vault.lock()
    const keys = await vaultKeysOf(root())
    const casework = openEncryptedDatabase(keys.files.casework, keys.case ?? Buffer.alloc(32))
    const image = casework.serialize()
    casework.close()
    expect(image.includes(Buffer.from('renamed'))).toBe(true)
    expect(image.includes(Buffer.from(old.toLowerCase()))).toBe(false)
  })

  it('a slot sealed with weaker key derivation is sealed again at its owner’s unlock, and that is audited', async () => {
    // Wave 1's production setting: the floor still accepts it, and its first unlock seals it again with Argon2id.
    const scrypt = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const
    const { vault } = await createTestVault(root(), { kdf: scrypt })
    vault.lock()
    const keyringFile = join(root(), 'vault', 'keyring.json')
    const kdfOf = () =>
      (
        JSON.parse(readFileSync(keyringFile, 'utf8')) as {
          slots: { kind: string; sealedKey: { kdf: { name: string } } }[]
        }
      ).slots
        .filter((slot) => slot.kind === 'staff')
        .map((slot) => slot.sealedKey.kdf.name)
    expect(kdfOf()).toEqual(['scrypt'])
    const stronger = newVaultServices(root(), { kdf: FAST_KDF })
    await stronger.vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(kdfOf()).toEqual(['argon2id'])
    expect(stronger.audit.list({ action: 'account.key_strengthened' }).entries[0]?.details).toEqual({
      from: 'scrypt',
      to: 'argon2id',
    })
    stronger.vault.lock()
    await stronger.vault.unlock('alex.example', ADMIN_PASSPHRASE)
    stronger.vault.lock()
  })
})
