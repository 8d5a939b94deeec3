import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

export type TVaultPaths = {
  directory: string
  keyring: string
  database: string
}

export const KEYRING_FILE = 'keyring.json'
export const DATABASE_FILE = 'vault.db'

export function vaultPaths(directory: string): TVaultPaths {
  return { directory, keyring: join(directory, KEYRING_FILE), database: join(directory, DATABASE_FILE) }
}

/**
 * A fresh folder name beside the vault (`.vault.restoring-1a2b…`), on the same file system so a rename
 * swaps it in atomically. Hidden, and recognizable by the purpose in its name.
 */
export function siblingFolder(directory: string, purpose: string): string {
  return join(dirname(directory), `.${basename(directory)}.${purpose}-${randomBytes(6).toString('hex')}`)
}
