import { spawn } from 'node:child_process'
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import {
  ADMIN_PASSPHRASE,
  CASEWORKER_PASSPHRASE,
  createTestVault,
  makeTempFolder,
  newVaultServices,
  removeFolder,
} from '#test-support/vault-fixtures'
import { codeOfAsync } from '#test-support/per-test'
import { REKEY_STEPS } from '#test-support/rekey-steps'
import { copyWave1Vault } from '#test-support/wave1-vault'

const PROJECT_ROOT = join(import.meta.dirname, '../..')
const VIEWER_PASSPHRASE = 'orchid tundra pebble lantern 8'

/** Run the child until it SIGKILLs itself at `step`; fails the test when it finishes without reaching it. */
function killAt(directory: string, operation: string, step: string, backupFile = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'interrupt-child.ts'),
        directory,
        operation,
        step,
        backupFile,
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`${operation} did not stop at ${step}: ${output}`)),
    )
  })
}

/** No staging or aside folder beside the vault, no file in it the keyring does not name. */
function expectNoLeftovers(root: string): void {
  expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([])
  for (const name of readdirSync(join(root, 'vault'))) {
    expect(name).toMatch(
      /^(keyring\.json|unlock-throttle\.json|(vault|casework)-g\d+\.db|audit-anchor-g\d+\.json)$/,
    )
  }
}

describe('work interrupted by a crash is finished or rolled back at the next start', () => {
  let template: string
  let backupFolder: string
  let backupFile: string
  beforeAll(async () => {
    template = makeTempFolder('ccij-interrupt-template-')
    const { vault, accounts, intake, backup } = await createTestVault(template)
    await accounts.add({
      username: 'casey.example',
      displayName: 'Casey',
      role: 'caseworker',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    await accounts.add({
      username: 'riley.example',
      displayName: 'Riley',
      role: 'viewer',
      passphrase: VIEWER_PASSPHRASE,
    })
    const draft = emptyIntake('2026-11-20')
    draft.person.givenNames = 'Interrupted'
    draft.person.familyName = 'Fixture'
    intake.submit({ intake: draft, decision: { kind: 'new' }, reviewedCandidates: [] })
    backupFolder = makeTempFolder('ccij-interrupt-backup-')
    backupFile = join(backupFolder, 'before.ccijbackup')
    await backup.create(backupFile)
    vault.lock()
  })
  afterAll(() => {
    removeFolder(template)
    // The backup sits in a folder of its own: left behind, it is a copy of the synthetic vault in the temp folder.
    removeFolder(backupFolder)
  })

  /** A fresh copy of the template vault in its own root. */
  const freshRoot = (): string => {
    const root = makeTempFolder('ccij-interrupt-')
    cpSync(join(template, 'vault'), join(root, 'vault'), { recursive: true })
    return root
  }

  it.each(REKEY_STEPS)(
    'disabling a colleague, killed at %s: the remaining passphrases open a sound vault, the disabled one never does',
    async (step) => {
      const root = freshRoot()
      try {
        await killAt(join(root, 'vault'), 'disable', step)
        const { vault, audit, caseList } = newVaultServices(root)
        expect(vault.status().state).toBe('locked')
        // The admin's unlock finishes a rekey the crash cut short (the disable itself was committed first).
        await vault.unlock('alex.example', ADMIN_PASSPHRASE)
        expect(vault.integrityCheck()).toEqual(['ok'])
        expect(audit.verify()).toMatchObject({ ok: true })
        expect(caseList.list({}).total).toBe(1)
        vault.lock()
        expect(await codeOfAsync(vault.unlock('casey.example', CASEWORKER_PASSPHRASE))).not.toBeNull()
        await vault.unlock('riley.example', VIEWER_PASSPHRASE)
        vault.lock()
        expectNoLeftovers(root)
      } finally {
        removeFolder(root)
      }
    },
    60_000,
  )

  it.each(['rekey:casework-rekeyed', 'rekey:switched'])(
    'replacing the recovery key, killed at %s: the vault opens and is sound',
    async (step) => {
      const root = freshRoot()
      try {
        await killAt(join(root, 'vault'), 'recovery', step)
        const { vault } = newVaultServices(root)
        await vault.unlock('alex.example', ADMIN_PASSPHRASE)
        expect(vault.integrityCheck()).toEqual(['ok'])
        expect(vault.status().recoveryKeyConfirmed).toBe(false)
        vault.lock()
        await vault.unlock('casey.example', CASEWORKER_PASSPHRASE)
        vault.lock()
        expectNoLeftovers(root)
      } finally {
        removeFolder(root)
      }
    },
    60_000,
  )

  // Finding 7: a crash between the restore's two renames left no vault/, and the app then offered to create one.
  it.each(['restore:staged', 'restore:aside', 'restore:swapped'])(
    'a restore killed at %s leaves a vault that opens (never "no vault"), and nothing beside it',
    async (step) => {
      const root = freshRoot()
      try {
        await killAt(join(root, 'vault'), 'restore', step, backupFile)
        const { vault, caseList } = newVaultServices(root)
        expect(vault.status().state).toBe('locked')
        expect(
          await codeOfAsync(
            vault.create({
              organizationName: 'X',
              username: 'x.example',
              displayName: 'X',
              passphrase: ADMIN_PASSPHRASE,
            }),
          ),
        ).toBe('VAULT_EXISTS')
        await vault.unlock('alex.example', ADMIN_PASSPHRASE)
        expect(vault.integrityCheck()).toEqual(['ok'])
        expect(caseList.list({}).total).toBe(1)
        vault.lock()
        expectNoLeftovers(root)
      } finally {
        removeFolder(root)
      }
    },
    60_000,
  )

  it.each([
    'upgrade:start',
    'upgrade:casework-written',
    'upgrade:vault-written',
    'upgrade:ready',
    'upgrade:switched',
  ])(
    'the wave-1 upgrade killed at %s is finished by the next admin unlock',
    async (step) => {
      const root = makeTempFolder('ccij-interrupt-')
      try {
        copyWave1Vault(join(root, 'vault'))
        await killAt(join(root, 'vault'), 'upgrade', step)
        const { vault, caseList, audit } = newVaultServices(root)
        expect(vault.status().state).toBe('locked')
        await vault.unlock('alex.example', ADMIN_PASSPHRASE)
        expect(vault.integrityCheck()).toEqual(['ok'])
        expect(caseList.list({}).total).toBe(3)
        expect(audit.list({ action: 'vault.upgraded' }).total).toBe(1)
        vault.lock()
        expectNoLeftovers(root)
        rmSync(join(root, 'vault', 'unlock-throttle.json'), { force: true })
      } finally {
        removeFolder(root)
      }
    },
    60_000,
  )
})
