import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { LeakScanner } from '#test-support/canary/leak-scanner'
import { scanRun, type TRunScan } from '#test-support/canary/scan-run'
import { canTrace, runTraced, type TTracedRun } from '#test-support/strace/traced-run'
import {
  listFilesRecursive,
  makeTempFolder,
  vaultKeysOf,
  removeFolder,
  SQLITE_PLAINTEXT_HEADER,
} from '#test-support/vault-fixtures'

/**
 * A day of work with a canary in every field and every secret, run in a child process under strace so every byte
 * it writes to any file is seen, including files it deletes or renames away. Nothing but the export the person
 * asked for may hold any of them, in any encoding.
 */

/**
 * SQLite's WAL index (`-shm`) is written through a shared mapping and deleted when the last connection closes.
 * It holds page numbers, salts and checksums of the encrypted WAL frames, never page content (sqlite.org/walformat).
 */
const isWalIndex = (path: string): boolean => path.endsWith('.db-shm')

type TWorkloadReport = {
  canaries: Record<string, string>
  secrets: Record<string, string>
  uncalled: string[]
  admin: { username: string; passphrase: string }
}

describe('nothing sensitive reaches any file, even for a moment', () => {
  let root: string
  let folders: { data: string; tmp: string; home: string; exports: string }
  let exportPath: string
  let packetPath: string
  /** The files the person chose to write survivor data to: the CSV export and the packet's PDF. */
  let chosenFiles: string[]
  let run: TTracedRun
  let report: TWorkloadReport
  let scan: TRunScan
  let values: Record<string, string | Buffer>

  beforeAll(async () => {
    expect(canTrace(), 'strace is installed and may trace a child (.ci/run installs it)').toBe(true)
    root = makeTempFolder('ccij-canary-')
    folders = {
      data: join(root, 'data'),
      tmp: join(root, 'tmp'),
      home: join(root, 'home'),
      exports: join(root, 'exports'),
    }
    for (const folder of Object.values(folders)) mkdirSync(folder)
    exportPath = join(folders.exports, 'intakes.csv')
    packetPath = join(folders.exports, 'packet.pdf')
    chosenFiles = [exportPath, packetPath]
    const home = folders.home
    run = await runTraced(
      join(import.meta.dirname, 'canary-workload.ts'),
      [folders.data, exportPath, join(folders.exports, 'vault.ccijbackup'), packetPath],
      {
        // Everywhere the child could be told to write goes to a folder the scan reads whole; libuv's io_uring
        // would write without a syscall the trace sees, so it is off (and a child that sets it up fails the scan).
        env: {
          PATH: process.env['PATH'],
          HOME: home,
          TMPDIR: folders.tmp,
          XDG_CONFIG_HOME: join(home, '.config'),
          XDG_CACHE_HOME: join(home, '.cache'),
          XDG_DATA_HOME: join(home, '.local/share'),
          XDG_STATE_HOME: join(home, '.local/state'),
          UV_USE_IO_URING: '0',
        },
        // Outside the scanned folders: it holds every byte the child wrote, the export included.
        logFile: join(root, 'strace.log'),
      },
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as TWorkloadReport
    // The keys the admin's slot is granted at the end of the run (vault, case and admin keys of the last generation).
    const keys = await vaultKeysOf(folders.data, report.admin.username, report.admin.passphrase)
    const secretKeys = Object.fromEntries(
      (['vault', 'case', 'admin'] as const).flatMap((name) => {
        const key = keys[name]
        return key === null
          ? []
          : [[`${name}Key`, key] as const, [`${name}Key(hex)`, key.toString('hex')] as const]
      }),
    )
    const phone = report.canaries['intake.contact.phone'] ?? ''
    values = {
      ...report.canaries,
      'intake.contact.phone(digits)': phone.replace(/\D/g, ''),
      ...report.secrets,
      ...secretKeys,
    }
    const started = performance.now()
    scan = scanRun(run.trace, new LeakScanner(values), Object.values(folders), isWalIndex)
    console.info(
      `canary scan: ${scan.filesWritten} files written (${(scan.bytesWritten / 1e6).toFixed(1)} MB), ` +
        `${scan.filesOnDisk} on disk, ${Object.keys(values).length} values, ${Math.round(performance.now() - started)} ms`,
    )
  }, 120_000)
  afterAll(() => removeFolder(root))

  it('drives every channel of the contract through the dispatcher, with a canary in every intake field', () => {
    // A channel added to the contract fails here until canary-workload.ts drives it: its name is the message.
    expect(
      report.uncalled,
      'channels the canary workload does not drive (add each to canary-workload.ts)',
    ).toEqual([])
    const textFields = Object.keys(report.canaries).filter((name) => name.startsWith('intake.'))
    // Every text leaf of an intake with one entry per list, found independently of the workload's own walk.
    const leaves = (value: unknown, path: string): string[] =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, child]) =>
            leaves(Array.isArray(child) && child.length === 0 ? [''] : child, `${path}.${key}`),
          )
        : typeof value === 'string'
          ? [path]
          : []
    const vocabulary =
      /\.(method|gender|safeMethod|voicemailSafe|preferred|others\.0|interpreterNeeded|province|countryOfOrigin|country|immigrationStatus|arrivalRoute|kind|needs\.0|detained|airportCode|purpose)$/
    const expected = leaves(emptyIntake(''), 'intake')
      .map((path) => path.replace(/\.entries\.0$|\.adverseParties\.0$|\.consent\.0$/, ''))
      .filter((path) => !vocabulary.test(path))
    expect(expected.length).toBeGreaterThanOrEqual(20)
    for (const field of expected)
      expect(
        textFields.some((name) => name.startsWith(field)),
        field,
      ).toBe(true)
    expect(Object.keys(report.secrets).length).toBeGreaterThanOrEqual(9)
  })

  it('sees every file the child wrote, including ones it deleted, and reads every one of them', () => {
    expect(scan.unreadable).toEqual([])
    // The WAL and the keyring's temp files come and go; the trace must have seen them written.
    expect(scan.filesWritten).toBeGreaterThanOrEqual(8)
    expect([...run.trace.deleted].some((path) => /(vault|casework)-g\d+\.db-journal$/.test(path))).toBe(true)
    expect([...run.trace.touched].some((path) => /\.keyring\.json\.[0-9a-f]+\.tmp$/.test(path))).toBe(true)
  })

  it('finds the canaries in the export and the packet the person asked for (the scan can see them)', () => {
    const found = (file: string) =>
      new Set(
        scan.leaks.filter((leak) => leak.endedUpAt === file).map((leak) => `${leak.where}:${leak.value}`),
      )
    const inExport = found(exportPath)
    for (const field of ['intake.person.familyName', 'intake.experiences.narrative', 'csv2Narrative']) {
      expect(inExport.has(`written:${field}`), field).toBe(true)
      expect(inExport.has(`on disk:${field}`), field).toBe(true)
    }
    const inPacket = found(packetPath)
    for (const field of ['intake.person.familyName', 'editedPreferredName']) {
      expect(inPacket.has(`on disk:${field}`), field).toBe(true)
    }
  })

  it('finds no canary or secret in any other byte written, in any encoding, nor in any file left behind', () => {
    const leaks = scan.leaks
      .filter((leak) => !chosenFiles.includes(leak.endedUpAt))
      .map(
        (leak) =>
          `${leak.where} ${leak.path}${leak.endedUpAt === leak.path ? '' : ` → ${leak.endedUpAt}`}: ${leak.value} as ${leak.form}`,
      )
    expect(leaks).toEqual([])
  })

  it('leaves only the keyring and the encrypted database in the vault folder, with no plaintext SQLite header', () => {
    const vaultFolder = join(folders.data, 'vault')
    expect(
      listFilesRecursive(vaultFolder)
        .map((file) => file.slice(vaultFolder.length + 1))
        .sort(),
    ).toEqual(expect.arrayContaining(['keyring.json', expect.stringMatching(/^vault-g\d+\.db$/)]))
    for (const name of readdirSync(vaultFolder)) {
      expect(name).toMatch(/^(keyring\.json|(vault|casework)-g\d+\.db|audit-anchor-g\d+\.json)$/)
    }
    for (const file of listFilesRecursive(root)) {
      if (file.endsWith('strace.log')) continue
      expect(readFileSync(file).subarray(0, 16).equals(SQLITE_PLAINTEXT_HEADER), file).toBe(false)
    }
  })
})
