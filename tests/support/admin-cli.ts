import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ADMIN_PASSPHRASE } from './vault-fixtures'

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
