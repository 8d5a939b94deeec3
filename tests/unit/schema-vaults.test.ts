import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { migrate, LATEST_SCHEMA_VERSION } from '../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { openEncryptedDatabase, readSchemaVersion } from '../../src/main/core/db/open-database'
import { peekSchemaVersion } from '../../src/main/core/vault/open-vault-database'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  hashFolder,
  legacyMasterKeyOf,
  vaultKeysOf,
  NEW_PASSPHRASE,
  newVaultServices,
} from '#test-support/vault-fixtures'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'

/** Vaults an older app wrote, saved once and never regenerated (tests/fixtures/schema-vaults/README.md). */
const FIXTURES = join(import.meta.dirname, '../fixtures/schema-vaults')
const VIEWER_PASSPHRASE = 'orchid tundra pebble lantern 8'
const SAVED = [
  { schema: 1, folder: 'schema-1', recoveryKey: 'P6GN1-N6FFM-2X6TC-2MM0R-0K7KF-E5EXP' },
  { schema: 2, folder: 'schema-2', recoveryKey: 'QQPM7-YJ2GQ-RC0JE-5G8J6-SC590-4STKP' },
] as const

function copySaved(folder: string, root: string): void {
  const vault = join(root, 'vault')
  mkdirSync(vault, { recursive: true, mode: 0o700 })
  for (const name of ['keyring.json', 'vault.db'])
    copyFileSync(join(FIXTURES, folder, name), join(vault, name))
}

const namesAndRoles = (accounts: { username: string; role: string; status: string }[]) =>
  accounts.map(({ username, role, status }) => `${username} ${role} ${status}`).sort()

describe.each(SAVED)(
  'a vault saved at schema $schema, opened by today’s app',
  ({ schema, folder, recoveryKey }) => {
    const root = tempFolderPerTest()

    it(`is what it says: schema ${schema}, behind today’s ${LATEST_SCHEMA_VERSION}`, async () => {
      copySaved(folder, root())
      const key = await legacyMasterKeyOf(root())
      expect(peekSchemaVersion(join(root(), 'vault', 'vault.db'), key)).toBe(schema)
      expect(schema).toBeLessThan(LATEST_SCHEMA_VERSION)
    })

    it('unlocks, upgrades to today’s schema with its staff and audit trail intact, and takes new cases', async () => {
      copySaved(folder, root())
      const { vault, accounts, audit, caseList, intake } = newVaultServices(root())
      expect(vault.status().state).toBe('locked')

      expect((await vault.unlock('alex.example', ADMIN_PASSPHRASE)).role).toBe('admin')
      expect(vault.status().organizationName).toBe('Fixture Centre (synthetic)')
      expect(vault.integrityCheck()).toEqual(['ok'])
      expect(namesAndRoles(accounts.list())).toEqual([
        'alex.example admin active',
        'casey.example caseworker active',
        'riley.example viewer active',
        'sam.example caseworker disabled',
      ])
      // The old trail still verifies, and today's entries chain onto it.
      expect(audit.verify()).toMatchObject({ ok: true, firstBadSeq: null })
      const actions = audit.list({}).entries.map((entry) => entry.action)
      const made = ['vault.created', 'account.added', 'account.passphrase_changed', 'account.disabled']
      expect(actions.filter((action) => made.includes(action)).sort()).toEqual([
        'account.added',
        'account.added',
        'account.added',
        'account.added',
        'account.disabled',
        'account.passphrase_changed',
        'vault.created',
      ])
      // Newest first: today's unlock chained onto the old trail.
      expect(actions[0]).toBe('unlock.succeeded')

      const draft = emptyIntake('2026-11-20')
      draft.person.familyName = 'Schemafixture'
      intake.submit({ intake: draft, decision: { kind: 'new' }, reviewedCandidates: [] })
      expect(caseList.list({ search: 'schemafixture' }).total).toBe(1)
      expect(audit.verify()).toMatchObject({ ok: true, firstBadSeq: null })
      vault.lock()
      // The upgrade split the keys: vault.db of generation 1 under its own key, at today's schema.
      const upgraded = await vaultKeysOf(root())
      expect(peekSchemaVersion(upgraded.files.vault, upgraded.vault)).toBe(LATEST_SCHEMA_VERSION)

      // Colleagues' old passphrases only ever wrapped the old shared key: they wait for an admin's reset, and the
      // leaver's account stays shut.
      expect(await codeOfAsync(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).not.toBeNull()
      expect(await codeOfAsync(vault.unlock('riley.example', VIEWER_PASSPHRASE))).not.toBeNull()
      expect(await codeOfAsync(vault.unlock('sam.example', 'granite tulip comet saddle 45'))).not.toBeNull()
    })

    // The recovery key of a wave-1 vault wrapped the same master key as an admin's passphrase: it may be the only
    // way left in (the admin forgot theirs), so it runs the one-time upgrade too, and stays valid afterwards.
    it('upgrades with its saved recovery key, for a caseworker, and the key still recovers the admin after', async () => {
      copySaved(folder, root())
      const { vault, accounts, audit, caseList } = newVaultServices(root())
      expect(
        (await vault.unlockWithRecoveryKey(recoveryKey.toLowerCase(), 'casey.example', NEW_PASSPHRASE)).role,
      ).toBe('caseworker')
      expect(caseList.list({}).total).toBe(0)
      vault.lock()
      const upgraded = await vaultKeysOf(root(), 'casey.example', NEW_PASSPHRASE)
      expect(peekSchemaVersion(upgraded.files.vault, upgraded.vault)).toBe(LATEST_SCHEMA_VERSION)
      // A caseworker's grants: no admin key, though the upgrade made one.
      expect([upgraded.case !== null, upgraded.admin]).toEqual([true, null])
      expect((await vault.unlock('casey.example', NEW_PASSPHRASE)).role).toBe('caseworker')
      vault.lock()
      // The admin's old passphrase wrapped only the old key; the recovery key (made again for the new keys) lets the
      // admin back in, who then sees the whole story in the trail.
      expect(await codeOfAsync(vault.unlock('alex.example', ADMIN_PASSPHRASE))).toBe('FORBIDDEN')
      const adminPassphrase = 'velvet compass harbour quince 63'
      expect((await vault.unlockWithRecoveryKey(recoveryKey, 'alex.example', adminPassphrase)).role).toBe(
        'admin',
      )
      expect(namesAndRoles(accounts.list())).toContain('casey.example caseworker active')
      expect(audit.verify()).toMatchObject({ ok: true, status: 'intact' })
      expect(audit.list({ action: 'vault.upgraded' }).entries[0]?.details).toEqual({
        generation: 1,
        needsNewPassphrase: 2,
        via: 'recovery-key',
      })
      expect(audit.list({ action: 'recovery.used' }).entries).toHaveLength(2)
      vault.lock()
      expect((await vault.unlock('alex.example', adminPassphrase)).role).toBe('admin')
    })

    it('refuses a wrong recovery key, a disabled account or a weak passphrase, and changes nothing', async () => {
      copySaved(folder, root())
      const before = hashFolder(join(root(), 'vault'))
      const { vault } = newVaultServices(root())
      const unchanged = () => {
        const after = hashFolder(join(root(), 'vault'))
        delete after['unlock-throttle.json']
        return after
      }
      expect(
        await codeOfAsync(
          vault.unlockWithRecoveryKey('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', 'casey.example', NEW_PASSPHRASE),
        ),
      ).toBe('WRONG_PASSPHRASE')
      expect(await codeOfAsync(vault.unlockWithRecoveryKey(recoveryKey, 'sam.example', NEW_PASSPHRASE))).toBe(
        'NOT_FOUND',
      )
      expect(
        await codeOfAsync(vault.unlockWithRecoveryKey(recoveryKey, 'casey.example', 'casey.example1')),
      ).toBe('BAD_REQUEST')
      expect(unchanged()).toEqual(before)
      expect((await vault.unlock('alex.example', ADMIN_PASSPHRASE)).role).toBe('admin')
    })

    it('keeps its old schema, whole, when a later step fails', async () => {
      copySaved(folder, root())
      const key = await legacyMasterKeyOf(root())
      const file = join(root(), 'vault', 'vault.db')
      const before = hashFolder(join(root(), 'vault'))
      const db = openEncryptedDatabase(file, key)
      const tablesBefore = db.prepare('SELECT name FROM sqlite_schema ORDER BY name').pluck().all()
      // Every real step up to today, then one that fails: the whole upgrade is one transaction.
      const failing = [
        ...MIGRATIONS,
        {
          version: MIGRATIONS.length + 1,
          name: 'a step that fails',
          up: () => {
            throw new Error('step failed')
          },
        },
      ]
      expect(() => migrate(db, failing.length, failing)).toThrow('step failed')
      expect(readSchemaVersion(db)).toBe(schema)
      expect(db.prepare('SELECT name FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(tablesBefore)
      db.close()
      // Closing checkpoints the WAL; the database's content is what it was, and so is the keyring.
      expect(hashFolder(join(root(), 'vault'))['keyring.json']).toBe(before['keyring.json'])
      const reopened = openEncryptedDatabase(file, key, { readonly: true })
      expect(readSchemaVersion(reopened)).toBe(schema)
      reopened.close()
    })
  },
)
