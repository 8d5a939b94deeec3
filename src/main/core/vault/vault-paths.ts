import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import type { TVaultFiles } from './keyring'

export type TVaultPaths = {
  directory: string
  keyring: string
  /** Persisted unlock throttle (failed attempts and their delays), so a restart does not reset it. */
  throttle: string
  /** The single database of a wave-1 vault (keyring version 1), read only to upgrade it. */
  legacyDatabase: string
}

export const KEYRING_FILE = 'keyring.json'
export const THROTTLE_FILE = 'unlock-throttle.json'
export const LEGACY_DATABASE_FILE = 'vault.db'

export function vaultPaths(directory: string): TVaultPaths {
  return {
    directory,
    keyring: join(directory, KEYRING_FILE),
    throttle: join(directory, THROTTLE_FILE),
    legacyDatabase: join(directory, LEGACY_DATABASE_FILE),
  }
}

/** Absolute paths of one generation's files (named by the keyring). */
export type TGenerationPaths = { vault: string; casework: string; anchor: string }

export const generationPaths = (directory: string, files: TVaultFiles): TGenerationPaths => ({
  vault: join(directory, files.vault),
  casework: join(directory, files.casework),
  anchor: join(directory, files.anchor),
})

/**
 * A fresh folder name beside the vault (`.vault.restoring-1a2b…`), on the same file system so a rename
 * swaps it in atomically. Hidden, and recognizable by the purpose in its name.
 */
export function siblingFolder(directory: string, purpose: TSiblingPurpose): string {
  return join(dirname(directory), `.${basename(directory)}.${purpose}-${randomBytes(6).toString('hex')}`)
}

export type TSiblingPurpose = 'creating' | 'restoring' | 'replaced'
