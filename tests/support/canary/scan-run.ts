import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { finalPath, type TFileTrace } from '../strace/file-trace'
import type { LeakScanner } from './leak-scanner'

/** One value found: in the bytes a write carried (even if the file is gone), or in a file as it is now. */
export type TFoundLeak = {
  /** The file as written (for bytes in flight) or as found on disk. */
  path: string
  /** Where those bytes ended up after later renames: the same as `path` unless a temp file was renamed. */
  endedUpAt: string
  where: 'written' | 'on disk'
  value: string
  form: string
}

export type TRunScan = {
  leaks: TFoundLeak[]
  /** Files that could not be read, and files whose written bytes were neither traced nor left on disk. */
  unreadable: string[]
  /** How much was looked at, so a scan that saw nothing cannot pass unnoticed. */
  filesOnDisk: number
  bytesWritten: number
  filesWritten: number
}

/** Every file under `folder`; a folder that cannot be listed is reported, not skipped. */
function walk(folder: string, files: Set<string>, unreadable: string[]): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch (error) {
    unreadable.push(`${folder}: ${(error as Error).message}`)
    return
  }
  for (const name of names) {
    const path = join(folder, name)
    try {
      if (statSync(path).isDirectory()) walk(path, files, unreadable)
      else files.add(path)
    } catch (error) {
      unreadable.push(`${path}: ${(error as Error).message}`)
    }
  }
}

/**
 * Looks for the scanner's values in every byte the traced process wrote (grouped per file, in order, so a value
 * split across two writes is still found) and in every file it left behind or that sits in `folders` now.
 * `isUnseenAllowed` names files whose content may legitimately be written through a shared mapping and deleted.
 */
export function scanRun(
  trace: TFileTrace,
  scanner: LeakScanner,
  folders: readonly string[],
  isUnseenAllowed: (path: string) => boolean,
): TRunScan {
  const leaks: TFoundLeak[] = []
  const unreadable: string[] = [...trace.problems]

  const streams = new Map<string, { path: string; endedUpAt: string; chunks: Buffer[] }>()
  for (const write of trace.writes) {
    const endedUpAt = finalPath(trace, write.path, write.at)
    const key = `${write.path}\0${endedUpAt}`
    const stream = streams.get(key) ?? { path: write.path, endedUpAt, chunks: [] }
    stream.chunks.push(write.bytes)
    streams.set(key, stream)
  }
  let bytesWritten = 0
  for (const { path, endedUpAt, chunks } of streams.values()) {
    const bytes = Buffer.concat(chunks)
    bytesWritten += bytes.length
    for (const leak of scanner.scan(bytes)) leaks.push({ path, endedUpAt, where: 'written', ...leak })
  }

  const onDisk = new Set<string>()
  for (const folder of folders) walk(folder, onDisk, unreadable)
  for (const path of trace.touched) {
    if (existsSync(path) && statSync(path).isFile()) onDisk.add(path)
    else if (trace.unseenWrites.has(path) && !isUnseenAllowed(path)) {
      unreadable.push(
        `${path}: written through a mapping or a kernel-side copy, and gone before it could be read`,
      )
    }
  }
  for (const path of onDisk) {
    let bytes: Buffer
    try {
      bytes = readFileSync(path)
    } catch (error) {
      unreadable.push(`${path}: ${(error as Error).message}`)
      continue
    }
    for (const leak of scanner.scan(bytes)) leaks.push({ path, endedUpAt: path, where: 'on disk', ...leak })
  }
  return { leaks, unreadable, filesOnDisk: onDisk.size, bytesWritten, filesWritten: streams.size }
}
