import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSPHRASE,
  createTestVault,
  makeTempFolder,
  newVaultServices,
  removeFolder,
} from '#test-support/vault-fixtures'

const PROJECT_ROOT = join(import.meta.dirname, '../..')
const ROUNDS = 15

/** Start the writer, let it commit for a random moment, SIGKILL it; resolve with the ids it reported committed. */
function writeThenKill(vaultDirectory: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader (not the tsx wrapper), so SIGKILL hits the process that writes.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), vaultDirectory],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, CCIJ_PASSPHRASE: ADMIN_PASSPHRASE },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (timer === undefined && output.includes('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(Math.random() * 400))
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own: ${stderr}`))
      // Only complete lines: a number cut off mid-write was never fully reported.
      const lines = output.split('\n').slice(0, -1)
      resolve(lines.filter((line) => /^\d+$/.test(line)).map(Number))
    })
  })
}

describe('crash safety', () => {
  let root: string
  beforeAll(async () => {
    root = makeTempFolder('ccij-crash-')
    const { vault } = await createTestVault(root)
    vault.lock()
  })
  afterAll(() => removeFolder(root))

  it(`after ${ROUNDS} SIGKILLs mid-write the vault opens, is sound, and holds every committed record intact`, async () => {
    const reported = new Set<number>()
    for (let round = 0; round < ROUNDS; round++) {
      for (const id of await writeThenKill(join(root, 'vault'))) reported.add(id)

      const { vault, audit } = newVaultServices(root)
      await vault.unlock('alex.example', ADMIN_PASSPHRASE)
      try {
        expect(vault.integrityCheck()).toEqual(['ok'])
        expect(audit.verify()).toMatchObject({ ok: true })
        // The raw connection: this test reads storage the way a forensic look would, not through services.
        const db = vault.keeper.require().db.database
        const rows = db.prepare('SELECT id, payload, checksum FROM crash_records').all() as {
          id: number
          payload: string
          checksum: string
        }[]
        const present = new Set(rows.map((row) => row.id))
        for (const id of reported) expect(present.has(id), `record ${id} was reported committed`).toBe(true)
        for (const row of rows) {
          // Present means whole: the payload matches its checksum and its audit entry exists (same transaction).
          expect(createHash('sha256').update(row.payload).digest('hex')).toBe(row.checksum)
          expect(row.payload.startsWith(`record-${row.id}-`)).toBe(true)
        }
        const audited = db
          .prepare(
            "SELECT count(*) FROM audit_log WHERE action = 'record.created' AND target_type = 'crash_record'",
          )
          .pluck()
          .get()
        expect(audited).toBe(rows.length)
        // Saved intakes are whole too: every reported one is there with its file, intake, task, consent, search
        // entry and audit entry, and nothing of an unreported one is half there.
        const caseCount = db.prepare('SELECT count(*) FROM cases').pluck().get() as number
        for (const id of reported) {
          if (id % 10 !== 0) continue
          const found = db
            .prepare('SELECT id FROM cases WHERE display_name = ?')
            .pluck()
            .all(`Crashtest Record${id}`)
          expect(found, `intake ${id} was reported committed`).toHaveLength(1)
        }
        for (const [table, expected] of [
          ['case_files', caseCount],
          ['case_intakes', caseCount],
          ['case_consents', caseCount],
          ['case_tasks', caseCount],
        ] as const) {
          expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(expected)
        }
        expect(
          db
            .prepare(
              "SELECT count(*) FROM audit_log WHERE action = 'record.created' AND target_type = 'case'",
            )
            .pluck()
            .get(),
        ).toBe(caseCount)
        expect(
          db.prepare("SELECT count(*) FROM case_search WHERE case_search MATCH 'crashtest'").pluck().get(),
        ).toBe(caseCount)
      } finally {
        vault.lock()
      }
    }
    expect(reported.size).toBeGreaterThan(ROUNDS)
    // Fifteen child processes start tsx each: generous on a busy machine.
  }, 180_000)
})
