import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  hashVaultFiles,
  newVaultServices,
  SQLITE_PLAINTEXT_HEADER,
  vaultKeysOf,
} from '#test-support/vault-fixtures'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import { AuditRepository } from '../audit/audit-repository'
import { openEncryptedDatabase } from '../db/open-database'
import type { TVaultServices } from '../services'
import { readBackupHead, type TProgress } from './backup-file'

const CANARY = 'CANARY-backup-7f3a9c'

/** Byte ranges of each section of a backup file, from its (unauthenticated) header. */
async function sectionsOf(
  file: string,
): Promise<Record<'keyring' | 'anchor' | 'vault' | 'casework', [number, number]>> {
  const head = await readBackupHead(file)
  let offset = 16 + 2 + 4 + head.headerLength
  const ranges: Record<string, [number, number]> = {}
  for (const name of ['keyring', 'anchor', 'vault', 'casework'] as const) {
    ranges[name] = [offset, offset + head.metadata.sections[name]]
    offset += head.metadata.sections[name]
  }
  return ranges as Record<'keyring' | 'anchor' | 'vault' | 'casework', [number, number]>
}

/** What someone who can write the file but holds no admin key can do: change bytes and recompute any checksum. */
function withRecomputedChecksum(bytes: Buffer): Buffer {
  const body = bytes.subarray(0, bytes.length - 32)
  return Buffer.concat([body, createHash('sha256').update(body).digest()])
}

describe('backup and restore', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices
  let backupFile: string
  beforeEach(async () => {
    services = await createTestVault(root(), { organizationName: `Org ${CANARY}` })
    await services.accounts.add({
      username: 'jordan.example',
      displayName: `Jordan ${CANARY}`,
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    new AuditRepository(services.vault.session().db).append(
      { accountId: 'x', username: 'alex.example' },
      'record.created',
      { type: 'survivor', id: 's-1' },
      { note: CANARY },
    )
    backupFile = join(root(), 'vault-backup.ccijbackup')
  })
  afterEach(() => services.vault.lock())

  it('a backup holds no plaintext and no canary, keeps survivor data under the case key, and restores', async () => {
    const { vault, accounts, audit, backup } = services
    const progress: TProgress[] = []
    const { bytes } = await backup.create(backupFile, (step) => progress.push(step))
    const contents = readFileSync(backupFile)
    expect(contents.length).toBe(bytes)
    expect(contents.subarray(0, 16).toString('latin1')).toBe('CCIJVAULTBACKUP\n')
    expect(contents.includes(SQLITE_PLAINTEXT_HEADER)).toBe(false)
    for (const form of [
      Buffer.from(CANARY, 'utf8'),
      Buffer.from(CANARY, 'utf16le'),
      Buffer.from(Buffer.from(CANARY).toString('base64').slice(0, -4)),
    ]) {
      expect(contents.includes(form)).toBe(false)
    }
    expect(progress.at(-1)).toEqual({ bytesDone: bytes, bytesTotal: bytes })
    // The casework section is under K_case: the vault key every role holds does not open it.
    const sections = await sectionsOf(backupFile)
    const caseworkCopy = join(root(), 'casework-section.db')
    writeFileSync(caseworkCopy, contents.subarray(...sections.casework))
    const keys = await vaultKeysOf(root())
    expect(() => openEncryptedDatabase(caseworkCopy, keys.vault)).toThrow()
    openEncryptedDatabase(caseworkCopy, keys.case ?? Buffer.alloc(32)).close()
    expect(readdirSync(join(root(), 'vault')).filter((name) => name.includes('backup'))).toEqual([])
    expect(audit.list({ action: 'backup.created' }).total).toBe(1)

    // Changes after the backup disappear on restore; the restored trail records what was rolled back.
    await accounts.add({
      username: 'later',
      displayName: 'Later',
      role: 'viewer',
      passphrase: 'orchid tundra pebble lantern 8',
    })
    const staff = await backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE)
    expect(staff.username).toBe('alex.example')
    expect(vault.status()).toMatchObject({ state: 'unlocked', organizationName: `Org ${CANARY}` })
    expect(audit.list({ action: 'record.created' }).entries[0]?.details).toEqual({ note: CANARY })
    const restored = audit.list({ action: 'restore.completed' }).entries[0]?.details
    expect(restored).toMatchObject({
      rolledBack: { count: 2, diverged: false, actions: { 'account.added': 1, 'backup.created': 1 } },
    })
    expect(audit.verify()).toMatchObject({ ok: true, status: 'intact' })
    expect(vault.integrityCheck()).toEqual(['ok'])
    expect(vault.status().accounts.map((account) => account.username)).toEqual([
      'alex.example',
      'jordan.example',
    ])
    expect(readdirSync(root()).sort()).toEqual(['casework-section.db', 'vault', 'vault-backup.ccijbackup'])
  })

  it('restores into a folder with no vault (a new laptop)', async () => {
    await services.backup.create(backupFile)
    const { vault: other, backup: otherBackup } = newVaultServices(join(root(), 'laptop'))
    expect(other.status().state).toBe('no-vault')
    await otherBackup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE)
    expect(other.status().organizationName).toBe(`Org ${CANARY}`)
    other.lock()
  })

  // Finding 4: a SHA-256 checksum anyone could recompute. Every byte is now under K_admin's MAC.
  it('a changed byte anywhere is refused even with the checksum recomputed; nothing is left and the vault is untouched', async () => {
    await services.backup.create(backupFile)
    const original = readFileSync(backupFile)
    const sections = await sectionsOf(backupFile)
    const before = hashVaultFiles(join(root(), 'vault'))
    const positions = [
      3,
      40,
      ...Object.values(sections).map(([start, end]) => Math.floor((start + end) / 2)),
      original.length - 1,
    ]
    for (const position of positions) {
      const tampered = Buffer.from(original)
      tampered[position] = (tampered[position] ?? 0) ^ 0x01
      writeFileSync(backupFile, withRecomputedChecksum(tampered))
      expect(
        await codeOfAsync(services.backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE)),
        `byte ${position}`,
      ).toMatch(/INVALID_FILE|WRONG_PASSPHRASE/)
      expect(hashVaultFiles(join(root(), 'vault'))).toEqual(before)
      expect(readdirSync(root()).sort()).toEqual(['vault', 'vault-backup.ccijbackup'])
      expect(services.vault.currentStaff()?.username).toBe('alex.example')
    }
    writeFileSync(backupFile, original.subarray(0, 100))
    expect(await codeOfAsync(services.backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE))).toBe(
      'INVALID_FILE',
    )
  })

  it('an older snapshot swapped into a newer backup, or forged KDF settings, are refused before anything is used', async () => {
    await services.backup.create(backupFile)
    const older = readFileSync(backupFile)
    await services.accounts.add({
      username: 'sam.example',
      displayName: 'Sam',
      role: 'viewer',
      passphrase: 'orchid tundra pebble lantern 8',
    })
    await services.backup.create(backupFile)
    const newer = readFileSync(backupFile)
    const [olderSections, newerSections] = [await sectionsOf(backupFile), await sectionsOf(backupFile)]
    writeFileSync(backupFile, older)
    Object.assign(olderSections, await sectionsOf(backupFile))
    // Same lengths are needed for a clean swap; when they differ the sections simply do not add up.
    const swapped = Buffer.concat([
      newer.subarray(0, newerSections.vault[0]),
      older.subarray(...olderSections.vault),
      newer.subarray(olderSections.vault[1] - olderSections.vault[0] + newerSections.vault[0]),
    ])
    writeFileSync(backupFile, withRecomputedChecksum(swapped))
    expect(await codeOfAsync(services.backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE))).toBe(
      'INVALID_FILE',
    )

    // A keyring asking for 128 GiB of scrypt memory (finding 4) is refused by its bounds, before any derivation.
    const keyringText = newer.subarray(...newerSections.keyring).toString('utf8')
    const forgedKeyring = Buffer.from(
      keyringText.replace(/"memoryKiB": \d+/g, `"memoryKiB": ${128 * 1024 * 1024}`),
      'utf8',
    )
    const header = JSON.parse(newer.subarray(22, newerSections.keyring[0]).toString('utf8')) as {
      sections: { keyring: number }
    }
    header.sections.keyring = forgedKeyring.length
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
    const prefix = Buffer.from(newer.subarray(0, 22))
    prefix.writeUInt32BE(headerBytes.length, 18)
    writeFileSync(
      backupFile,
      withRecomputedChecksum(
        Buffer.concat([prefix, headerBytes, forgedKeyring, newer.subarray(newerSections.keyring[1])]),
      ),
    )
    const started = Date.now()
    expect(await codeOfAsync(services.backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE))).toBe(
      'INVALID_FILE',
    )
    expect(Date.now() - started).toBeLessThan(5000)
    expect(readdirSync(root()).sort()).toEqual(['vault', 'vault-backup.ccijbackup'])
  })

  it('a restore needs an admin of the current vault and a passphrase opening an admin slot of the backup', async () => {
    const { vault, backup } = services
    await backup.create(backupFile)
    const before = hashVaultFiles(join(root(), 'vault'))
    expect(await codeOfAsync(backup.restore(backupFile, 'alex.example', 'not the right passphrase'))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await codeOfAsync(backup.restore(backupFile, 'nobody', ADMIN_PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    // Jordan is a caseworker in the backup: no admin slot there.
    expect(await codeOfAsync(backup.restore(backupFile, 'jordan.example', CASEWORKER_PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE',
    )
    vault.lock()
    expect(await codeOfAsync(backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE))).toBe('LOCKED')
    await vault.unlock('jordan.example', CASEWORKER_PASSPHRASE)
    expect(await codeOfAsync(backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE))).toBe('FORBIDDEN')
    expect(await codeOfAsync(backup.create(join(root(), 'by-caseworker.ccijbackup')))).toBe('FORBIDDEN')
    // Unlocks and locks add audit entries to vault.db; the keyring and the survivor data are as they were.
    const after = hashVaultFiles(join(root(), 'vault'))
    expect([after['keyring.json'], after['casework-g1.db']]).toEqual([
      before['keyring.json'],
      before['casework-g1.db'],
    ])
    expect(readdirSync(root()).sort()).toEqual(['vault', 'vault-backup.ccijbackup'])
  })

  // Finding 6: a lock during a backup left an unaudited file while the person was told it failed; a lock during a
  // restore was followed by a new session, leaving the vault unlocked as admin.
  it('a lock cancels a backup (no file, no entry) and a restore (still locked, vault as it was)', async () => {
    const { vault, backup, audit } = services
    const creating = backup.create(backupFile, () => vault.lock('idle'))
    expect(await codeOfAsync(creating)).toBe('CANCELLED')
    expect(readdirSync(root())).toEqual(['vault'])
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
    expect(audit.list({ action: 'backup.created' }).total).toBe(0)

    await backup.create(backupFile)
    const before = hashVaultFiles(join(root(), 'vault'))
    const restoring = backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE, () => vault.lock('idle'))
    expect(await codeOfAsync(restoring)).toBe('CANCELLED')
    expect(vault.currentStaff()).toBeNull()
    expect(vault.status().state).toBe('locked')
    const after = hashVaultFiles(join(root(), 'vault'))
    // Only the lock entry was added to the database (and sealed): the keyring is as it was.
    expect(after['keyring.json']).toBe(before['keyring.json'])
    expect(readdirSync(root()).sort()).toEqual(['vault', 'vault-backup.ccijbackup'])
    await vault.unlock('alex.example', ADMIN_PASSPHRASE)
  })
})
