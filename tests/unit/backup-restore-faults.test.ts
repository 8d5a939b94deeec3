import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEncryptedDatabase } from '../../src/main/core/db/open-database'
import { readBackupHead, writeBackupFile } from '../../src/main/core/vault/backup-file'
import { OperationGuard } from '../../src/main/core/vault/operation-guard'
import { adminSubkey } from '../../src/main/core/vault/vault-keys'
import { sampleIntake } from '#test-support/channel-samples'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import {
  ADMIN_PASSPHRASE,
  createTestVault,
  hashVaultFiles,
  newVaultServices,
  vaultKeysOf,
} from '#test-support/vault-fixtures'

/*
 * The last lines of defence of a restore, which the MAC cannot stand in for: a backup written with the real admin
 * key (an admin's own export, made from a vault already damaged on disk) whose database is unsound, and a failure
 * after the current vault was moved aside. Either way the current vault stays exactly as it was.
 */

/** The backup's sections as separate byte ranges, read from its header. */
async function sectionBytes(file: string) {
  const head = await readBackupHead(file)
  const bytes = readFileSync(file)
  let offset = 16 + 2 + 4 + head.headerLength
  const take = (length: number) => bytes.subarray(offset, (offset += length))
  const { sections } = head.metadata
  return {
    head,
    keyring: take(sections.keyring),
    anchor: take(sections.anchor),
    vault: take(sections.vault),
    casework: take(sections.casework),
  }
}

/**
 * Damage a database the way a bad disk or a hand edit can while every page still decrypts: a staff row whose role
 * its table's CHECK constraint forbids (written with the constraint switched off). Opening the database and reading
 * its schema do not notice; only an integrity check does.
 */
function damageARow(file: string, key: Buffer): void {
  const db = openEncryptedDatabase(file, key)
  try {
    db.pragma('ignore_check_constraints = ON')
    const changed = db
      .prepare(
        `UPDATE staff_accounts SET role = 'superuser' WHERE rowid = (SELECT min(rowid) FROM staff_accounts)`,
      )
      .run()
    if (changed.changes !== 1) throw new Error('no staff row to damage')
  } finally {
    db.close()
  }
}

describe('restore refuses what the MAC cannot vouch for, and rolls back a failed swap', () => {
  const root = tempFolderPerTest('ccij-restore-faults-')

  it('refuses a correctly MAC’d backup whose database is damaged, and leaves the vault as it was', async () => {
    const services = await createTestVault(root())
    try {
      services.intake.submit({ intake: sampleIntake(), decision: { kind: 'new' }, reviewedCandidates: [] })
      const sound = join(root(), 'sound.ccijbackup')
      await services.backup.create(sound)
      const { head, keyring, anchor, vault, casework } = await sectionBytes(sound)
      const keys = await vaultKeysOf(root())
      const vaultCopy = join(root(), 'vault-section.db')
      const caseworkCopy = join(root(), 'casework-section.db')
      writeFileSync(vaultCopy, vault)
      writeFileSync(caseworkCopy, casework)
      damageARow(vaultCopy, keys.vault)

      // Written with the vault's own admin key: the MAC verifies, the keyring and header match.
      const damaged = join(root(), 'damaged.ccijbackup')
      const { sections: _sections, ...metadata } = head.metadata
      const macKey = adminSubkey(keys.admin ?? Buffer.alloc(32), 'backup-mac', head.metadata.vaultId)
      const operation = new OperationGuard().begin()
      await writeBackupFile(
        damaged,
        metadata,
        { keyring, anchor, vault: vaultCopy, casework: caseworkCopy },
        macKey,
        { operation, beforeRename: () => undefined },
      )
      operation.end()

      const before = hashVaultFiles(join(root(), 'vault'))
      const refused = services.backup.restore(damaged, 'alex.example', ADMIN_PASSPHRASE)
      await expect(refused).rejects.toMatchObject({
        code: 'INVALID_FILE',
        message: 'A database inside this backup is damaged. Nothing was changed.',
      })
      expect(hashVaultFiles(join(root(), 'vault'))).toEqual(before)
      expect(readdirSync(root()).filter((name) => !/\.(db|ccijbackup)$/.test(name))).toEqual(['vault'])
      expect(services.vault.currentStaff()?.username).toBe('alex.example')
      expect(services.vault.integrityCheck()).toEqual(['ok'])
    } finally {
      services.vault.lock()
    }
  })

  it.each(['restore:aside', 'restore:staged'])(
    'a restore failing at %s puts the vault in use back, with no staging or set-aside folder left',
    async (failingStep) => {
      const hooks = {
        failAt: '',
        at(step: string) {
          if (step === hooks.failAt) throw new Error(`disk failure at ${step}`)
        },
      }
      const services = await createTestVault(root(), { hooks })
      services.intake.submit({ intake: sampleIntake(), decision: { kind: 'new' }, reviewedCandidates: [] })
      const backupFile = join(root(), 'vault.ccijbackup')
      await services.backup.create(backupFile)
      // A change after the backup: a restore that went through would undo it.
      const later = sampleIntake()
      later.person.familyName = 'Later-Example'
      later.person.givenNames = 'Another'
      services.intake.submit({ intake: later, decision: { kind: 'new' }, reviewedCandidates: [] })
      services.vault.lock()
      await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
      const filesBefore = readdirSync(join(root(), 'vault')).sort()

      hooks.failAt = failingStep
      expect(await codeOfAsync(services.backup.restore(backupFile, 'alex.example', ADMIN_PASSPHRASE))).toBe(
        'not an AppError: Error: disk failure at ' + failingStep,
      )
      services.vault.lock()
      expect(readdirSync(root()).sort()).toEqual(['vault', 'vault.ccijbackup'])
      expect(readdirSync(join(root(), 'vault')).sort()).toEqual(filesBefore)
      const reopened = newVaultServices(root())
      await reopened.vault.unlock('alex.example', ADMIN_PASSPHRASE)
      try {
        expect(reopened.vault.integrityCheck()).toEqual(['ok'])
        // Both cases: the vault in use, not the backup's (which has one).
        expect(reopened.caseList.list({}).total).toBe(2)
        expect(reopened.audit.verify()).toMatchObject({ ok: true, status: 'intact' })
      } finally {
        reopened.vault.lock()
      }
    },
  )
})
