import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canTrace, runUnderStrace } from '#test-support/strace/traced-run'
import {
  ADMIN_PASSPHRASE,
  createTestVault,
  makeTempFolder,
  NEW_PASSPHRASE,
  newVaultServices,
  removeFolder,
} from '#test-support/vault-fixtures'

/**
 * A keyring write killed at every step that makes something durable. A passphrase change runs once under strace
 * to list its fsyncs and renames (the same on every run, unlike opens and writes, which module loading also does),
 * then once per step of the keyring write with a SIGKILL injected just before that syscall: before the new
 * keyring's fsync, before the rename, before the folder's fsync, before the database commits. After each crash the
 * keyring must be whole and exactly one of the two passphrases must open the vault: the old one if the rename had
 * not happened, the new one if it had.
 */
const DURABLE_STEPS = ['fsync', 'fdatasync', 'rename', 'renameat', 'renameat2', 'unlink', 'unlinkat']
const WATCHED = [...DURABLE_STEPS, 'openat', 'write', 'pwrite64', 'ftruncate']

type TStep = { name: string; nth: number; path: string; line: string }

describe('a keyring write killed at any step', () => {
  let root: string
  let pristine: string
  let steps: TStep[]
  const vaultFolder = () => join(root, 'vault')
  const keyringFile = () => join(vaultFolder(), 'keyring.json')
  const runChild = (strace: string[]) =>
    runUnderStrace(
      ['-f', '-qq', ...strace],
      join(import.meta.dirname, 'keyring-crash-child.ts'),
      [root, ADMIN_PASSPHRASE, NEW_PASSPHRASE],
      { env: { PATH: process.env['PATH'], HOME: root, TMPDIR: root, UV_USE_IO_URING: '0' } },
    )
  const resetVault = () => {
    rmSync(vaultFolder(), { recursive: true, force: true })
    cpSync(pristine, vaultFolder(), { recursive: true })
  }

  beforeAll(async () => {
    expect(canTrace(), 'strace is installed and may trace a child (.ci/run installs it)').toBe(true)
    root = makeTempFolder('ccij-keyring-crash-')
    pristine = makeTempFolder('ccij-keyring-pristine-')
    const { vault } = await createTestVault(root)
    vault.lock()
    cpSync(vaultFolder(), pristine, { recursive: true })
    // The uninterrupted run: it must succeed, and its trace lists the steps.
    const log = join(root, 'steps.trace')
    const run = await runChild(['-y', '-e', `trace=${WATCHED.join(',')}`, '-o', log])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const counts = new Map<string, number>()
    steps = readFileSync(log, 'utf8')
      .split('\n')
      .flatMap((line) => {
        const call = /^\d+ +([a-z0-9_]+)\((?:-?\d+<([^>]*)>|"([^"]*)")?/.exec(line)
        if (call === null) return []
        const name = call[1]!
        const nth = (counts.get(name) ?? 0) + 1
        counts.set(name, nth)
        return [{ name, nth, path: call[2] ?? call[3] ?? '', line }]
      })
    rmSync(log, { force: true })
  }, 60_000)
  afterAll(() => {
    removeFolder(root)
    removeFolder(pristine)
  })

  /** Which of the two passphrases open the vault now (the database checked whole each time). */
  async function opensWith(): Promise<string[]> {
    const opened: string[] = []
    for (const [name, passphrase] of [
      ['old', ADMIN_PASSPHRASE],
      ['new', NEW_PASSPHRASE],
    ] as const) {
      const { vault } = newVaultServices(root)
      try {
        await vault.unlock('alex.example', passphrase)
        expect(vault.integrityCheck()).toEqual(['ok'])
        opened.push(name)
      } catch (error) {
        expect((error as { code?: string }).code, `unlock with the ${name} passphrase`).toBe(
          'WRONG_PASSPHRASE',
        )
      } finally {
        vault.lock()
      }
    }
    return opened
  }

  /** The durable steps from the new keyring's first fsync to the first commit after its rename. */
  const keyringWriteSteps = (): TStep[] => {
    const durable = steps.filter((step) => DURABLE_STEPS.includes(step.name))
    const first = durable.findIndex((step) => /\/\.keyring\.json\.[0-9a-f]+\.tmp$/.test(step.path))
    const rename = durable.findIndex(
      (step) => step.name.startsWith('rename') && step.line.includes(`"${keyringFile()}"`),
    )
    // The database commits before the keyring is written (the change is recorded first); the rename is made
    // durable by the folder's fsync that follows it, when there is one.
    const after = durable.findIndex((step, index) => index > rename)
    expect(first, 'the new keyring is fsynced').toBeGreaterThanOrEqual(0)
    expect(rename, 'then renamed into place').toBeGreaterThan(first)
    return durable.slice(first, (after === -1 ? rename : after) + 1)
  }

  it('never opens keyring.json for writing or writes into it: the old keyring stays whole until the rename', async () => {
    const intoKeyring = steps.filter(
      (step) =>
        step.path === keyringFile() &&
        (['write', 'pwrite64', 'ftruncate'].includes(step.name) ||
          (step.name === 'openat' && /O_WRONLY|O_RDWR|O_TRUNC/.test(step.line))),
    )
    expect(intoKeyring.map((step) => step.line)).toEqual([])
    expect(await opensWith()).toEqual(['new'])
  })

  it('leaves a whole keyring that opens with exactly one passphrase, whichever step the crash hits', async () => {
    const outcomes: string[] = []
    for (const step of keyringWriteSteps()) {
      resetVault()
      const run = await runChild([
        '-e',
        `trace=${step.name}`,
        '-e',
        `inject=${step.name}:signal=SIGKILL:when=${step.nth}`,
        '-o',
        '/dev/null',
      ])
      const where = `${step.name} #${step.nth} (${step.path.slice(root.length)})`
      expect(run.code, `${where}: killed`).not.toBe(0)
      outcomes.push(`${where}: ${(await opensWith()).join('+') || 'neither'}`)
      // Anything left beside the vault's own files is the unfinished write's temp file.
      const leftovers = readdirSync(vaultFolder()).filter(
        (name) =>
          !/^(keyring\.json|unlock-throttle\.json|(vault|casework)-g\d+\.db(-journal)?|audit-anchor-g\d+\.json)$/.test(
            name,
          ),
      )
      for (const name of leftovers) expect(name, where).toMatch(/^\.keyring\.json\.[0-9a-f]+\.tmp$/)
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(3)
    for (const outcome of outcomes) expect(outcome).toMatch(/: (old|new)$/)
    // Before the rename the old passphrase opens; from the rename on, the new one.
    expect(outcomes[0]).toMatch(/^fsync .*: old$/)
    expect(outcomes.at(-1)).toMatch(/: new$/)
  }, 120_000)
})
