/**
 * Vault timings on this machine: the key derivation alone (Argon2id at production parameters; aim about one second,
 * the cost of each offline guess), unlock (KDF + grants + open + audit entry) and, once the key is known,
 * open-to-first-query (aim ≤ 50 ms).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { deriveKey, PRODUCTION_KDF } from '../src/main/core/vault/kdf'
import { openVaultDatabase } from '../src/main/core/vault/open-vault-database'
import { PRODUCTION_KDF_POLICY } from '../src/main/core/vault/kdf'
import { findSlotByUsername, isLegacyKeyring, readKeyring } from '../src/main/core/vault/keyring'
import { openGrants, openSlotPrivateKey } from '../src/main/core/vault/slot-keys'
import { generationPaths } from '../src/main/core/vault/vault-paths'
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
  const { memoryKiB, iterations, parallelism } = PRODUCTION_KDF
  report(`KDF alone (Argon2id ${memoryKiB / 1024} MiB, t=${iterations}, p=${parallelism})`, kdf)

  const unlock: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    await vault.unlock('alex.example', PASSPHRASE)
    unlock.push(performance.now() - started)
    vault.lock()
  }
  report('unlock (KDF + open + audit entry)', unlock)

  const keyring = readKeyring(join(root, 'vault', 'keyring.json'), PRODUCTION_KDF_POLICY.floor)
  if (keyring === null || isLegacyKeyring(keyring)) throw new Error('bench vault has no keyring')
  const slot = findSlotByUsername(keyring, 'alex.example')
  const privateKey =
    slot?.kind === 'staff' ? await openSlotPrivateKey(keyring.vaultId, slot, PASSPHRASE) : null
  const keys =
    slot?.kind === 'staff' && privateKey !== null
      ? openGrants(keyring.vaultId, keyring.generation, slot, privateKey)
      : null
  if (keys === null) throw new Error('bench vault did not open')
  const masterKey = keys.vault
  const vaultFile = generationPaths(join(root, 'vault'), keyring.files).vault
  const open: number[] = []
  for (let run = 0; run < RUNS * 4; run++) {
    const started = performance.now()
    const db = openVaultDatabase(vaultFile, masterKey)
    db.prepare('SELECT count(*) FROM audit_log').get()
    open.push(performance.now() - started)
    db.close()
  }
  masterKey.fill(0)
  report('open-to-first-query, key known', open)
} finally {
  rmSync(root, { recursive: true, force: true })
}
