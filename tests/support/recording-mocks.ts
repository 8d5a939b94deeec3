import type * as Fs from 'node:fs'
import type * as OpenDatabase from '../../src/main/core/db/open-database'
import type * as SlotKeys from '../../src/main/core/vault/slot-keys'
import type { TVaultKeys } from '../../src/main/core/vault/vault-keys'

/*
 * What the light vault tests' `vi.mock` factories return: the real module, with some functions wrapped to record
 * what they were given or returned, otherwise unchanged. Type imports only, nothing loaded: a factory imports this
 * module while the module it mocks is still being made (`vi.mock('node:fs', async (importOriginal) => (await
 * import('#test-support/recording-mocks')).withFdRecording(await importOriginal(), …))`), and vi.mock is hoisted
 * above the test file's imports, so the records themselves live in `vi.hoisted` values the test file passes here.
 */

/**
 * node:fs, with every descriptor openSync opened kept in `openFds` until closed (a test sees what is left open), and
 * every fsync reported to `onFsync` with the path the descriptor was opened under (undefined if not by openSync).
 */
export function withFdRecording(
  actual: typeof Fs,
  openFds: Map<number, string>,
  onFsync: (path: string | undefined) => void,
): typeof Fs & { default: typeof Fs } {
  const openSync = ((path: Fs.PathLike, ...rest: unknown[]) => {
    const fd = (actual.openSync as (...args: unknown[]) => number)(path, ...rest)
    openFds.set(fd, String(path))
    return fd
  }) as typeof actual.openSync
  const fsyncSync: typeof actual.fsyncSync = (fd) => {
    onFsync(openFds.get(fd))
    actual.fsyncSync(fd)
  }
  const closeSync: typeof actual.closeSync = (fd) => {
    openFds.delete(fd)
    actual.closeSync(fd)
  }
  const wrapped = { ...actual, openSync, fsyncSync, closeSync }
  return { ...wrapped, default: wrapped }
}

/** Where the slot functions' key material goes; only the functions given a place are wrapped. */
export type TSlotKeyRecords = {
  /** The private key of every slot createGrantedSlot made. */
  created?: Buffer[]
  /** Every private key openSlotPrivateKey opened (not its nulls). */
  opened?: Buffer[]
  /** Called after each openSlotPrivateKey, once its key derivation is done. */
  afterOpen?: () => void
  /** Every set of keys openGrants opened (not its nulls). */
  grants?: TVaultKeys[]
}

/** slot-keys.ts, with the key material it hands out recorded, to check each key is zeroed once used. */
export function withSlotKeyRecording(actual: typeof SlotKeys, records: TSlotKeyRecords): typeof SlotKeys {
  const { created, opened, afterOpen, grants } = records
  const module = { ...actual }
  if (created !== undefined) {
    module.createGrantedSlot = async (...args) => {
      const slot = await actual.createGrantedSlot(...args)
      created.push(slot.keyPair.privateKey)
      return slot
    }
  }
  if (opened !== undefined || afterOpen !== undefined) {
    module.openSlotPrivateKey = async (...args) => {
      const key = await actual.openSlotPrivateKey(...args)
      if (key !== null) opened?.push(key)
      afterOpen?.()
      return key
    }
  }
  if (grants !== undefined) {
    module.openGrants = (...args) => {
      const keys = actual.openGrants(...args)
      if (keys !== null) grants.push(keys)
      return keys
    }
  }
  return module
}

/** A connection openEncryptedDatabase opened, with what it was given. */
export type TRecordedConnection = { file: string; options: unknown; db: { open: boolean } }

/**
 * db/open-database.ts, with every connection openEncryptedDatabase opens kept in `connections` (a test sees which are
 * left open), and, when `statements` is given, every statement a connection runs through `pragma` or `exec`.
 */
export function withConnectionRecording(
  actual: typeof OpenDatabase,
  connections: TRecordedConnection[],
  statements?: string[],
): typeof OpenDatabase {
  return {
    ...actual,
    openEncryptedDatabase: (file, key, options) => {
      const db = actual.openEncryptedDatabase(file, key, options)
      connections.push({ file, options, db })
      if (statements !== undefined) {
        const pragma = db.pragma.bind(db)
        const exec = db.exec.bind(db)
        db.pragma = ((source: string, ...rest: unknown[]) => {
          statements.push(source)
          return (pragma as (...args: unknown[]) => unknown)(source, ...rest)
        }) as typeof db.pragma
        db.exec = (source: string) => {
          statements.push(source)
          return exec(source)
        }
      }
      return db
    },
  }
}
