import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEncryptedDatabase } from '../../src/main/core/db/open-database'
import { sql } from '../../src/main/core/db/sql'
import { readBackupHead } from '../../src/main/core/vault/backup-file'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  NEW_PASSPHRASE,
  vaultKeysOf,
} from '#test-support/vault-fixtures'
import { codeOfAsync, codeOf, tempFolderPerTest } from '#test-support/per-test'

const VIEWER_PASSPHRASE = 'orchid tundra pebble lantern 8'

type TKeyringJson = { slots: { kind: string; id: string; username?: string; publicKey?: string }[] }
const readKeyringJson = (file: string): TKeyringJson => JSON.parse(readFileSync(file, 'utf8')) as TKeyringJson

/** A vault with an admin, a caseworker (casey) and a viewer (riley), and one survivor with a canary name. */
async function officeVault(root: string) {
  const services = await createTestVault(root)
  const casey = await services.accounts.add({
    username: 'casey.example',
    displayName: 'Casey Worker-Example',
    role: 'caseworker',
    passphrase: CASEWORKER_PASSPHRASE,
  })
  const riley = await services.accounts.add({
    username: 'riley.example',
    displayName: 'Riley Viewer-Example',
    role: 'viewer',
    passphrase: VIEWER_PASSPHRASE,
  })
  const canary = `CANARYSURVIVOR${randomBytes(5).toString('hex')}`
  const intake = emptyIntake('2026-11-20')
  intake.person.givenNames = canary
  intake.experiences.narrative = `${canary} narrative`
  services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })
  services.vault.lock()
  return { ...services, casey, riley, canary }
}

describe('the vault holds against insiders', () => {
  const root = tempFolderPerTest()

  // Finding 1: a viewer who renamed their slot "alex.example" in keyring.json unlocked as the admin.
  it('a viewer who renames their slot to the admin’s name does not sign in as the admin', async () => {
    const { vault, riley } = await officeVault(root())
    const file = join(root(), 'vault', 'keyring.json')
    const keyring = readKeyringJson(file)
    for (const slot of keyring.slots) {
      if (slot.username === 'alex.example') slot.username = 'alex.original'
      if (slot.id === riley.id) slot.username = 'alex.example'
    }
    writeFileSync(file, JSON.stringify(keyring))
    expect(await codeOfAsync(vault.unlock('alex.example', VIEWER_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(vault.currentStaff()).toBeNull()
  })

  // Finding 1 and design point 3: the role is the lower of the account's and the one the keys prove.
  it('a viewer who edits vault.db to make themselves admin is still a viewer, with no case key', async () => {
    const { vault, caseList, accounts, riley } = await officeVault(root())
    const keys = await vaultKeysOf(root(), 'riley.example', VIEWER_PASSPHRASE)
    const db = openEncryptedDatabase(keys.files.vault, keys.vault)
    db.prepare("UPDATE staff_accounts SET role = 'admin' WHERE id = ?").run(riley.id)
    db.close()
    const staff = await vault.unlock('riley.example', VIEWER_PASSPHRASE)
    expect(staff.role).toBe('viewer')
    expect(codeOf(() => caseList.list({}))).toBe('FORBIDDEN')
    expect(codeOf(() => accounts.list())).toBe('FORBIDDEN')
    // Not even attached: a query that got past the role check would find no survivor table.
    expect(() => vault.session().db.all(sql`SELECT count(*) FROM cases`)).toThrow(/no such table/)
    vault.lock()
  })

  // Finding 2: every role held the one master key, so a viewer could decrypt the cases with a few lines of Node.
  it('a viewer’s passphrase yields no key that decrypts survivor data, and vault.db holds none', async () => {
    const { canary } = await officeVault(root())
    const viewer = await vaultKeysOf(root(), 'riley.example', VIEWER_PASSPHRASE)
    expect(viewer.case).toBeNull()
    expect(viewer.admin).toBeNull()
    expect(() => openEncryptedDatabase(viewer.files.casework, viewer.vault)).toThrow()
    // vault.db decrypted with the viewer's key, every page (serialize reads them through the cipher).
    const db = openEncryptedDatabase(viewer.files.vault, viewer.vault)
    const image = db.serialize()
    db.close()
    expect(image.subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    for (const form of [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')]) {
      expect(image.includes(form)).toBe(false)
    }
    // The caseworker's key does open it.
    const caseworker = await vaultKeysOf(root(), 'casey.example', CASEWORKER_PASSPHRASE)
    const casework = openEncryptedDatabase(caseworker.files.casework, caseworker.case ?? Buffer.alloc(32))
    expect(casework.serialize().includes(Buffer.from(canary, 'utf8'))).toBe(true)
    casework.close()
  })

  // Finding 2: disabling deleted a slot but nothing was rekeyed; a leaver's old keyring copy still opened the data.
  it('a disabled colleague’s passphrase, with a keyring copy they kept, opens nothing of the current vault', async () => {
    const { vault, accounts, casey } = await officeVault(root())
    const copy = join(root(), 'kept-keyring.json')
    copyFileSync(join(root(), 'vault', 'keyring.json'), copy)
    const before = await vaultKeysOf(root(), 'casey.example', CASEWORKER_PASSPHRASE)
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    await accounts.disable(casey.id)
    vault.lock()
    // The current files are a new generation under new keys.
    const current = await vaultKeysOf(root())
    expect(current.generation).toBe(before.generation + 1)
    for (const [file, key] of [
      [current.files.vault, before.vault],
      [current.files.casework, before.case],
    ] as const) {
      expect(() => openEncryptedDatabase(file, key ?? Buffer.alloc(32))).toThrow()
    }
    // Their copy of the old keyring points at files that are gone.
    const fromCopy = JSON.parse(readFileSync(copy, 'utf8')) as { files: { vault: string } }
    expect(fromCopy.files.vault).toBe('vault-g1.db')
    expect(current.files.vault.endsWith('vault-g2.db')).toBe(true)
    expect(await codeOfAsync(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    // Everyone else still opens the new generation with their own passphrase.
    await vault.unlock('riley.example', VIEWER_PASSPHRASE)
    vault.lock()
  })

  // Finding 2: a leaver who kept a backup file held the one master key of the vault that kept on being used.
  it('a disabled colleague’s old backup opens with their old passphrase, but its keys open nothing current', async () => {
    const { vault, accounts, backup, casey } = await officeVault(root())
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    const backupFile = join(root(), 'kept.ccijbackup')
    await backup.create(backupFile)
    await accounts.disable(casey.id)
    vault.lock()
    // What Casey can do at home with the backup's keyring and their passphrase: the keys of the old generation.
    const home = join(root(), 'home')
    mkdirSync(home)
    writeFileSync(join(home, 'keyring.json'), (await readBackupHead(backupFile)).keyring)
    const old = await vaultKeysOf(root(), 'casey.example', CASEWORKER_PASSPHRASE, home)
    expect(old.case).not.toBeNull()
    const current = await vaultKeysOf(root())
    expect(current.generation).toBeGreaterThan(old.generation)
    expect(() => openEncryptedDatabase(current.files.vault, old.vault)).toThrow()
    expect(() => openEncryptedDatabase(current.files.casework, old.case ?? Buffer.alloc(32))).toThrow()
  })

  // Design point 2: an admin's own public key swapped for a viewer's is put back at the admin's unlock, so the next
  // rekey grants the admin (not the viewer) the new keys.
  it('an admin whose listed public key was swapped gets their own back at unlock, endorsed for the next rekey', async () => {
    const { vault, audit } = await officeVault(root())
    const file = join(root(), 'vault', 'keyring.json')
    const keyring = readKeyringJson(file)
    const admin = keyring.slots.find((slot) => slot.username === 'alex.example')
    const viewerKey = keyring.slots.find((slot) => slot.username === 'riley.example')?.publicKey
    if (admin?.publicKey === undefined || viewerKey === undefined) throw new Error('slots missing')
    const adminKey = admin.publicKey
    admin.publicKey = viewerKey
    writeFileSync(file, JSON.stringify(keyring))
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.list({ action: 'keyring.tamper_detected' }).total).toBeGreaterThanOrEqual(1)
    expect(readKeyringJson(file).slots.find((slot) => slot.username === 'alex.example')?.publicKey).toBe(
      adminKey,
    )
    await vault.rekey()
    vault.lock()
    expect((await vaultKeysOf(root(), 'riley.example', VIEWER_PASSPHRASE)).case).toBeNull()
    expect((await vault.unlock('alex.example', ADMIN_PASSPHRASE)).role).toBe('admin')
    vault.lock()
  })

  it('a replaced recovery key opens nothing of the current vault', async () => {
    const { vault, recovery, recoveryKey } = await officeVault(root())
    const before = await vaultKeysOf(root())
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    await recovery.replace()
    vault.lock()
    expect(await codeOfAsync(vault.unlockWithRecoveryKey(recoveryKey, 'alex.example', NEW_PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE',
    )
    const after = await vaultKeysOf(root())
    expect(() => openEncryptedDatabase(after.files.vault, before.vault)).toThrow()
  })

  // Design point 2: a viewer who swaps the admin's public key for their own must receive nothing at the next rekey.
  it('a public key swapped into the keyring is caught at the admin’s unlock and receives no grant', async () => {
    const { vault, accounts, audit, casey } = await officeVault(root())
    const file = join(root(), 'vault', 'keyring.json')
    const keyring = readKeyringJson(file)
    const viewerKey = keyring.slots.find((slot) => slot.username === 'riley.example')?.publicKey
    const target = keyring.slots.find((slot) => slot.username === 'casey.example')
    if (target === undefined || viewerKey === undefined) throw new Error('slots missing')
    target.publicKey = viewerKey
    writeFileSync(file, JSON.stringify(keyring))
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.list({ action: 'keyring.tamper_detected' }).total).toBe(1)
    // The next rekey leaves the unendorsed slot out: the viewer's private key opens no grant of it.
    await vault.rekey()
    const after = readKeyringJson(file)
    expect(after.slots.find((slot) => slot.id === casey.id)).toBeUndefined()
    expect(
      after.slots.some((slot) => slot.publicKey === viewerKey && slot.username !== 'riley.example'),
    ).toBe(false)
    expect((await vaultKeysOf(root(), 'riley.example', VIEWER_PASSPHRASE)).case).toBeNull()
    // The admin resets Casey's passphrase to give them a new, endorsed slot.
    await accounts.resetPassphrase(casey.id, NEW_PASSPHRASE)
    vault.lock()
    expect((await vault.unlock('casey.example', NEW_PASSPHRASE)).role).toBe('caseworker')
    vault.lock()
  })
})
