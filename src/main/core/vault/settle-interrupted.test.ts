import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeTempFolder, removeFolder } from '#test-support/temp-folder'
import type * as AtomicWrite from '../fs/atomic-write'
import type { TAnyKeyring } from './keyring'
import { settleInterruptedWork } from './settle-interrupted'
import { vaultPaths } from './vault-paths'

/*
 * settle-interrupted.ts alone, on folders of empty synthetic files and keyrings made of only the fields it reads:
 * no key derivation, no database, no services (so a mutation run loads nothing else). The folder fsyncs are
 * recorded through a wrapper of the real one. The whole path (a restore or rekey cut short, then an unlock) is in
 * backup-restore-faults.test.ts, rekey.test.ts and vault-service.test.ts.
 */

const synced = vi.hoisted(() => ({ folders: [] as string[] }))
vi.mock('../fs/atomic-write', async (importOriginal) => {
  const real = await importOriginal<typeof AtomicWrite>()
  return {
    ...real,
    fsyncDirectory: (folder: string) => {
      synced.folders.push(folder)
      real.fsyncDirectory(folder)
    },
  }
})

/** A version-2 keyring naming generation 2's files (only `version` and `files` are read). */
const GENERATION_2 = {
  version: 2,
  files: { vault: 'vault-g2.db', casework: 'casework-g2.db', anchor: 'audit-anchor-g2.json' },
} as unknown as TAnyKeyring
/** A wave-1 keyring: its one database is vault.db. */
const WAVE_1 = { version: 1 } as unknown as TAnyKeyring

let root = ''
const vault = () => join(root, 'vault')
const touch = (folder: string, ...names: string[]) => {
  mkdirSync(folder, { recursive: true })
  for (const name of names) writeFileSync(join(folder, name), name)
}
const listing = (folder: string) => readdirSync(folder).sort()
const settle = (keyring: TAnyKeyring | null) => settleInterruptedWork(vaultPaths(vault()), () => keyring)

beforeEach(() => {
  root = makeTempFolder('ccij-settle-test-')
  synced.folders = []
})

afterEach(() => {
  removeFolder(root)
})

describe('files inside the vault folder', () => {
  it('keeps what the keyring names, with its databases’ side files, and removes other generations’ files', () => {
    const kept = [
      'keyring.json',
      'unlock-throttle.json',
      'vault-g2.db',
      'vault-g2.db-journal',
      'vault-g2.db-wal',
      'vault-g2.db-shm',
      'casework-g2.db',
      'casework-g2.db-journal',
      'casework-g2.db-wal',
      'casework-g2.db-shm',
      'audit-anchor-g2.json',
    ]
    const gone = [
      'vault-g1.db',
      'vault-g1.db-journal',
      'vault-g1.db-wal',
      'vault-g1.db-shm',
      'casework-g3.db',
      'casework-g3.db-wal',
      'vault-g12.db',
      'audit-anchor-g1.json',
      'audit-anchor-g10.json',
      'vault.db',
      'vault.db-journal',
      'vault.db-wal',
      'vault.db-shm',
    ]
    touch(vault(), ...kept, ...gone)

    const settled = settle(GENERATION_2)

    expect(listing(vault())).toEqual([...kept].sort())
    expect(settled).toEqual({ rolledBack: false, removed: expect.arrayContaining(gone) })
    expect(settled.removed).toHaveLength(gone.length)
    expect(synced.folders).toEqual([vault()])
  })

  it('keeps a super-journal of a named database, and removes one of a generation the keyring does not name', () => {
    touch(
      vault(),
      'keyring.json',
      'vault-g2.db',
      'vault-g2.db-mj0aF9',
      'casework-g2.db-mjB1c2',
      'vault-g1.db-mjAb12',
    )

    expect(settle(GENERATION_2).removed).toEqual(['vault-g1.db-mjAb12'])
    expect(listing(vault())).toEqual([
      'casework-g2.db-mjB1c2',
      'keyring.json',
      'vault-g2.db',
      'vault-g2.db-mj0aF9',
    ])
  })

  it('removes the temp files of atomic writes and snapshots', () => {
    touch(vault(), 'keyring.json', '.keyring.json.3f9a.tmp', '.vault-g2.db.snapshot-0a1b.tmp')

    expect(settle(GENERATION_2).removed.sort()).toEqual([
      '.keyring.json.3f9a.tmp',
      '.vault-g2.db.snapshot-0a1b.tmp',
    ])
    expect(listing(vault())).toEqual(['keyring.json'])
  })

  it('leaves every file that only looks like a generation, legacy or temp file', () => {
    const lookalikes = [
      'notes.txt',
      'xvault-g1.db',
      'vault-g1.dbx',
      'vault-gx.db',
      'vault-g.db',
      'vault-g1.db-journalx',
      'vault-g1.db-mj',
      'vault-g1.db-mjxyz',
      'other-g1.db',
      'audit-anchor-g1.jsonx',
      'xaudit-anchor-g1.json',
      'audit-anchor-gx.json',
      'xvault.db',
      'vault.dbx',
      'vault.db-walx',
      'vault.db-mj1a',
      'keep.me.tmp',
      '.keyring.json.tmpx',
      '.tmp',
    ]
    touch(vault(), 'keyring.json', ...lookalikes)

    expect(settle(GENERATION_2)).toEqual({ rolledBack: false, removed: [] })
    expect(listing(vault())).toEqual(['keyring.json', ...lookalikes].sort())
    // Nothing removed, so no folder to sync.
    expect(synced.folders).toEqual([])
  })

  it('keeps a wave-1 vault’s one database and its side files, and removes any generation file beside it', () => {
    const kept = [
      'keyring.json',
      'unlock-throttle.json',
      'vault.db',
      'vault.db-journal',
      'vault.db-wal',
      'vault.db-shm',
    ]
    touch(vault(), ...kept, 'vault-g1.db', 'casework-g1.db-wal', 'audit-anchor-g1.json')

    expect(settle(WAVE_1).removed.sort()).toEqual([
      'audit-anchor-g1.json',
      'casework-g1.db-wal',
      'vault-g1.db',
    ])
    expect(listing(vault())).toEqual([...kept].sort())
    expect(synced.folders).toEqual([vault()])
  })

  it('touches no file when the keyring cannot be read', () => {
    touch(vault(), 'vault-g1.db', 'vault.db', '.keyring.json.1.tmp')

    expect(settle(null)).toEqual({ rolledBack: false, removed: [] })
    expect(listing(vault())).toEqual(['.keyring.json.1.tmp', 'vault-g1.db', 'vault.db'])
  })
})

describe('folders beside the vault folder', () => {
  const sibling = (name: string) => join(root, name)
  const age = (folder: string, secondsAgo: number) => {
    const when = new Date(Date.now() - secondsAgo * 1000)
    utimesSync(folder, when, when)
  }

  it('with the vault in place, removes every leftover restore, creation and replaced folder, and no other', () => {
    touch(vault(), 'keyring.json', 'vault-g1.db')
    touch(sibling('.vault.replaced-1a2b'), 'keyring.json')
    touch(sibling('.vault.restoring-3c4d'), 'keyring.json')
    touch(sibling('.vault.creating-5e6f'))
    touch(sibling('.vaults.replaced-7a8b'), 'keyring.json')
    touch(sibling('vault.replaced-9c0d'), 'keyring.json')
    touch(sibling('other'))

    const settled = settleInterruptedWork(
      vaultPaths(vault()),
      () =>
        ({
          version: 2,
          files: { vault: 'vault-g1.db', casework: 'casework-g1.db', anchor: 'audit-anchor-g1.json' },
        }) as unknown as TAnyKeyring,
    )

    expect(settled.rolledBack).toBe(false)
    expect(settled.removed.sort()).toEqual([
      '.vault.creating-5e6f',
      '.vault.replaced-1a2b',
      '.vault.restoring-3c4d',
    ])
    expect(listing(root)).toEqual(['.vaults.replaced-7a8b', 'other', 'vault', 'vault.replaced-9c0d'])
    expect(listing(vault())).toEqual(['keyring.json', 'vault-g1.db'])
    // The vault was not swapped: only the folder sync of a rollback would name the parent.
    expect(synced.folders).toEqual([])
  })

  it('with no vault folder, renames the newest replaced vault back, syncs the parent, and removes the rest', () => {
    touch(sibling('.vault.replaced-old'), 'keyring.json', 'old.txt')
    touch(sibling('.vault.replaced-new'), 'keyring.json', 'new.txt')
    touch(sibling('.vault.replaced-middle'), 'keyring.json', 'middle.txt')
    touch(sibling('.vault.restoring-x'), 'keyring.json')
    age(sibling('.vault.replaced-old'), 300)
    age(sibling('.vault.replaced-middle'), 200)
    age(sibling('.vault.replaced-new'), 100)
    age(sibling('.vault.restoring-x'), 10)
    const readKeyring = vi.fn(() => null)

    const settled = settleInterruptedWork(vaultPaths(vault()), readKeyring)

    expect(settled.rolledBack).toBe(true)
    expect(listing(vault())).toEqual(['keyring.json', 'new.txt'])
    expect(settled.removed.sort()).toEqual([
      '.vault.replaced-middle',
      '.vault.replaced-old',
      '.vault.restoring-x',
    ])
    expect(listing(root)).toEqual(['vault'])
    expect(synced.folders).toEqual([root])
    // The keyring is read after the rollback, from the folder brought back.
    expect(readKeyring).toHaveBeenCalledTimes(1)
  })

  it('with a vault folder that has no keyring (a half-made one), replaces it with the replaced vault', () => {
    touch(vault(), 'half-written.db')
    touch(sibling('.vault.replaced-1'), 'keyring.json', 'vault-g1.db')

    const settled = settle(null)

    expect(settled).toEqual({ rolledBack: true, removed: [] })
    expect(listing(vault())).toEqual(['keyring.json', 'vault-g1.db'])
    expect(listing(root)).toEqual(['vault'])
  })

  it('does not roll back to a replaced folder with no keyring: it is removed, and nothing is renamed', () => {
    touch(sibling('.vault.replaced-1'), 'vault-g1.db')

    const readKeyring = vi.fn(() => GENERATION_2)
    const settled = settleInterruptedWork(vaultPaths(vault()), readKeyring)

    expect(settled).toEqual({ rolledBack: false, removed: ['.vault.replaced-1'] })
    expect(listing(root)).toEqual([])
    expect(synced.folders).toEqual([])
    // No vault folder: nothing inside it to settle, and no keyring to read.
    expect(readKeyring).not.toHaveBeenCalled()
  })

  it('with no vault and nothing beside it, does nothing', () => {
    const readKeyring = vi.fn(() => GENERATION_2)

    expect(settleInterruptedWork(vaultPaths(vault()), readKeyring)).toEqual({
      rolledBack: false,
      removed: [],
    })
    expect(readKeyring).not.toHaveBeenCalled()
    expect(existsSync(vault())).toBe(false)
  })

  it('with no parent folder at all, does nothing and does not throw', () => {
    const readKeyring = vi.fn(() => GENERATION_2)
    const paths = vaultPaths(join(root, 'missing', 'vault'))

    expect(settleInterruptedWork(paths, readKeyring)).toEqual({ rolledBack: false, removed: [] })
    expect(readKeyring).not.toHaveBeenCalled()
  })

  it('lists the folders removed beside the vault first, then the files removed inside it', () => {
    touch(vault(), 'keyring.json', 'vault-g1.db')
    touch(sibling('.vault.restoring-1'))

    expect(settle(GENERATION_2)).toEqual({
      rolledBack: false,
      removed: ['.vault.restoring-1', 'vault-g1.db'],
    })
    expect(readFileSync(join(vault(), 'keyring.json'), 'utf8')).toBe('keyring.json')
  })
})
