/**
 * Where a bench may write a dump of search answers (synthetic names, but names in plain text): inside the system's
 * temp folder or the bench folder, nowhere else. The folder the file goes in must exist; links are followed before
 * the check (the folder's, and the file's when it exists), so a link in the temp folder cannot lead the dump out.
 */
import { existsSync, realpathSync } from 'node:fs'
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
  // An existing file (or a link) is followed to where a write would land.
  const path = existsSync(wanted) ? realpathSync(wanted) : join(folder, basename(wanted))
  const allowed = roots.map((root) => realpathSync(root))
  if (!allowed.some((root) => isWithin(path, root)))
    throw new Error(
      `dump: refusing to write ${wanted}: a dump holds names in plain text, so it goes only under ${allowed.join(' or ')}`,
    )
  return path
}
