import { randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CASEWORKER_PASSPHRASE,
  createTestVault,
  listFilesRecursive,
  makeTempFolder,
  removeFolder,
  SQLITE_PLAINTEXT_HEADER,
} from './vault-fixtures'

/** Every form a leaked string could take in a file: UTF-8, UTF-16LE, and base64 of both. */
function leakForms(canary: string): Buffer[] {
  return [
    Buffer.from(canary, 'utf8'),
    Buffer.from(canary, 'utf16le'),
    Buffer.from(Buffer.from(canary, 'utf8').toString('base64').slice(0, -4), 'utf8'),
    Buffer.from(Buffer.from(canary, 'utf16le').toString('base64').slice(0, -4), 'utf8'),
  ]
}

describe('nothing sensitive reaches disk in plaintext', () => {
  const runStarted = Date.now() - 1000
  const canaries = {
    organizationName: `CANARYORG${randomBytes(6).toString('hex')}`,
    adminDisplayName: `CANARYADMIN${randomBytes(6).toString('hex')}`,
    caseworkerDisplayName: `CANARYCASE${randomBytes(6).toString('hex')}`,
    auditDetails: `CANARYAUDIT${randomBytes(6).toString('hex')}`,
    auditTarget: `CANARYTARGET${randomBytes(6).toString('hex')}`,
  }
  let root: string

  beforeAll(async () => {
    root = makeTempFolder('ccij-canary-')
    const { vault } = await createTestVault(root, {
      organizationName: canaries.organizationName,
      displayName: canaries.adminDisplayName,
    })
    await vault.addAccount({
      username: 'jordan.example',
      displayName: canaries.caseworkerDisplayName,
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    for (let index = 0; index < 200; index++) {
      vault.audit.append(
        { accountId: 'a', username: 'alex.example' },
        'record.changed',
        { type: 'survivor', id: canaries.auditTarget },
        { note: canaries.auditDetails, index },
      )
    }
    await vault.createBackup(join(root, 'backup.ccijbackup'))
    vault.lock()
    // Unlock once more and lock: the WAL, checkpoints and the backup snapshot have all happened.
    await vault.unlock('jordan.example', CASEWORKER_PASSPHRASE)
    vault.lock()
  })
  afterAll(() => removeFolder(root))

  it('finds no canary in any vault file or temp file the run wrote, and no plaintext SQLite header', () => {
    const written = new Set(listFilesRecursive(root))
    for (const file of listFilesRecursive(tmpdir())) {
      try {
        const stats = statSync(file)
        if (stats.mtimeMs >= runStarted && stats.size < 64 * 1024 * 1024) written.add(file)
      } catch {
        // Another process's temp file vanished while we looked.
      }
    }
    expect(written.size).toBeGreaterThanOrEqual(3)
    const hits: string[] = []
    for (const file of written) {
      let contents: Buffer
      try {
        contents = readFileSync(file)
      } catch {
        continue
      }
      if (file.startsWith(root) && contents.subarray(0, 16).equals(SQLITE_PLAINTEXT_HEADER))
        hits.push(`${file}: SQLite header`)
      for (const [field, canary] of Object.entries(canaries)) {
        if (leakForms(canary).some((form) => contents.includes(form))) hits.push(`${file}: ${field}`)
      }
    }
    expect(hits).toEqual([])
  })

  it('the vault folder holds only the keyring and the encrypted database once locked', () => {
    expect(
      listFilesRecursive(join(root, 'vault'))
        .map((file) => file.slice(root.length + 7))
        .sort(),
    ).toEqual(['keyring.json', 'vault.db'])
  })
})
