import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fsyncDirectory } from './atomic-write'

/**
 * `writeFileAtomic` for a file too big to hold as one string (an export of 100,000 cases): the chunks are written
 * as they come to a temp file created `mode` beside `target`, which is fsynced and renamed over it. Any failure —
 * a chunk that throws, a full disk, the vault locking mid-export — removes the temp file, so nothing half-written
 * and no plaintext is left behind.
 */
export function writeChunksAtomic(target: string, chunks: Iterable<string>, mode = 0o600): void {
  const directory = dirname(target)
  const temporary = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temporary, 'wx', mode)
  let closed = false
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk, 'utf8')
      let offset = 0
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
    }
    fsyncSync(fd)
    closeSync(fd)
    closed = true
    renameSync(temporary, target)
  } catch (error) {
    if (!closed) closeSync(fd)
    rmSync(temporary, { force: true })
    throw error
  }
  fsyncDirectory(directory)
}
