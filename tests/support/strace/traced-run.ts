import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileTraceArguments, parseFileTrace, type TFileTrace } from './file-trace'

const PROJECT_ROOT = join(import.meta.dirname, '../../..')

/** Whether strace can trace a child here (installed, and ptrace allowed). */
export function canTrace(): boolean {
  const probe = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', '/dev/null', 'true'])
  return probe.status === 0
}

export type TStraceRun = {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs a TypeScript file under Node (with tsx's loader) inside `strace <straceArguments>`, from the project folder,
 * with exactly `env`. Resolves when it ends, however it ends.
 */
export function runUnderStrace(
  straceArguments: readonly string[],
  script: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<TStraceRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'strace',
      [...straceArguments, process.execPath, '--import', 'tsx', script, ...args],
      {
        cwd: PROJECT_ROOT,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

export type TTracedRun = TStraceRun & { trace: TFileTrace }

/**
 * Runs a TypeScript file and returns what it printed and every file it wrote (see file-trace.ts). `logFile` must
 * sit outside the folders the caller scans: it holds every byte the child wrote.
 */
export async function runTraced(
  script: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; timeoutMs?: number },
): Promise<TTracedRun> {
  const run = await runUnderStrace(fileTraceArguments(options.logFile), script, args, options)
  return { ...run, trace: parseFileTrace(readFileSync(options.logFile, 'latin1'), PROJECT_ROOT) }
}
