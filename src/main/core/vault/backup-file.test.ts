import { createHmac, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import {
  BACKUP_MAGIC,
  extractVerifiedBackup,
  readBackupHead,
  readBackupMetadata,
  writeBackupFile,
  type TBackupHead,
  type TBackupSection,
  type TProgress,
} from './backup-file'
import type * as AtomicWrite from '../fs/atomic-write'
import { OperationGuard } from './operation-guard'

/*
 * The backup file format alone, on synthetic bytes (no vault, no services: this file loads only backup-file.ts, so
 * mutation testing of it costs a fraction of a second a mutant). The services' own backup and restore are tested in
 * backup.test.ts and tests/unit/backup-restore-faults.test.ts.
 */

/** Every file operation of the format, in order: syncs, renames and folder fsyncs are what make it crash-safe. */
const events = vi.hoisted(() => [] as string[])
/** Files opened and not yet closed: a handle left open keeps the backup locked on Windows and leaks a descriptor. */
const openFiles = vi.hoisted(() => new Set<string>())

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  const { basename } = await import('node:path')
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args)
    const name = basename(String(args[0]))
    const sync = handle.sync.bind(handle)
    const token = `${name} #${Math.random()}`
    openFiles.add(token)
    const close = handle.close.bind(handle)
    handle.close = async () => {
      openFiles.delete(token)
      await close()
    }
    handle.sync = async () => {
      events.push(`sync ${name}`)
      await sync()
    }
    return handle
  }
  const rename: typeof actual.rename = async (from, to) => {
    events.push(`rename ${basename(String(from))} ${basename(String(to))}`)
    await actual.rename(from, to)
  }
  return { ...actual, open, rename, default: { ...actual, open, rename } }
})

vi.mock('../fs/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicWrite>()
  const { basename } = await import('node:path')
  return {
    ...actual,
    fsyncDirectory: (folder: string) => {
      events.push(`fsync folder ${basename(folder)}`)
      actual.fsyncDirectory(folder)
    },
  }
})

const PREFIX = 16 + 2 + 4
const MAC = 32
const METADATA = {
  createdAt: '2026-12-01T05:00:00.000Z',
  vaultId: 'vault-synthetic-0001',
  generation: 7,
  schemaVersion: 8,
  caseworkSchemaVersion: 6,
}
// Synthetic section contents; the databases span more than one 1 MiB chunk so the copy loops go round.
const KEYRING = Buffer.from(
  JSON.stringify({ version: 2, note: 'synthetic keyring, padded'.repeat(4) }),
  'utf8',
)
const ANCHOR = Buffer.from('{"synthetic":"anchor"}', 'utf8')
const VAULT_BYTES = randomBytes(1024 * 1024 + 4097)
const CASEWORK_BYTES = randomBytes(2 * 1024 * 1024 + 13)

const idle = () => new OperationGuard().begin()

describe('the backup file format', () => {
  const root = tempFolderPerTest('ccij-backup-file-')
  const macKey = randomBytes(32)
  let target = ''

  beforeEach(() => {
    events.length = 0
    openFiles.clear()
    writeFileSync(join(root(), 'vault.db'), VAULT_BYTES)
    writeFileSync(join(root(), 'casework.db'), CASEWORK_BYTES)
    // The backup goes into a folder of its own, so what is left beside it is easy to see.
    mkdirSync(join(root(), 'out'))
    target = join(root(), 'out', 'backup.ccijbackup')
  })

  async function write(
    options: { beforeRename?: (bytes: number) => void; operation?: ReturnType<typeof idle> } = {},
    onProgress?: (progress: TProgress) => void,
  ): Promise<number> {
    return writeBackupFile(
      target,
      METADATA,
      {
        keyring: KEYRING,
        anchor: ANCHOR,
        vault: join(root(), 'vault.db'),
        casework: join(root(), 'casework.db'),
      },
      macKey,
      {
        operation: options.operation ?? idle(),
        beforeRename: options.beforeRename ?? (() => undefined),
        ...(onProgress === undefined ? {} : { onProgress }),
      },
    )
  }

  const targets = (): Record<TBackupSection, string> => ({
    keyring: join(root(), 'keyring.out'),
    anchor: join(root(), 'anchor.out'),
    vault: join(root(), 'vault.out'),
    casework: join(root(), 'casework.out'),
  })

  /** A copy of the written backup with `edit` applied and the MAC made again with the right key. */
  function rewritten(edit: (bytes: Buffer) => Buffer): void {
    const body = edit(readFileSync(target).subarray(0, -MAC))
    writeFileSync(target, Buffer.concat([body, createHmac('sha256', macKey).update(body).digest()]))
  }

  /** The prefix and header of a backup made from `header` (any text), followed by `rest`. */
  const framed = (header: Buffer, rest: Buffer, version = 2): Buffer => {
    const prefix = Buffer.alloc(PREFIX)
    BACKUP_MAGIC.copy(prefix, 0)
    prefix.writeUInt16BE(version, 16)
    prefix.writeUInt32BE(header.length, 18)
    return Buffer.concat([prefix, header, rest])
  }

  it('lays out magic, version, header, the four sections in order and an HMAC of everything before it', async () => {
    let renamedWith: number | undefined
    const bytes = await write({
      beforeRename: (total) => {
        renamedWith = total
        // The audit entry comes before the file appears under its name, and after its bytes are on disk.
        expect(readdirSync(join(root(), 'out'))).not.toContain('backup.ccijbackup')
        events.push('before rename')
      },
    })
    const file = readFileSync(target)
    expect(bytes).toBe(file.length)
    expect(renamedWith).toBe(file.length)
    expect(file.subarray(0, 16).toString('latin1')).toBe('CCIJVAULTBACKUP\n')
    expect(file.readUInt16BE(16)).toBe(2)
    const headerLength = file.readUInt32BE(18)
    const header: unknown = JSON.parse(file.subarray(PREFIX, PREFIX + headerLength).toString('utf8'))
    expect(header).toEqual({
      ...METADATA,
      sections: {
        keyring: KEYRING.length,
        anchor: ANCHOR.length,
        vault: VAULT_BYTES.length,
        casework: CASEWORK_BYTES.length,
      },
    })
    expect(
      Buffer.concat([
        file.subarray(0, PREFIX + headerLength),
        KEYRING,
        ANCHOR,
        VAULT_BYTES,
        CASEWORK_BYTES,
      ]).equals(file.subarray(0, -MAC)),
    ).toBe(true)
    expect(
      file.subarray(-MAC).equals(createHmac('sha256', macKey).update(file.subarray(0, -MAC)).digest()),
    ).toBe(true)
    // Written to a temp file, synced, audited, renamed into place, then the folder synced; nothing else left.
    expect(events).toHaveLength(4)
    expect(events[0]).toMatch(/^sync \.backup\.ccijbackup\.[0-9a-f]{12}\.tmp$/)
    expect(events.slice(1)).toEqual([
      'before rename',
      `rename ${events[0]?.slice('sync '.length)} backup.ccijbackup`,
      'fsync folder out',
    ])
    expect(readdirSync(join(root(), 'out'))).toEqual(['backup.ccijbackup'])
    expect(statSync(target).mode & 0o777).toBe(0o600)
    expect([...openFiles], 'files left open').toEqual([])
  })

  it('reports its progress up to the whole file, and reads back what it wrote', async () => {
    const seen: TProgress[] = []
    const bytes = await write({}, (progress) => seen.push(progress))
    expect(seen.every((progress) => progress.bytesTotal === bytes)).toBe(true)
    expect(seen.map((progress) => progress.bytesDone)).toEqual(
      [...seen.map((progress) => progress.bytesDone)].sort((a, b) => a - b),
    )
    expect(seen.at(-1)?.bytesDone).toBe(bytes)
    // prefix, header, keyring, anchor, 2 chunks of vault.db, 3 of casework.db, the MAC
    expect(seen).toHaveLength(10)

    const head = await readBackupHead(target)
    expect(head.size).toBe(bytes)
    expect(head.headerLength).toBe(readFileSync(target).readUInt32BE(18))
    expect(head.keyring.equals(KEYRING)).toBe(true)
    expect(head.metadata).toEqual(await readBackupMetadata(target))
    expect(head.metadata.sections.casework).toBe(CASEWORK_BYTES.length)

    const extracted: TProgress[] = []
    events.length = 0
    await extractVerifiedBackup(target, head, macKey, targets(), {
      operation: idle(),
      onProgress: (progress) => extracted.push(progress),
    })
    expect(readFileSync(targets().keyring).equals(KEYRING)).toBe(true)
    expect(readFileSync(targets().anchor).equals(ANCHOR)).toBe(true)
    expect(readFileSync(targets().vault).equals(VAULT_BYTES)).toBe(true)
    expect(readFileSync(targets().casework).equals(CASEWORK_BYTES)).toBe(true)
    expect(statSync(targets().vault).mode & 0o777).toBe(0o600)
    expect(events).toEqual(['sync keyring.out', 'sync anchor.out', 'sync vault.out', 'sync casework.out'])
    expect(extracted.every((progress) => progress.bytesTotal === bytes)).toBe(true)
    expect(extracted.at(-1)?.bytesDone).toBe(bytes - MAC)
    // the prefix and header, keyring, anchor, 2 chunks of vault.db, 3 of casework.db
    expect(extracted).toHaveLength(8)
    expect([...openFiles], 'files left open').toEqual([])
  })

  it('a backup whose bytes do not match its MAC is refused, as is one whose head does not match the file', async () => {
    await write()
    const head = await readBackupHead(target)
    const original = readFileSync(target)
    const altered = Buffer.from(original)
    const inKeyring = PREFIX + head.headerLength + 3
    altered[inKeyring] = (original[inKeyring] ?? 0) ^ 0x01
    writeFileSync(target, altered)
    await expect(
      extractVerifiedBackup(target, head, macKey, targets(), { operation: idle() }),
    ).rejects.toThrow(
      'This is not a usable CCIJ vault backup: it was altered or damaged (its authentication code does not match). Nothing was changed.',
    )
    writeFileSync(target, original)
    for (const file of Object.values(targets())) rmQuiet(file)
    expect(
      await codeOfAsync(
        extractVerifiedBackup(target, head, randomBytes(32), targets(), { operation: idle() }),
      ),
    ).toBe('INVALID_FILE')

    // A head from a different file (its size one byte more) is caught before the MAC is read.
    for (const file of Object.values(targets())) rmQuiet(file)
    const wrongSize: TBackupHead = { ...head, size: head.size + 1 }
    await expect(
      extractVerifiedBackup(target, wrongSize, macKey, targets(), { operation: idle() }),
    ).rejects.toThrow('its sections do not add up')

    // A file cut short after its head was read.
    for (const file of Object.values(targets())) rmQuiet(file)
    truncateSync(target, head.size - MAC - 10)
    await expect(
      extractVerifiedBackup(target, head, macKey, targets(), { operation: idle() }),
    ).rejects.toThrow('This is not a usable CCIJ vault backup: the file ended early. Nothing was changed.')
    expect([...openFiles], 'files left open').toEqual([])
  })

  it('refuses a file too short, not starting like a backup, from an older format or from a newer app', async () => {
    const file = join(root(), 'candidate')
    const refusal = async (): Promise<string> => {
      try {
        await readBackupHead(file)
        return 'read'
      } catch (error) {
        return `${(error as { code: string }).code}: ${(error as Error).message}`
      }
    }
    writeFileSync(file, Buffer.alloc(PREFIX + MAC - 1))
    expect(await refusal()).toBe(
      'INVALID_FILE: This is not a usable CCIJ vault backup: the file is too short. Nothing was changed.',
    )
    writeFileSync(file, Buffer.alloc(PREFIX + MAC))
    expect(await refusal()).toBe(
      'INVALID_FILE: This is not a usable CCIJ vault backup: it does not start like one. Nothing was changed.',
    )
    const someHeader = Buffer.from('{}', 'utf8')
    writeFileSync(file, framed(someHeader, Buffer.alloc(MAC), 3))
    expect(await refusal()).toBe(
      'VAULT_TOO_NEW: This backup was made by a newer version of CCIJ Caseworker. Update the app to restore it.',
    )
    writeFileSync(file, framed(someHeader, Buffer.alloc(MAC), 1))
    expect(await refusal()).toBe(
      'INVALID_FILE: This is not a usable CCIJ vault backup: it was made by an earlier version of the app, before ' +
        'backups were authenticated; make a new backup. Nothing was changed.',
    )
    expect(await codeOfAsync(readBackupHead(join(root(), 'missing')))).toBe('INVALID_FILE')
    await expect(readBackupHead(join(root(), 'missing'))).rejects.toThrow('the file cannot be read')
    expect([...openFiles], 'files left open').toEqual([])
  })

  it('refuses a header that is too long, damaged, outside its bounds or whose sections do not add up', async () => {
    await write()
    const good = readFileSync(target)
    const headerLength = good.readUInt32BE(18)
    const metadata = JSON.parse(good.subarray(PREFIX, PREFIX + headerLength).toString('utf8')) as Record<
      string,
      unknown
    >
    const body = good.subarray(PREFIX + headerLength)
    const withHeader = (header: Buffer): Buffer => framed(header, body)
    const reason = async (bytes: Buffer): Promise<string> => {
      writeFileSync(target, bytes)
      try {
        await readBackupHead(target)
        return 'read'
      } catch (error) {
        return (error as Error).message.replace('This is not a usable CCIJ vault backup: ', '')
      }
    }
    const text = JSON.stringify(metadata)
    // Up to 64 KiB of header is read (here padded with spaces JSON allows); one byte more is not.
    expect(await reason(withHeader(Buffer.from(text.padEnd(64 * 1024, ' '), 'utf8')))).toBe('read')
    expect(await reason(withHeader(Buffer.from(text.padEnd(64 * 1024 + 1, ' '), 'utf8')))).toBe(
      'its header is damaged. Nothing was changed.',
    )
    // A header length pointing past the file's end.
    const pastEnd = Buffer.from(good)
    pastEnd.writeUInt32BE(good.length, 18)
    expect(await reason(pastEnd)).toBe('its header is damaged. Nothing was changed.')
    // A whole, valid header reaching into the last 32 bytes (the MAC's) is damaged; one ending just before them is
    // read, and its sections then do not add up.
    const wholeHeader = Buffer.from(JSON.stringify(metadata), 'utf8')
    expect(await reason(framed(wholeHeader, Buffer.alloc(MAC - 1)))).toBe(
      'its header is damaged. Nothing was changed.',
    )
    expect(await reason(framed(wholeHeader, Buffer.alloc(MAC)))).toBe(
      'its sections do not add up. Nothing was changed.',
    )
    expect(await reason(withHeader(Buffer.from(`${text.slice(0, -1)},`, 'utf8')))).toBe(
      'its header is damaged. Nothing was changed.',
    )
    const sections = metadata['sections'] as Record<string, number>
    const edited = (change: Record<string, unknown>) =>
      withHeader(Buffer.from(JSON.stringify({ ...metadata, ...change }), 'utf8'))
    const bounds: Array<[Record<string, unknown>, string]> = [
      [{ createdAt: 'x'.repeat(64) }, 'read'],
      [{ createdAt: 'x'.repeat(65) }, 'damaged'],
      [{ vaultId: 'v'.repeat(64) }, 'read'],
      [{ vaultId: 'v'.repeat(65) }, 'damaged'],
      [{ generation: 1 }, 'read'],
      [{ generation: 0 }, 'damaged'],
      [{ generation: 999_999_999 }, 'read'],
      [{ generation: 1_000_000_000 }, 'damaged'],
      [{ generation: 1.5 }, 'damaged'],
      [{ schemaVersion: 0 }, 'read'],
      [{ schemaVersion: -1 }, 'damaged'],
      [{ schemaVersion: 10_000 }, 'read'],
      [{ schemaVersion: 10_001 }, 'damaged'],
      [{ caseworkSchemaVersion: 0 }, 'read'],
      [{ caseworkSchemaVersion: -1 }, 'damaged'],
      [{ caseworkSchemaVersion: 10_000 }, 'read'],
      [{ caseworkSchemaVersion: 10_001 }, 'damaged'],
      [{ extra: true }, 'damaged'],
      [{ sections: { ...sections, extra: 1 } }, 'damaged'],
      [{ sections: { ...sections, keyring: 16 * 1024 * 1024 + 1 } }, 'damaged'],
      [{ sections: { ...sections, anchor: 64 * 1024 + 1 } }, 'damaged'],
      [{ sections: { ...sections, vault: 0 } }, 'damaged'],
      [{ sections: { ...sections, casework: 0 } }, 'damaged'],
      [{ sections: { ...sections, casework: 0.5 } }, 'damaged'],
      [{ sections: { ...sections, vault: Number.MAX_SAFE_INTEGER + 1 } }, 'damaged'],
      // Within bounds, but no longer adding up to the file's size.
      [{ sections: { ...sections, keyring: 16 * 1024 * 1024 } }, 'add up'],
      [{ sections: { ...sections, anchor: 64 * 1024 } }, 'add up'],
      [{ sections: { ...sections, vault: sections['vault']! + 1 } }, 'add up'],
      [{ sections: { ...sections, casework: sections['casework']! - 1 } }, 'add up'],
    ]
    const found = []
    for (const [change] of bounds) {
      const answer = await reason(edited(change))
      found.push(
        answer === 'read'
          ? 'read'
          : answer === 'its header is damaged. Nothing was changed.'
            ? 'damaged'
            : answer === 'its sections do not add up. Nothing was changed.'
              ? 'add up'
              : answer,
      )
    }
    expect(found).toEqual(bounds.map(([, expected]) => expected))
    const grown = Buffer.concat([edited({}), Buffer.alloc(1)])
    expect(await reason(grown)).toBe('its sections do not add up. Nothing was changed.')
    expect([...openFiles], 'files left open').toEqual([])
  })

  it('a lock, or a failed audit entry, leaves no backup and no temp file', async () => {
    const guard = new OperationGuard()
    const cancelled = guard.begin()
    guard.cancelAll()
    expect(await codeOfAsync(write({ operation: cancelled }))).toBe('CANCELLED')
    expect(readdirSync(join(root(), 'out'))).toEqual([])

    // Cancelled after the last byte and the sync, before the audit entry: still nothing.
    const late = new OperationGuard()
    const operation = late.begin()
    let audited = false
    const progress = (seen: TProgress): void => {
      if (seen.bytesDone === seen.bytesTotal) late.cancelAll()
    }
    expect(
      await codeOfAsync(
        write(
          {
            operation,
            beforeRename: () => {
              audited = true
            },
          },
          progress,
        ),
      ),
    ).toBe('CANCELLED')
    expect(audited).toBe(false)
    expect(readdirSync(join(root(), 'out'))).toEqual([])

    await expect(
      write({
        beforeRename: () => {
          throw new Error('the audit entry could not be written')
        },
      }),
    ).rejects.toThrow('the audit entry could not be written')
    expect(readdirSync(join(root(), 'out'))).toEqual([])

    // A lock during a restore's extraction stops it at the next chunk.
    await write()
    const head = await readBackupHead(target)
    const reading = new OperationGuard()
    const extraction = reading.begin()
    let chunks = 0
    const stopped = await codeOfAsync(
      extractVerifiedBackup(target, head, macKey, targets(), {
        operation: extraction,
        onProgress: () => {
          chunks += 1
          if (chunks === 3) reading.cancelAll()
        },
      }),
    )
    expect(stopped).toBe('CANCELLED')
    expect(chunks).toBe(3)
    expect([...openFiles], 'files left open').toEqual([])
  })

  it('does not overwrite an extraction target that already exists', async () => {
    await write()
    const head = await readBackupHead(target)
    writeFileSync(targets().keyring, 'already here')
    await expect(
      extractVerifiedBackup(target, head, macKey, targets(), { operation: idle() }),
    ).rejects.toThrow(/EEXIST/)
    expect(readFileSync(targets().keyring, 'utf8')).toBe('already here')
  })

  it('a rewritten MAC with the right key is accepted: the key, not a checksum, is what vouches', async () => {
    await write()
    rewritten((body) => body)
    const head = await readBackupHead(target)
    await extractVerifiedBackup(target, head, macKey, targets(), { operation: idle() })
    expect(readFileSync(targets().casework).equals(CASEWORK_BYTES)).toBe(true)
  })
})

const rmQuiet = (file: string): void => rmSync(file, { force: true })
