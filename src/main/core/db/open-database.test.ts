import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestVault, makeTempFolder, removeFolder } from '#test-support/vault-fixtures'
import type { TVaultServices } from '../services'
import { PAGE_CACHE_SIZE } from './open-database'
import { sql } from './sql'

describe('a signed-in session keeps each vault file’s pages decrypted in memory', () => {
  let root: string
  let services: TVaultServices
  beforeAll(async () => {
    root = makeTempFolder()
    services = await createTestVault(root)
  })
  afterAll(() => {
    services.vault.lock()
    removeFolder(root)
  })

  it('gives vault.db and the attached casework.db (cases and their search index) a 64 MiB page cache each', () => {
    const { db } = services.vault.session()
    expect(PAGE_CACHE_SIZE).toBe(-65_536)
    expect(db.value<number>(sql`PRAGMA main.cache_size`)).toBe(PAGE_CACHE_SIZE)
    expect(db.value<number>(sql`PRAGMA casework.cache_size`)).toBe(PAGE_CACHE_SIZE)
  })
})
