/**
 * Vault timings on this machine: unlock (dominated by the scrypt KDF at production parameters; aim
 * 0.3–1 s) and, once the key is known, open-to-first-query (aim ≤ 50 ms).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { deriveKey, PRODUCTION_KDF } from '../src/main/core/vault/kdf'
import { openVaultDatabase } from '../src/main/core/vault/open-vault-database'
import { findStaffSlot, openSlot, readKeyring } from '../src/main/core/vault/keyring'
import { AuditRepository } from '../src/main/core/audit/audit-repository'
import { createVaultServices } from '../src/main/core/services'

const PASSPHRASE = 'quiet lantern ferry orbit 92'
const RUNS = 5

const median = (values: number[]): number => {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const report = (label: string, values: number[]): void => {
  process.stdout.write(
    `${label.padEnd(44)} median ${median(values).toFixed(1)} ms   (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}, n=${values.length})\n`,
  )
}

const root = mkdtempSync(join(tmpdir(), 'ccij-bench-'))
try {
  const { vault } = createVaultServices({ directory: join(root, 'vault') })
  await vault.create({
    organizationName: 'Bench',
    username: 'alex.example',
    displayName: 'Alex',
    passphrase: PASSPHRASE,
  })
  const trail = new AuditRepository(vault.session().db)
  for (let index = 0; index < 2000; index++) {
    trail.append(
      { accountId: 'a', username: 'alex.example' },
      'record.viewed',
      { type: 'survivor', id: String(index) },
      { index },
    )
  }
  vault.lock()

  const kdf: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    ;(await deriveKey(PASSPHRASE, randomBytes(16), PRODUCTION_KDF)).fill(0)
    kdf.push(performance.now() - started)
  }
  report(`KDF alone (scrypt N=2^17, r=8, p=1)`, kdf)

  const unlock: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    await vault.unlock('alex.example', PASSPHRASE)
    unlock.push(performance.now() - started)
    vault.lock()
  }
  report('unlock (KDF + open + audit entry)', unlock)

  const keyring = readKeyring(join(root, 'vault', 'keyring.json'))
  const slot = keyring === null ? null : findStaffSlot(keyring, 'alex.example')
  const masterKey =
    keyring === null || slot === null ? null : await openSlot(keyring.vaultId, slot, PASSPHRASE)
  if (masterKey === null) throw new Error('bench vault did not open')
  const open: number[] = []
  for (let run = 0; run < RUNS * 4; run++) {
    const started = performance.now()
    const db = openVaultDatabase(join(root, 'vault', 'vault.db'), masterKey)
    db.prepare('SELECT count(*) FROM audit_log').get()
    open.push(performance.now() - started)
    db.close()
  }
  masterKey.fill(0)
  report('open-to-first-query, key known', open)
} finally {
  rmSync(root, { recursive: true, force: true })
}
