import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createVaultServices, type TVaultServices } from '../../src/main/core/services'
import type { TVaultServiceOptions } from '../../src/main/core/vault/vault-service'
import { CHEAP_FLOOR, FAST_KDF } from './test-kdf'

// In a module of their own, so tests of the keys alone can import them without loading the services.
export { CHEAP_FLOOR, FAST_KDF, FLOOR_KDF } from './test-kdf'

export const ADMIN_PASSPHRASE = 'quiet lantern ferry orbit 92'
export const CASEWORKER_PASSPHRASE = 'maple harbour violin kettle 17'
export const NEW_PASSPHRASE = 'granite tulip comet saddle 45'

export { makeTempFolder, removeFolder } from './temp-folder'

/**
 * The services of the vault in `<root>/vault`, nothing opened or created yet. Colleagues an admin adds sign in with
 * the passphrase given them ('final'), as suites written before the forced first change expect; the tests of that
 * change pass `adminChosenPassphrases: 'must-change'` (production's behaviour).
 */
export function newVaultServices(root: string, options: Partial<TVaultServiceOptions> = {}): TVaultServices {
  return createVaultServices({
    directory: join(root, 'vault'),
    kdf: FAST_KDF,
    adminChosenPassphrases: 'final',
    ...options,
  })
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

/** Locks the vault and signs in again as a new viewer (`vera.example`, CASEWORKER_PASSPHRASE) the admin adds first. */
export async function signInAsViewer(services: Pick<TVaultServices, 'accounts' | 'vault'>): Promise<void> {
  await services.accounts.add({
    username: 'vera.example',
    displayName: 'Vera Viewer',
    role: 'viewer',
    passphrase: CASEWORKER_PASSPHRASE,
  })
  services.vault.lock()
  await services.vault.unlock('vera.example', CASEWORKER_PASSPHRASE)
}

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

/** hashFolder without the unlock throttle's file, which a failed attempt is meant to change. */
export function hashVaultFiles(folder: string): Record<string, string> {
  const hashes = hashFolder(folder)
  delete hashes['unlock-throttle.json']
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

/** The current generation's files of a test vault, and the keys `username`'s slot is granted. */
export type TTestVaultKeys = {
  files: { vault: string; casework: string; anchor: string; keyring: string }
  vault: Buffer
  case: Buffer | null
  admin: Buffer | null
  generation: number
  vaultId: string
}

/**
 * What a person holding `username`'s passphrase can get from the files with a few lines of Node, exactly as unlock
 * does it: to edit the databases behind the app's back (the insider tests) and to prove what a role cannot decrypt.
 */
export async function vaultKeysOf(
  root: string,
  username = 'alex.example',
  passphrase = ADMIN_PASSPHRASE,
  directory = join(root, 'vault'),
): Promise<TTestVaultKeys> {
  const { findSlotByUsername, isLegacyKeyring, readKeyring } =
    await import('../../src/main/core/vault/keyring')
  const { openGrants, openSlotPrivateKey } = await import('../../src/main/core/vault/slot-keys')
  const { generationPaths } = await import('../../src/main/core/vault/vault-paths')
  const keyring = readKeyring(join(directory, 'keyring.json'), CHEAP_FLOOR)
  if (keyring === null || isLegacyKeyring(keyring)) throw new Error('test vault keyring not found')
  const slot = findSlotByUsername(keyring, username)
  if (slot?.kind !== 'staff') throw new Error(`no slot for ${username}`)
  const privateKey = await openSlotPrivateKey(keyring.vaultId, slot, passphrase)
  if (privateKey === null) throw new Error('wrong test passphrase')
  const keys = openGrants(keyring.vaultId, keyring.generation, slot, privateKey)
  privateKey.fill(0)
  if (keys === null) throw new Error('test slot grants do not open')
  return {
    ...keys,
    files: { ...generationPaths(directory, keyring.files), keyring: join(directory, 'keyring.json') },
    generation: keyring.generation,
    vaultId: keyring.vaultId,
  }
}

/** The one master key of a wave-1 vault (keyring version 1), as that app's unlock unwrapped it. */
export async function legacyMasterKeyOf(
  root: string,
  username = 'alex.example',
  passphrase = ADMIN_PASSPHRASE,
): Promise<Buffer> {
  const { isLegacyKeyring, readKeyring } = await import('../../src/main/core/vault/keyring')
  const { openLegacySlot } = await import('../../src/main/core/vault/slot-keys')
  const keyring = readKeyring(join(root, 'vault', 'keyring.json'), CHEAP_FLOOR)
  if (keyring === null || !isLegacyKeyring(keyring)) throw new Error('not a wave-1 keyring')
  const slot = keyring.slots.find(
    (candidate) => candidate.kind === 'staff' && candidate.username === username,
  )
  const key = slot === undefined ? null : await openLegacySlot(keyring.vaultId, slot, passphrase)
  if (key === null) throw new Error('wave-1 test vault key not found')
  return key
}
