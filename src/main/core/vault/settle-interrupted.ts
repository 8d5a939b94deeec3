import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fsyncDirectory } from '../fs/atomic-write'
import { isLegacyKeyring, type TAnyKeyring } from './keyring'
import { KEYRING_FILE, LEGACY_DATABASE_FILE, THROTTLE_FILE, type TVaultPaths } from './vault-paths'

/** What startup found and did: folders and files of an interrupted restore, rekey, upgrade or creation. */
export type TSettled = { rolledBack: boolean; removed: string[] }

const GENERATION_FILE =
  /^(vault|casework)-g\d+\.db(-journal|-wal|-shm|-mj[0-9a-fA-F]+)?$|^audit-anchor-g\d+\.json$/
const LEGACY_FILE = /^vault\.db(-journal|-wal|-shm)?$/
const TEMPORARY_FILE = /^\..*\.tmp$/

/**
 * Sibling folders of an interrupted restore or creation. A restore swaps folders with two renames (vault → aside,
 * staging → vault): a crash between them leaves no vault folder and the old vault aside, which is renamed back
 * (the restore rolled back). With a vault in place, an aside is the replaced vault and a staging folder never made it.
 */
function settleSiblingFolders(directory: string): TSettled {
  const parent = dirname(directory)
  const prefix = `.${basename(directory)}.`
  const removed: string[] = []
  let rolledBack = false
  if (!existsSync(parent)) return { rolledBack, removed }
  const siblings = readdirSync(parent).filter((name) => name.startsWith(prefix))
  const asides = siblings
    .filter((name) => name.startsWith(`${prefix}replaced-`))
    .map((name) => join(parent, name))
    .sort((left, right) => statSync(right).mtimeMs - statSync(left).mtimeMs)
  const hasVault = existsSync(join(directory, KEYRING_FILE))
  const newest = asides[0]
  if (!hasVault && newest !== undefined && existsSync(join(newest, KEYRING_FILE))) {
    rmSync(directory, { recursive: true, force: true })
    renameSync(newest, directory)
    fsyncDirectory(parent)
    rolledBack = true
  }
  for (const name of readdirSync(parent).filter((each) => each.startsWith(prefix))) {
    rmSync(join(parent, name), { recursive: true, force: true })
    removed.push(name)
  }
  return { rolledBack, removed }
}

/**
 * Files inside the vault folder that its keyring does not name: a new generation whose rekey never switched, an old
 * one whose deletion was cut short, a wave-1 database after the upgrade switched, temp files of atomic writes and
 * backup snapshots. The keyring is the one source of truth; side files of the named databases stay (a hot journal
 * is how SQLite rolls back a cut-short transaction).
 */
function settleVaultFiles(directory: string, keyring: TAnyKeyring): string[] {
  const named = new Set<string>([KEYRING_FILE, THROTTLE_FILE])
  if (isLegacyKeyring(keyring)) {
    for (const side of ['', '-journal', '-wal', '-shm']) named.add(`${LEGACY_DATABASE_FILE}${side}`)
  } else {
    for (const side of ['', '-journal', '-wal', '-shm']) {
      named.add(`${keyring.files.vault}${side}`)
      named.add(`${keyring.files.casework}${side}`)
    }
    named.add(keyring.files.anchor)
  }
  const removed: string[] = []
  const databases = isLegacyKeyring(keyring)
    ? [LEGACY_DATABASE_FILE]
    : [keyring.files.vault, keyring.files.casework]
  for (const name of readdirSync(directory)) {
    // A super-journal of a named database's cut-short transaction: SQLite needs it to roll back both files.
    if (named.has(name) || databases.some((database) => name.startsWith(`${database}-mj`))) continue
    if (GENERATION_FILE.test(name) || LEGACY_FILE.test(name) || TEMPORARY_FILE.test(name)) {
      rmSync(join(directory, name), { force: true })
      removed.push(name)
    }
  }
  if (removed.length > 0) fsyncDirectory(directory)
  return removed
}

/**
 * Finish or roll back whatever a crash or a lock interrupted, before anything reads the vault: the restore's folder
 * swap is rolled back (or its leftovers removed), and files of a generation the keyring does not name are deleted.
 * `readKeyring` is called after the folders are settled, since a rollback brings the keyring back.
 */
export function settleInterruptedWork(paths: TVaultPaths, readKeyring: () => TAnyKeyring | null): TSettled {
  const folders = settleSiblingFolders(paths.directory)
  if (!existsSync(paths.directory)) return folders
  const keyring = readKeyring()
  const files = keyring === null ? [] : settleVaultFiles(paths.directory, keyring)
  return { rolledBack: folders.rolledBack, removed: [...folders.removed, ...files] }
}
