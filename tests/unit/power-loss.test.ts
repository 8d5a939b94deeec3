import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TFileTrace } from '#test-support/strace/file-trace'
import { canTrace, runTraced } from '#test-support/strace/traced-run'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'

/**
 * Power loss, which a SIGKILL cannot model (the kernel still writes a killed process's page cache out): only what
 * was fsynced is sure to be on the disk. So this watches the syscalls. With synchronous=FULL, SQLite
 * fsyncs the database at every commit, before the commit returns; with NORMAL or OFF it does not, and a committed
 * record can vanish with the power. A keyring write must fsync the new file before renaming it into place and
 * fsync the folder after, or the name can point at nothing after a power cut.
 */
const COMMITS = 10

/** The vault's databases of any generation (rollback journal: each commit's pages are synced in the file itself). */
const DATABASE_FILE = /\/(vault|casework)-g\d+\.db$/

describe('what survives a power cut', () => {
  let root: string
  let trace: TFileTrace
  let vaultFolder: string

  beforeAll(async () => {
    expect(canTrace(), 'strace is installed and may trace a child (.ci/run installs it)').toBe(true)
    root = makeTempFolder('ccij-power-')
    const { vault } = await createTestVault(root)
    vault.lock()
    vaultFolder = join(root, 'vault')
    mkdirSync(join(root, 'markers'))
    const run = await runTraced(
      join(import.meta.dirname, 'power-loss-child.ts'),
      [root, join(root, 'markers'), String(COMMITS)],
      {
        env: { PATH: process.env['PATH'], HOME: root, TMPDIR: root, UV_USE_IO_URING: '0' },
        logFile: join(root, 'trace.log'),
      },
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    trace = run.trace
  }, 60_000)
  afterAll(() => removeFolder(root))

  /** The trace positions of the marker writes around a phase. */
  const phase = (name: string): { begin: number; end: number } => {
    const at = (marker: string) =>
      trace.writes.find((write) => write.path === join(root, 'markers', marker))?.at ?? Number.NaN
    return { begin: at(`${name}-begin`), end: at(`${name}-end`) }
  }
  const within = ({ begin, end }: { begin: number; end: number }, at: number) => at > begin && at < end

  it(`fsyncs the database at each of ${COMMITS} commits before the commit returns (synchronous=FULL)`, () => {
    const commits = phase('commits')
    expect(commits.end).toBeGreaterThan(commits.begin)
    const walWrites = trace.writes.filter(
      (write) => DATABASE_FILE.test(write.path) && within(commits, write.at),
    )
    const walSyncs = trace.syncs.filter((sync) => DATABASE_FILE.test(sync.path) && within(commits, sync.at))
    expect(walWrites.length).toBeGreaterThanOrEqual(COMMITS)
    expect(walSyncs.length).toBeGreaterThanOrEqual(COMMITS)
    // And no commit's frames are left unsynced when the next one starts: every WAL write is followed by a sync
    // before the phase ends.
    const lastWrite = Math.max(...walWrites.map((write) => write.at))
    expect(walSyncs.some((sync) => sync.at > lastWrite)).toBe(true)
  })

  it('fsyncs the rollback journal twice at each commit, its pages and then its header, before the database', () => {
    // With a rollback journal, synchronous=NORMAL still syncs the database at each commit (the test above passes
    // with it) but syncs the journal once, its page count written together with its pages: after a power cut a
    // hot journal can then count pages that never reached the disk, and only its checksums stand between the
    // rollback and a damaged database. FULL syncs the pages, then the header, then writes the database.
    const commits = phase('commits')
    const syncs = trace.syncs.filter((sync) => within(commits, sync.at))
    const journal = /-g\d+\.db-journal$/
    let journalSyncsSinceDatabase = 0
    let databaseSyncs = 0
    for (const sync of syncs) {
      if (journal.test(sync.path)) journalSyncsSinceDatabase++
      if (!DATABASE_FILE.test(sync.path)) continue
      expect(journalSyncsSinceDatabase, `journal syncs before database sync ${databaseSyncs + 1}`).toBe(2)
      journalSyncsSinceDatabase = 0
      databaseSyncs++
    }
    expect(databaseSyncs).toBeGreaterThanOrEqual(COMMITS)
  })

  it('writes the keyring to a temp file, fsyncs it, renames it into place, then fsyncs the vault folder', () => {
    const keyring = phase('keyring')
    const keyringFile = join(vaultFolder, 'keyring.json')
    const rename = trace.moves.find((move) => move.to === keyringFile && within(keyring, move.at))
    expect(rename, 'the keyring is renamed into place').toBeDefined()
    const temporary = rename!.from
    expect(temporary).toMatch(/\/\.keyring\.json\.[0-9a-f]+\.tmp$/)
    const writes = trace.writes.filter((write) => write.path === temporary)
    const fileSync = trace.syncs.find((sync) => sync.path === temporary)
    const folderSync = trace.syncs.find((sync) => sync.path === vaultFolder && sync.at > rename!.at)
    expect(writes.length).toBeGreaterThan(0)
    expect(fileSync, 'the new keyring is fsynced').toBeDefined()
    expect(Math.max(...writes.map((write) => write.at))).toBeLessThan(fileSync!.at)
    expect(fileSync!.at).toBeLessThan(rename!.at)
    expect(folderSync, 'the vault folder is fsynced after the rename').toBeDefined()
    expect(folderSync!.at).toBeLessThan(keyring.end)
    // Nothing writes into keyring.json itself: the old one stays whole until the rename replaces it.
    expect(trace.writes.filter((write) => write.path === keyringFile)).toEqual([])
  })
})
