import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/result'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  hashVaultFiles,
  NEW_PASSPHRASE,
  newVaultServices,
  addTestCaseworker,
  signedIn,
} from '#test-support/vault-fixtures'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import { createVaultServices } from '../services'

describe('vault lifecycle', () => {
  const root = tempFolderPerTest()

  it('starts with no vault, creates one unlocked as the first admin, and lists accounts while locked', async () => {
    const { vault, audit } = newVaultServices(root())
    expect(vault.status().state).toBe('no-vault')
    const { recoveryKey, staff } = await vault.create({
      organizationName: 'CCIJ',
      username: 'alex.example',
      displayName: 'Alex Staff-Example',
      passphrase: ADMIN_PASSPHRASE,
    })
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/)
    expect(staff.role).toBe('admin')
    expect(vault.status()).toMatchObject({ state: 'unlocked', organizationName: 'CCIJ' })
    expect(readdirSync(join(root(), 'vault')).sort()).toEqual([
      'audit-anchor-g1.json',
      'casework-g1.db',
      'keyring.json',
      'vault-g1.db',
    ])
    // No staging folder is left beside the vault.
    expect(readdirSync(root())).toEqual(['vault'])

    vault.lock()
    expect(vault.currentStaff()).toBeNull()
    expect(vault.status()).toEqual({
      state: 'locked',
      organizationName: null,
      staff: null,
      accounts: [{ username: 'alex.example', displayName: 'alex.example' }],
      recoveryKeyConfirmed: null,
      lastLockReason: 'manual',
    })
    expect(await codeOfAsync(() => vault.session())).toBe('LOCKED')

    const again = await vault.unlock('ALEX.EXAMPLE', ADMIN_PASSPHRASE)
    expect(again.username).toBe('alex.example')
    const actions = audit
      .list()
      .entries.map((entry) => entry.action)
      .reverse()
    expect(actions).toEqual([
      'vault.created',
      'account.added',
      'unlock.succeeded',
      'lock',
      'unlock.succeeded',
    ])
    expect(audit.verify()).toMatchObject({ ok: true, checked: 5 })
    expect(vault.integrityCheck()).toEqual(['ok'])
    vault.lock()
  })

  it('refuses to create a second vault over an existing one', async () => {
    const { vault } = await createTestVault(root())
    vault.lock()
    const { vault: other } = newVaultServices(root())
    expect(
      await codeOfAsync(
        other.create({
          organizationName: 'X',
          username: 'bob',
          displayName: 'Bob',
          passphrase: ADMIN_PASSPHRASE,
        }),
      ),
    ).toBe('VAULT_EXISTS')
  })

  it('refuses a weak passphrase with feedback', async () => {
    const { vault } = newVaultServices(root())
    expect(
      await codeOfAsync(
        vault.create({
          organizationName: 'X',
          username: 'bob',
          displayName: 'Bob',
          passphrase: 'password1234',
        }),
      ),
    ).toBe('BAD_REQUEST')
    expect(
      await codeOfAsync(
        vault.create({ organizationName: 'X', username: 'bob', displayName: 'Bob', passphrase: 'short' }),
      ),
    ).toBe('BAD_REQUEST')
    expect(existsSync(join(root(), 'vault'))).toBe(false)
  })

  // The tests' cheap key derivation is an option of the service, not a setting of the vault: the app (which passes
  // no `kdf`) refuses a keyring whose slots use it, so nobody can make guessing cheap by editing keyring.json.
  it('the app refuses a vault whose keyring asks for test-cheap key derivation, and changes nothing', async () => {
    const { vault } = await createTestVault(root())
    vault.lock()
    const before = hashVaultFiles(join(root(), 'vault'))
    const app = createVaultServices({ directory: join(root(), 'vault') })
    expect(await codeOfAsync(app.vault.unlock('alex.example', ADMIN_PASSPHRASE))).toBe('INVALID_FILE')
    expect(app.vault.currentStaff()).toBeNull()
    expect(hashVaultFiles(join(root(), 'vault'))).toEqual(before)
    // The same files still open where the cheap parameters were chosen (the tests' own service).
    expect((await vault.unlock('alex.example', ADMIN_PASSPHRASE)).username).toBe('alex.example')
    vault.lock()
  })

  it('a wrong passphrase is refused, delays grow, no key or database file changes, and the failure is audited later', async () => {
    let now = 1_000_000
    const { vault, audit } = await createTestVault(root(), { now: () => now })
    vault.lock()
    const before = hashVaultFiles(join(root(), 'vault'))
    expect(await codeOfAsync(vault.unlock('alex.example', 'not the passphrase at all'))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await codeOfAsync(vault.unlock('alex.example', 'still not the passphrase'))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await codeOfAsync(vault.unlock('nobody', 'still not the passphrase'))).toBe('WRONG_PASSPHRASE')
    expect(await codeOfAsync(vault.unlock('alex.example', 'third wrong passphrase'))).toBe('WRONG_PASSPHRASE')
    // Third failure: one second before the next try, even with the right passphrase.
    try {
      await vault.unlock('alex.example', ADMIN_PASSPHRASE)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('THROTTLED')
      expect((error as AppError).details).toEqual({ retryAfterSeconds: 1 })
    }
    expect(hashVaultFiles(join(root(), 'vault'))).toEqual(before)
    now += 1000
    expect(await codeOfAsync(vault.unlock('alex.example', 'fourth wrong passphrase'))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await codeOfAsync(vault.unlock('alex.example', ADMIN_PASSPHRASE))).toBe('THROTTLED')
    expect(hashVaultFiles(join(root(), 'vault'))).toEqual(before)
    now += 2000
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const failed = audit.list({ action: 'unlock.failed' })
    expect(failed.total).toBe(5)
    // A name that matches no slot is not written down (it may be a passphrase typed in the wrong field).
    expect(failed.entries.map((entry) => entry.details['username'] ?? null)).toContain(null)
    expect(JSON.stringify(audit.list().entries)).not.toContain('nobody')
    expect(audit.verify().ok).toBe(true)
    vault.lock()
  })

  it('recovery key opens the vault and sets a new passphrase for an account', async () => {
    const { vault, recoveryKey, audit } = await createTestVault(root())
    vault.lock()
    expect(
      await codeOfAsync(
        vault.unlockWithRecoveryKey('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', 'alex.example', NEW_PASSPHRASE),
      ),
    ).toBe('WRONG_PASSPHRASE')
    const staff = await vault.unlockWithRecoveryKey(
      recoveryKey.toLowerCase().replaceAll('-', ' '),
      'alex.example',
      NEW_PASSPHRASE,
    )
    expect(staff.username).toBe('alex.example')
    expect(audit.list({ action: 'recovery.used' }).total).toBe(1)
    vault.lock()
    expect(await codeOfAsync(vault.unlock('alex.example', ADMIN_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    await vault.unlock('alex.example', NEW_PASSPHRASE)
    vault.lock()
  })

  it('lock listeners hear unlock and lock; lock zeroes the key', async () => {
    const { vault } = await createTestVault(root())
    const heard: string[] = []
    vault.onLockChange((state) => heard.push(state))
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock()
    expect(heard).toEqual(['locked', 'unlocked', 'locked'])
  })
})

describe('recovery key: confirmation, replacement and audit', () => {
  const root = tempFolderPerTest()

  it('a new vault starts unconfirmed; confirming sets the date and is audited; status is null while locked', async () => {
    let now = Date.UTC(2025, 2, 4, 10, 0, 0)
    const { vault, recovery, audit } = await createTestVault(root(), { now: () => now })
    expect(vault.status().recoveryKeyConfirmed).toBe(false)
    expect(recovery.status()).toEqual({ confirmedAt: null })
    now += 60_000
    recovery.confirm()
    expect(vault.status().recoveryKeyConfirmed).toBe(true)
    expect(recovery.status()).toEqual({ confirmedAt: '2025-03-04T10:01:00.000Z' })
    const confirmed = audit.list({ action: 'recovery.confirmed' })
    expect(confirmed.total).toBe(1)
    expect(confirmed.entries[0]).toMatchObject({ actorUsername: 'alex.example', targetType: 'vault' })
    vault.lock()
    expect(vault.status().recoveryKeyConfirmed).toBeNull()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(vault.status().recoveryKeyConfirmed).toBe(true)
    vault.lock()
  })

  it('replacing the key rekeys: the old one stops working, the new one works, staff passphrases are untouched', async () => {
    const { vault, recoveryKey: oldKey, accounts, recovery, audit } = await createTestVault(root())
    await addTestCaseworker(accounts)
    recovery.confirm()
    const keyringPath = join(root(), 'vault', 'keyring.json')
    type TSlotJson = { kind: string; id: string; publicKey: string; sealedKey: unknown; grants: unknown }
    const before = JSON.parse(readFileSync(keyringPath, 'utf8')) as { generation: number; slots: TSlotJson[] }

    const newKey = await recovery.replace()
    expect(newKey).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/)
    expect(newKey).not.toBe(oldKey)
    expect(vault.status().recoveryKeyConfirmed).toBe(false)
    expect(audit.list({ action: 'recovery.replaced' }).total).toBe(1)
    const after = JSON.parse(readFileSync(keyringPath, 'utf8')) as { generation: number; slots: TSlotJson[] }
    // Each person's sealed key and key pair stay (their passphrase is unchanged); their grants are of new keys.
    const sealed = (keyring: { slots: TSlotJson[] }) =>
      keyring.slots
        .filter((slot) => slot.kind === 'staff')
        .map(({ id, publicKey, sealedKey }) => ({ id, publicKey, sealedKey }))
    expect(sealed(after)).toEqual(sealed(before))
    expect(after.generation).toBe(before.generation + 1)
    expect(after.slots.find((slot) => slot.kind === 'staff')?.grants).not.toEqual(
      before.slots.find((slot) => slot.kind === 'staff')?.grants,
    )
    expect(after.slots.filter((slot) => slot.kind === 'recovery')).toHaveLength(1)
    expect(after.slots.find((slot) => slot.kind === 'recovery')).not.toEqual(
      before.slots.find((slot) => slot.kind === 'recovery'),
    )
    // No temp file is left beside the keyring.
    expect(readdirSync(join(root(), 'vault')).sort()).toEqual([
      'audit-anchor-g2.json',
      'casework-g2.db',
      'keyring.json',
      'vault-g2.db',
    ])

    vault.lock()
    expect(await codeOfAsync(vault.unlockWithRecoveryKey(oldKey, 'alex.example', NEW_PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE',
    )
    // Staff passphrases still open their slots.
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    vault.lock()
    await vault.unlockWithRecoveryKey(newKey, 'alex.example', NEW_PASSPHRASE)
    expect(vault.currentStaff()?.username).toBe('alex.example')
    vault.lock()
  })

  it('only an unlocked admin may replace or confirm the key', async () => {
    const { vault, accounts, recovery } = await createTestVault(root())
    await addTestCaseworker(accounts)
    vault.lock()
    expect(await codeOfAsync(recovery.replace())).toBe('LOCKED')
    expect(await codeOfAsync(() => recovery.confirm())).toBe('LOCKED')
    await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
    expect(await codeOfAsync(recovery.replace())).toBe('FORBIDDEN')
    expect(await codeOfAsync(() => recovery.confirm())).toBe('FORBIDDEN')
    expect(await codeOfAsync(() => recovery.status())).toBe('FORBIDDEN')
    // A caseworker sees whether it is confirmed (the gate only blocks admins), but cannot change it.
    expect(vault.status().recoveryKeyConfirmed).toBe(false)
    vault.lock()
  })

  it('using the recovery key marks it unconfirmed again', async () => {
    const { vault, recoveryKey, recovery } = await createTestVault(root())
    recovery.confirm()
    vault.lock()
    await vault.unlockWithRecoveryKey(recoveryKey, 'alex.example', NEW_PASSPHRASE)
    expect(vault.status().recoveryKeyConfirmed).toBe(false)
    vault.lock()
  })

  it('a wrong recovery key is audited as recovery.failed with the sign-in name tried, not as a wrong passphrase', async () => {
    const { vault, audit } = await createTestVault(root())
    vault.lock()
    expect(
      await codeOfAsync(
        vault.unlockWithRecoveryKey('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', 'alex.example', NEW_PASSPHRASE),
      ),
    ).toBe('WRONG_PASSPHRASE')
    expect(await codeOfAsync(vault.unlock('sam.example', 'not the passphrase at all'))).toBe(
      'WRONG_PASSPHRASE',
    )
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const recoveryFailed = audit.list({ action: 'recovery.failed' })
    expect(recoveryFailed.entries.map((entry) => entry.details)).toEqual([
      { username: 'alex.example', method: 'recovery-key' },
    ])
    const unlockFailed = audit.list({ action: 'unlock.failed' })
    // 'sam.example' has no slot: the name typed is not stored (it could have been a passphrase).
    expect(unlockFailed.entries.map((entry) => entry.details)).toEqual([
      { unknownName: true, method: 'passphrase' },
    ])
    expect(audit.verify().ok).toBe(true)
    vault.lock()
  })

  it('lock records its reason, manual by default', async () => {
    const { vault, audit } = await createTestVault(root())
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock('idle')
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock('shortcut')
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const locks = audit.list({ action: 'lock' })
    expect(locks.entries.map((entry) => entry.details['reason'])).toEqual(['shortcut', 'idle', 'manual'])
    vault.lock()
  })
})

describe('staff accounts and roles', () => {
  const root = tempFolderPerTest()

  it('an admin adds a caseworker who can unlock; a caseworker cannot manage accounts', async () => {
    const { vault, accounts } = await createTestVault(root())
    const account = await accounts.add({
      username: 'jordan.example',
      displayName: 'Jordan Example',
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    expect(account).toMatchObject({ username: 'jordan.example', role: 'caseworker', status: 'active' })
    expect(
      await codeOfAsync(
        accounts.add({
          username: 'JORDAN.EXAMPLE',
          displayName: 'Other',
          role: 'viewer',
          passphrase: CASEWORKER_PASSPHRASE,
        }),
      ),
    ).toBe('CONFLICT')
    expect(
      await codeOfAsync(
        accounts.add({
          username: 'weak',
          displayName: 'Weak',
          role: 'viewer',
          passphrase: 'aaaaaaaaaaaaaaaa',
        }),
      ),
    ).toBe('BAD_REQUEST')
    vault.lock()

    const staff = await vault.unlock('jordan.example', CASEWORKER_PASSPHRASE)
    expect(staff.role).toBe('caseworker')
    expect(
      await codeOfAsync(
        accounts.add({
          username: 'mallory',
          displayName: 'M',
          role: 'admin',
          passphrase: NEW_PASSPHRASE,
        }),
      ),
    ).toBe('FORBIDDEN')
    expect(await codeOfAsync(() => accounts.disable(staff.accountId))).toBe('FORBIDDEN')

    // Changing one's own passphrase rewrites only that slot.
    expect(await codeOfAsync(accounts.changeOwnPassphrase('wrong current passphrase', NEW_PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE',
    )
    await accounts.changeOwnPassphrase(CASEWORKER_PASSPHRASE, NEW_PASSPHRASE)
    vault.lock()
    expect(await codeOfAsync(vault.unlock('jordan.example', CASEWORKER_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    await vault.unlock('jordan.example', NEW_PASSPHRASE)
    vault.lock()
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    vault.lock()
  })

  it('disabling deletes the slot; the last active admin cannot be disabled', async () => {
    const { vault, accounts, audit } = await createTestVault(root())
    const admin = signedIn(vault)
    expect(await codeOfAsync(() => accounts.disable(admin.accountId))).toBe('CONFLICT')
    const jordan = await accounts.add({
      username: 'jordan.example',
      displayName: 'Jordan Example',
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    expect((await accounts.disable(jordan.id)).status).toBe('disabled')
    expect(vault.status().accounts.map((account) => account.username)).toEqual(['alex.example'])
    expect(accounts.list().map((account) => `${account.username}:${account.status}`)).toEqual([
      'alex.example:active',
      'jordan.example:disabled',
    ])
    expect(audit.list({ action: 'account.disabled' }).total).toBe(1)
    vault.lock()
    expect(await codeOfAsync(vault.unlock('jordan.example', CASEWORKER_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
  })
})
