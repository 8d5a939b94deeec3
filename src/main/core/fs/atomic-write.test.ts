import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as NodeFs from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { fsyncDirectory, writeFileAtomic } from './atomic-write'

/**
 * The file system steps of writeFileAtomic, recorded, and made to fail one at a time. A failing step must leave
 * the old file exactly as it was and no temp file behind; a successful write must make the data durable (fsync)
 * before the name points to it, and the name durable (fsync of the folder) after.
 */
const fs = vi.hoisted(() => ({
  steps: [] as string[],
  /** The step that throws, as 'writeSync#2' (the second write); null for none. */
  failAt: null as string | null,
  /** Most bytes one writeSync call accepts, like a disk that takes a partial write. */
  maxWrite: Infinity,
  paths: new Map<number, string>(),
  /** Calls of each step so far, for failAt's '#n'. */
  counts: new Map<string, number>(),
}))

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeFs>()
  const counts = fs.counts
  const step = (name: string, path: string): void => {
    const count = (counts.get(name) ?? 0) + 1
    counts.set(name, count)
    fs.steps.push(`${name}:${path}`)
    if (fs.failAt === `${name}#${count}`) {
      throw Object.assign(new Error(`${name} failed (injected)`), { code: 'EIO' })
    }
  }
  const pathOf = (fd: number) => fs.paths.get(fd) ?? `fd${fd}`
  const recorded = {
    openSync: (path: string, ...rest: unknown[]) => {
      step('openSync', path)
      const fd = (actual.openSync as (...args: unknown[]) => number)(path, ...rest)
      fs.paths.set(fd, path)
      return fd
    },
    writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number, ...rest: unknown[]) => {
      step('writeSync', pathOf(fd))
      const accepted = Math.min(length, fs.maxWrite)
      return (actual.writeSync as (...args: unknown[]) => number)(fd, buffer, offset, accepted, ...rest)
    },
    fsyncSync: (fd: number) => {
      step('fsyncSync', pathOf(fd))
      actual.fsyncSync(fd)
    },
    closeSync: (fd: number) => {
      step('closeSync', pathOf(fd))
      actual.closeSync(fd)
    },
    renameSync: (from: string, to: string) => {
      step('renameSync', `${from}->${to}`)
      actual.renameSync(from, to)
    },
    rmSync: (path: string, ...rest: unknown[]) => {
      step('rmSync', path)
      ;(actual.rmSync as (...args: unknown[]) => void)(path, ...rest)
    },
  }
  return { ...actual, ...recorded, default: { ...actual, ...recorded } }
})

describe('writeFileAtomic', () => {
  const root = tempFolderPerTest('ccij-atomic-')
  const target = () => join(root(), 'vault', 'keyring.json')
  const OLD = '{"slots":["old"]}\n'
  const NEW = `{"slots":[${'"new",'.repeat(2000)}"new"]}\n`

  beforeEach(() => {
    mkdirSync(join(root(), 'vault'))
    writeFileSync(target(), OLD)
    fs.steps.length = 0
    fs.failAt = null
    fs.maxWrite = Infinity
    fs.counts.clear()
  })

  /** The steps after the test's own setup, with the temp file's random name shown as TMP. */
  const steps = () =>
    fs.steps.map((step) => step.replaceAll(root(), '').replace(/\.keyring\.json\.[0-9a-f]{12}\.tmp/g, 'TMP'))
  const folderContents = () => readdirSync(join(root(), 'vault')).sort()

  it('writes a temp file, fsyncs it, renames it over the target, then fsyncs the folder', () => {
    writeFileAtomic(target(), NEW)
    expect(readFileSync(target(), 'utf8')).toBe(NEW)
    expect(folderContents()).toEqual(['keyring.json'])
    expect(steps()).toEqual([
      'openSync:/vault/TMP',
      'writeSync:/vault/TMP',
      'fsyncSync:/vault/TMP',
      'closeSync:/vault/TMP',
      'renameSync:/vault/TMP->/vault/keyring.json',
      'openSync:/vault',
      'fsyncSync:/vault',
      'closeSync:/vault',
    ])
    expect(statSync(target()).mode & 0o777).toBe(0o600)
  })

  it('keeps writing until a disk that takes a few bytes at a time has the whole file', () => {
    fs.maxWrite = 7
    writeFileAtomic(target(), NEW)
    expect(readFileSync(target(), 'utf8')).toBe(NEW)
    expect(steps().filter((step) => step.startsWith('writeSync')).length).toBe(Math.ceil(NEW.length / 7))
  })

  it.each([
    ['creating the temp file', 'openSync#1'],
    ['the second of several writes', 'writeSync#2'],
    ['fsync of the temp file', 'fsyncSync#1'],
    ['closing the temp file', 'closeSync#1'],
    ['the rename over the target', 'renameSync#1'],
  ])('a failure at %s leaves the old file as it was and no temp file', (_step, failAt) => {
    fs.maxWrite = 1000
    fs.failAt = failAt
    expect(() => writeFileAtomic(target(), NEW)).toThrow(/failed \(injected\)/)
    expect(readFileSync(target(), 'utf8')).toBe(OLD)
    expect(folderContents()).toEqual(['keyring.json'])
  })

  it('reports a failed fsync of the folder after the rename, so the caller does not count on the new name', () => {
    fs.failAt = 'fsyncSync#2'
    expect(() => writeFileAtomic(target(), NEW)).toThrow(/failed \(injected\)/)
    // The rename happened: the new content is in place, but whether it survives power loss is unknown.
    expect(readFileSync(target(), 'utf8')).toBe(NEW)
    expect(folderContents()).toEqual(['keyring.json'])
  })

  it('never writes into the target itself, so a crash at any step leaves it whole', () => {
    writeFileAtomic(target(), NEW)
    const touchingTarget = steps().filter(
      (step) => step.endsWith('/vault/keyring.json') && !step.startsWith('renameSync:'),
    )
    expect(touchingTarget).toEqual([])
  })

  it('removes nothing when it cannot create its temp file: that name may be another writer’s file', () => {
    fs.failAt = 'openSync#1'
    expect(() => writeFileAtomic(target(), NEW)).toThrow(/failed \(injected\)/)
    expect(steps().filter((step) => step.startsWith('rmSync'))).toEqual([])
  })

  it('removes its own temp file when a later step fails', () => {
    fs.failAt = 'fsyncSync#1'
    expect(() => writeFileAtomic(target(), NEW)).toThrow(/failed \(injected\)/)
    expect(steps().filter((step) => step.startsWith('rmSync'))).toEqual(['rmSync:/vault/TMP'])
  })
})

describe('fsyncDirectory', () => {
  const root = tempFolderPerTest('ccij-atomic-dir-')
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
  beforeEach(() => {
    fs.steps.length = 0
    fs.failAt = null
    fs.counts.clear()
  })

  it('opens, fsyncs and closes the folder', () => {
    fsyncDirectory(root())
    expect(fs.steps).toEqual([`openSync:${root()}`, `fsyncSync:${root()}`, `closeSync:${root()}`])
  })

  it('closes the folder even when its fsync fails', () => {
    fs.failAt = 'fsyncSync#1'
    expect(() => fsyncDirectory(root())).toThrow(/failed \(injected\)/)
    expect(fs.steps.at(-1)).toBe(`closeSync:${root()}`)
  })

  it('does nothing on Windows, where a folder cannot be opened to fsync', () => {
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' })
    try {
      fsyncDirectory(root())
    } finally {
      Object.defineProperty(process, 'platform', platform)
    }
    expect(fs.steps).toEqual([])
  })
})
