import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** A vault the wave-1 app (commit 40826d3) wrote: keyring v1, schema 3, cases inside vault.db (see its README). */
export const WAVE1_VAULT = join(import.meta.dirname, '../fixtures/wave1-vault')

/** The saved vault's two files (not its README) into `directory`. */
export function copyWave1Vault(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 })
  for (const name of ['keyring.json', 'vault.db'])
    copyFileSync(join(WAVE1_VAULT, name), join(directory, name))
}
