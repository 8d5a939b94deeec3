import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  hashFolder,
  newVaultServices,
  SQLITE_PLAINTEXT_HEADER,
} from '#test-support/vault-fixtures'
import { tempFolderPerTest } from '#test-support/per-test'
import { AuditRepository } from '../audit/audit-repository'
import type { TVaultServices } from '../services'
import type { TProgress } from './backup-file'

const CANARY = 'CANARY-backup-7f3a9c'

describe('backup and restore', () => {
  const root = tempFolderPerTest()
  let vault: TVaultServices['vault']
  let accounts: TVaultServices['accounts']
  let audit: TVaultServices['audit']
  let backup: TVaultServices['backup']
  let backupFile: string
  beforeEach(async () => {
    ;({ vault, accounts, audit, backup } = await createTestVault(root(), {
      organizationName: `Org ${CANARY}`,
    }))
    await accounts.add({
      username: 'jordan.example',
      displayName: `Jordan ${CANARY}`,
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    new AuditRepository(vault.session().db).append(
      { accountId: 'x', username: 'alex.example' },
      'record.created',
      { type: 'survivor', id: 's-1' },
      { note: CANARY },
    )
    backupFile = join(root(), 'vault-backup.ccijbackup')
  })
  afterEach(() => vault.lock())

  it('a backup holds no plaintext database and no canary, and restores to the same vault', async () => {
    const progress: TProgress[] = []
    const { bytes } = await backup.create(backupFile, (step) => progress.push(step))
    const contents = readFileSync(backupFile)
    expect(contents.length).toBe(bytes)
    expect(contents.subarray(0, 16).toString('latin1')).toBe('CCIJVAULTBACKUP\n')
    expect(contents.includes(SQLITE_PLAINTEXT_HEADER)).toBe(false)
    for (const form of [
      Buffer.from(CANARY, 'utf8'),
      Buffer.from(CANARY, 'utf16le'),
      Buffer.from(Buffer.from(CANARY).toString('base64')),
    ]) {
      expect(contents.includes(form)).toBe(false)
    }
    expect(progress.at(-1)).toEqual({ bytesDone: bytes, bytesTotal: bytes })
    // The temporary snapshot is gone.
    expect(readdirSync(join(root(), 'vault')).filter((name) => name.includes('backup'))).toEqual([])
    expect(audit.list({ action: 'backup.created' }).total).toBe(1)

    // Changes after the backup disappear on restore.
    await accounts.add({
      username: 'later',
      displayName: 'Later',
      role: 'viewer',
      passphrase: 'orchid tundra pebble lantern 8',
    })
    const staff = await backup.restore(backupFile, 'jordan.example', CASEWORKER_PASSPHRASE)
    expect(staff.username).toBe('jordan.example')
    expect(vault.status()).toMatchObject({ state: 'unlocked', organizationName: `Org ${CANARY}` })
    expect(audit.list({ action: 'record.created' }).entries[0]?.details).toEqual({ note: CANARY })
    expect(audit.list({ action: 'restore.completed' }).total).toBe(1)
    expect(audit.verify().ok).toBe(true)
    expect(vault.integrityCheck()).toEqual(['ok'])
    expect(vault.status().accounts.map((account) => account.username)).toEqual([
      'alex.example',
      'jordan.example',
    ])
    expect(readdirSync(root()).sort()).toEqual(['vault', 'vault-backup.ccijbackup'])
  })

  it('restores into a folder with no vault (a new laptop)', async () => {
    await backup.create(backupFile)
    const { vault: other, backup: otherBackup } = newVaultServices(join(root(), 'laptop'))
    expect(other.status().state).toBe('no-vault')
    await otherBackup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE)
    expect(other.status().organizationName).toBe(`Org ${CANARY}`)
    other.lock()
  })

  it('a tampered byte is refused; nothing is left behind and the vault is untouched', async () => {
    await backup.create(backupFile)
    vault.lock()
    const original = readFileSync(backupFile)
    const before = hashFolder(join(root(), 'vault'))
    for (const position of [3, 40, Math.floor(original.length / 2), original.length - 1]) {
      const tampered = Buffer.from(original)
      tampered[position] = (tampered[position] ?? 0) ^ 0x01
      writeFileSync(backupFile, tampered)
      await expect(backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE)).rejects.toMatchObject({
        code: 'INVALID_FILE',
      })
      expect(hashFolder(join(root(), 'vault'))).toEqual(before)
      expect(readdirSync(root()).sort()).toEqual(['vault', 'vault-backup.ccijbackup'])
    }
    writeFileSync(backupFile, original.subarray(0, 100))
    await expect(backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE)).rejects.toMatchObject({
      code: 'INVALID_FILE',
    })
    expect(vault.status().state).toBe('locked')
  })

  it('a wrong passphrase is refused before anything is replaced', async () => {
    await backup.create(backupFile)
    vault.lock()
    const before = hashFolder(join(root(), 'vault'))
    await expect(
      backup.restore(backupFile, 'alex.example', 'not the right passphrase'),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    await expect(backup.restore(backupFile, 'nobody', ADMIN_PASSPHRASE)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    expect(hashFolder(join(root(), 'vault'))).toEqual(before)
    expect(readdirSync(root()).sort()).toEqual(['vault', 'vault-backup.ccijbackup'])
  })
})
