/**
 * Where a bench may write a dump of answers (synthetic names, but names in plain text): inside the system's temp
 * folder or the bench folder, nowhere else. The folder the file goes in must exist and its links are followed before
 * the check; the file itself must not be a link (a dangling one in the shared temp folder would lead the write out),
 * and `writeDump` creates it afresh with O_EXCL, so a link planted between the check and the write fails the write.
 */
import { lstatSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'

/** The bench folder (this file's parent's parent). */
const BENCH_FOLDER = resolve(import.meta.dirname, '..')

const isWithin = (path: string, root: string): boolean => {
  const inside = relative(root, path)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
}

/** `out` resolved, its folder's links followed; throws when it lies outside every one of `roots`. */
export function checkedDumpPath(out: string, roots: readonly string[] = [tmpdir(), BENCH_FOLDER]): string {
  const wanted = resolve(out)
  let folder: string
  try {
    folder = realpathSync(dirname(wanted))
  } catch {
    throw new Error(`dump: the folder of ${wanted} does not exist`)
  }
  const path = join(folder, basename(wanted))
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true)
    throw new Error(`dump: refusing to write ${wanted}: it is a link`)
  const allowed = roots.map((root) => realpathSync(root))
  if (!allowed.some((root) => isWithin(path, root)))
    throw new Error(
      `dump: refusing to write ${wanted}: a dump holds names in plain text, so it goes only under ${allowed.join(' or ')}`,
    )
  return path
}

/**
 * Writes `text` to `out` once `checkedDumpPath` allows it: an existing plain file there is replaced, and the new one
 * is created with O_EXCL (readable by its owner only), never through a link.
 */
export function writeDump(out: string, text: string): string {
  const path = checkedDumpPath(out)
  if (lstatSync(path, { throwIfNoEntry: false })?.isFile() === true) rmSync(path)
  writeFileSync(path, text, { flag: 'wx', mode: 0o600 })
  return path
}
