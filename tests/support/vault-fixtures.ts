import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createVaultServices, type TVaultServices } from '../../src/main/core/services'
import type { TScryptParams } from '../../src/main/core/vault/kdf'
import type { TVaultServiceOptions } from '../../src/main/core/vault/vault-service'

/** Cheap KDF for tests that are not about the KDF, so the suite stays fast. */
export const FAST_KDF: TScryptParams = { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 }

export const ADMIN_PASSPHRASE = 'quiet lantern ferry orbit 92'
export const CASEWORKER_PASSPHRASE = 'maple harbour violin kettle 17'
export const NEW_PASSPHRASE = 'granite tulip comet saddle 45'

export function makeTempFolder(prefix = 'ccij-vault-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true })
}

/** The services of the vault in `<root>/vault`, nothing opened or created yet. */
export function newVaultServices(root: string, options: Partial<TVaultServiceOptions> = {}): TVaultServices {
  return createVaultServices({ directory: join(root, 'vault'), kdf: FAST_KDF, ...options })
}

/** A new vault in `<root>/vault`, left unlocked as its first admin, alex.example. */
export async function createTestVault(
  root: string,
  options: Partial<TVaultServiceOptions> & { organizationName?: string; displayName?: string } = {},
): Promise<TVaultServices & { recoveryKey: string }> {
  const services = newVaultServices(root, options)
  const { recoveryKey } = await services.vault.create({
    organizationName: options.organizationName ?? 'Canadian Centre for International Justice',
    username: 'alex.example',
    displayName: options.displayName ?? 'Alex Staff-Example',
    passphrase: ADMIN_PASSPHRASE,
  })
  return { ...services, recoveryKey }
}

/** Who is signed in; the test fails here if the vault is locked. */
export function signedIn(
  vault: TVaultServices['vault'],
): NonNullable<ReturnType<TVaultServices['vault']['currentStaff']>> {
  const staff = vault.currentStaff()
  if (staff === null) throw new Error('expected the vault to be unlocked')
  return staff
}

/** A caseworker account opening with CASEWORKER_PASSPHRASE, added by the signed-in admin. */
export const addTestCaseworker = (
  accounts: TVaultServices['accounts'],
  username = 'casey.example',
  displayName = 'Casey Worker-Example',
) => accounts.add({ username, displayName, role: 'caseworker', passphrase: CASEWORKER_PASSPHRASE })

/** sha256 of every file under `folder`, by relative path: to prove nothing changed. */
export function hashFolder(folder: string): Record<string, string> {
  const hashes: Record<string, string> = {}
  const walk = (directory: string, prefix: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name)
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`)
      else hashes[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(folder, '')
  return hashes
}

export function listFilesRecursive(folder: string): string[] {
  const files: string[] = []
  const walk = (directory: string): void => {
    let names: string[]
    try {
      names = readdirSync(directory)
    } catch {
      return
    }
    for (const name of names) {
      const path = join(directory, name)
      try {
        if (statSync(path).isDirectory()) walk(path)
        else files.push(path)
      } catch {
        // Vanished between listing and stat: another process's temp file.
      }
    }
  }
  walk(folder)
  return files
}

export const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** The master key of a test vault, unwrapped the way unlock does it, to edit the database behind the app's back. */
export async function masterKeyOf(
  root: string,
  username = 'alex.example',
  passphrase = ADMIN_PASSPHRASE,
): Promise<Buffer> {
  const { findStaffSlot, openSlot, readKeyring } = await import('../../src/main/core/vault/keyring')
  const keyring = readKeyring(join(root, 'vault', 'keyring.json'))
  const slot = keyring === null ? null : findStaffSlot(keyring, username)
  const key = keyring === null || slot === null ? null : await openSlot(keyring.vaultId, slot, passphrase)
  if (key === null) throw new Error('test vault key not found')
  return key
}
