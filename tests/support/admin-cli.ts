import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createVaultServices, type TVaultServices } from '../../src/main/core/services'
import {
  ADMIN_PASSPHRASE,
  addTestCaseworker,
  createTestVault,
  FLOOR_KDF,
  makeTempFolder,
} from './vault-fixtures'

const PROJECT_ROOT = join(import.meta.dirname, '../..')
const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx')

export type TAdminRun = { code: number | null; stdout: string; stderr: string }

/** Run `npm run admin -- …` the way IT staff would, in a process of its own, with the passphrase in the environment. */
export function runAdmin(
  args: readonly string[],
  environment: Record<string, string> = {},
): Promise<TAdminRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(PROJECT_ROOT, 'src/cli/admin.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CCIJ_PASSPHRASE: ADMIN_PASSPHRASE, CCIJ_NEW_PASSPHRASE: '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export type TCliVault = {
  /** The temp folder: the vault and the test's own files; the suite removes it. */
  root: string
  /** The vault folder, for `--vault`. */
  vault: string
}

/**
 * A locked vault for the CLI's tests in a new temp folder: the admin alex.example (ADMIN_PASSPHRASE) and the
 * caseworker casey.example (CASEWORKER_PASSPHRASE). Its slots use production's KDF floor, the cheapest the CLI
 * accepts. `seed` puts the suite's data in first, signed in as the admin.
 */
export async function makeCliVault(
  prefix: string,
  seed: (services: TVaultServices) => void | Promise<void> = () => undefined,
): Promise<TCliVault> {
  const root = makeTempFolder(prefix)
  const services = await createTestVault(root, { kdf: FLOOR_KDF })
  try {
    await addTestCaseworker(services.accounts, 'casey.example', 'Casey Example')
    await seed(services)
  } finally {
    services.vault.lock()
  }
  return { root, vault: join(root, 'vault') }
}

/** The arguments that name the vault and who runs the command. */
export const asUser = (vault: string, username: string): string[] => ['--vault', vault, '--user', username]

/** What the CLI left in the vault, read in-process as the admin (locked again after). */
export async function readVault<T>(
  vault: string,
  read: (services: TVaultServices) => T | Promise<T>,
): Promise<T> {
  const services = createVaultServices({ directory: vault, kdf: FLOOR_KDF })
  await services.vault.unlock('alex.example', ADMIN_PASSPHRASE)
  try {
    return await read(services)
  } finally {
    services.vault.lock()
  }
}
