import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/main/core/db/sql'
import {
  ADMIN_PASSPHRASE,
  createTestVault,
  makeTempFolder,
  newVaultServices,
  removeFolder,
} from '#test-support/vault-fixtures'

const PROJECT_ROOT = join(import.meta.dirname, '../..')
const ROWS = 120
const KILL_AT = 80

/** Runs the child until it SIGKILLs itself mid-commit; fails when it finishes instead. */
function importKilledAt(directory: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'intake-import-kill-child.ts'),
        directory,
        String(ROWS),
        String(KILL_AT),
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the import was not killed: ${output}`)),
    )
  })
}

describe('an intakes import killed mid-commit', () => {
  let root: string

  beforeAll(async () => {
    root = makeTempFolder('ccij-import-kill-')
    const { vault } = await createTestVault(root)
    vault.lock()
  })
  afterAll(() => removeFolder(root))

  it('leaves the vault as it was: it opens sound, with no case of the file and no import audited', async () => {
    await importKilledAt(join(root, 'vault'))
    const services = newVaultServices(root)
    await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
    try {
      const db = services.vault.session().db
      // The 80 cases written inside the transaction were rolled back from the hot journal at this open.
      expect(services.caseList.list({}).total).toBe(0)
      expect(db.value<number>(sql`SELECT count(*) FROM case_intakes`)).toBe(0)
      expect(db.value<string>(sql`PRAGMA casework.integrity_check`)).toBe('ok')
      expect(services.audit.list({ action: 'import' }).entries).toEqual([])
    } finally {
      services.vault.lock()
    }
  }, 240_000)
})
