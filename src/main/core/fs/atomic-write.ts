import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** fsync a directory so a rename inside it survives power loss. Not supported on Windows; harmless to skip there. */
export function fsyncDirectory(directory: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(directory, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Replace a file so that a crash leaves either the old or the new content, never a mix:
 * write a sibling temp file, fsync it, rename it over the target, fsync the folder.
 */
export function writeFileAtomic(target: string, data: Uint8Array | string, mode = 0o600): void {
  const directory = dirname(target)
  const temporary = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  let created = false
  try {
    const fd = openSync(temporary, 'wx', mode)
    created = true
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
      let offset = 0
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
      fsyncSync(fd)
    } finally {
      // A failed close (after a full write) still leaves the temp file behind unless it is removed below.
      closeSync(fd)
    }
    renameSync(temporary, target)
  } catch (error) {
    if (created) rmSync(temporary, { force: true })
    throw error
  }
  fsyncDirectory(directory)
}
