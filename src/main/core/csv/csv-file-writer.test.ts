import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { writeCsvFileAtomic } from './csv-file-writer'

describe('writeCsvFileAtomic', () => {
  const root = tempFolderPerTest()

  it('writes row by row to a 0600 file and leaves nothing else in the folder', () => {
    const target = join(root(), 'export.csv')
    const rows = function* () {
      for (let index = 0; index < 1_234; index += 1) yield [`Row-Example ${index}`, '=1+1']
    }
    expect(writeCsvFileAtomic(target, ['name', 'formula'], rows())).toBe(1_234)
    expect(readdirSync(root())).toEqual(['export.csv'])
    expect(statSync(target).mode & 0o777).toBe(0o600)
    const text = readFileSync(target, 'utf8')
    expect(text.startsWith('\uFEFF"name","formula"\r\n"Row-Example 0","\'=1+1"\r\n')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(1_236)
  })

  it('a failure half-way (after several batches were written) leaves no temp file and the old file as it was', () => {
    const target = join(root(), 'export.csv')
    writeFileSync(target, 'the previous export', { mode: 0o600 })
    const rows = function* () {
      for (let index = 0; index < 5_000; index += 1) {
        if (index === 2_345) throw new Error('the vault locked mid-export')
        yield [`Row-Example ${index}`]
      }
    }
    expect(() => writeCsvFileAtomic(target, ['name'], rows())).toThrow('the vault locked mid-export')
    expect(readdirSync(root())).toEqual(['export.csv'])
    expect(readFileSync(target, 'utf8')).toBe('the previous export')
  })

  it('a failure with no previous file leaves no file at all', () => {
    const rows = function* (): Generator<string[]> {
      yield ['Row-Example']
      throw new Error('disk full')
    }
    expect(() => writeCsvFileAtomic(join(root(), 'new.csv'), ['name'], rows())).toThrow('disk full')
    expect(readdirSync(root())).toEqual([])
  })
})
