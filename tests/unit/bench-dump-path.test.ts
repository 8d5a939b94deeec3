/**
 * `bench/dump-search.ts` writes names (synthetic) in plain text: only under the temp folder or the bench folder,
 * links followed, with a clear error anywhere else.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkedDumpPath, writeDump } from '../../bench/support/dump-path'

const folders: string[] = []
const tempFolder = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'dump-path-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

describe('checkedDumpPath', () => {
  it('accepts a file in the temp folder or the bench folder', () => {
    const folder = tempFolder()
    expect(checkedDumpPath(join(folder, 'answers.jsonl'))).toMatch(/answers\.jsonl$/)
    expect(checkedDumpPath(join(import.meta.dirname, '../../bench/answers.jsonl'))).toMatch(
      /bench[/\\]answers\.jsonl$/,
    )
  })

  it('refuses a path elsewhere, one climbing out, and a folder whose name only begins like an allowed one', () => {
    const folder = tempFolder()
    expect(() => checkedDumpPath(join(import.meta.dirname, 'answers.jsonl'))).toThrow(/refusing to write/)
    expect(() => checkedDumpPath(join(folder, '../../answers.jsonl'))).toThrow(/refusing to write/)
    expect(() => checkedDumpPath(join(folder, 'inside.jsonl'), [`${folder}-not`])).toThrow()
    expect(() => checkedDumpPath(tmpdir())).toThrow(/refusing to write/)
  })

  it('follows links: a link in the temp folder to a folder or file elsewhere is refused', () => {
    const folder = tempFolder()
    const elsewhere = join(import.meta.dirname)
    symlinkSync(elsewhere, join(folder, 'out'))
    expect(() => checkedDumpPath(join(folder, 'out', 'answers.jsonl'))).toThrow(/refusing to write/)
    symlinkSync(join(elsewhere, 'bench-dump-path.test.ts'), join(folder, 'file.jsonl'))
    expect(() => checkedDumpPath(join(folder, 'file.jsonl'))).toThrow(/refusing to write/)
  })

  it('refuses a link that leads nowhere yet (the write would create its target wherever it points)', () => {
    const folder = tempFolder()
    const outside = join(import.meta.dirname, 'dump-path-never-written.jsonl')
    symlinkSync(outside, join(folder, 'dangling.jsonl'))
    expect(() => checkedDumpPath(join(folder, 'dangling.jsonl'))).toThrow(/it is a link/)
    expect(() => writeDump(join(folder, 'dangling.jsonl'), 'names')).toThrow(/it is a link/)
    expect(() => statSync(outside)).toThrow()
  })

  it('writes a dump afresh, readable by its owner only, replacing a plain file left there', () => {
    const folder = tempFolder()
    const out = join(folder, 'answers.jsonl')
    writeFileSync(out, 'an earlier run')
    writeDump(out, 'this run')
    expect(readFileSync(out, 'utf8')).toBe('this run')
    expect(statSync(out).mode & 0o777).toBe(0o600)
  })

  it('says so when the folder does not exist', () => {
    expect(() => checkedDumpPath(join(tempFolder(), 'missing', 'answers.jsonl'))).toThrow(/does not exist/)
  })
})
