import { afterEach, describe, expect, it, vi } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { createTestVault, vaultKeysOf } from '#test-support/vault-fixtures'
import type { Connection } from '../db/connection'
import { openEncryptedDatabase } from '../db/open-database'
import type { TVaultServices } from '../services'
import { DIRECTORY_CSV_HEADER } from '../directory/transfer/directory-csv'
import { OrganizationQueries } from '../directory/organization-repository'
import { LawyerQueries } from './lawyer-repository'

/* Invented lawyers and organizations only. */

const LAWYERS =
  'first_name,last_name,email,law_society_province,licence_number,practice_areas,languages,province,max_active\r\n' +
  'Ada,Example,ada@example.org,Ontario,LSO-1,Refugee claim,English,ON,3\r\n'
const lawyerMapping = (LAWYERS.split('\r\n')[0] ?? '')
  .split(',')
  .map((header) => ({ header, field: header as never }))
const DIRECTORY =
  `${DIRECTORY_CSV_HEADER.join(',')}\r\n` +
  `${['organization', 'Invented Aid Lock', 'settlement', 'no', 'ON', '', '', 'en', '', '', '', '', ''].join(',')},,,,,,,,no\r\n`

/**
 * The roster's and the directory's imports change vault.db only: they take vault.db's write lock alone, not
 * casework.db's (BEGIN IMMEDIATE took both, and the commit then went through a super-journal: a file of its own and
 * five more fsyncs). A colleague writing casework.db does not hold them up; one writing vault.db still does.
 * That a vault.db lock held from outside keeps the import out says nothing of when the import takes the lock (its
 * first insert would fail anyway): the order is the next describe's.
 */
describe('the roster and directory imports lock vault.db only', () => {
  const root = tempFolderPerTest()

  const imports: [string, (services: TVaultServices) => { imported: boolean }][] = [
    ['lawyers', (services) => services.lawyerImport.commit(LAWYERS, lawyerMapping, 'skip')],
    ['directory', (services) => services.directoryTransfer.commit(DIRECTORY, 'csv', 'skip')],
  ]

  it.each(imports)('%s: through while casework.db is locked, kept out while vault.db is', async (_, run) => {
    const services = await createTestVault(root())
    const keys = await vaultKeysOf(root())
    if (keys.case === null) throw new Error('the admin holds the case key')
    ;(services.vault.session().db as Connection).database.pragma('busy_timeout = 50')
    const auditedImports = () =>
      services.audit.list({}).entries.filter((entry) => entry.action === 'import').length
    const vaultHolder = openEncryptedDatabase(keys.files.vault, keys.vault)
    try {
      vaultHolder.exec('BEGIN IMMEDIATE')
      expect(() => run(services)).toThrow(/locked|busy/i)
      vaultHolder.exec('ROLLBACK')
    } finally {
      vaultHolder.close()
    }
    expect(auditedImports()).toBe(0)
    const caseworkHolder = openEncryptedDatabase(keys.files.casework, keys.case)
    try {
      caseworkHolder.exec('BEGIN IMMEDIATE')
      expect(run(services).imported).toBe(true)
      caseworkHolder.exec('COMMIT')
    } finally {
      caseworkHolder.close()
    }
    expect(auditedImports()).toBe(1)
    expect(services.audit.verify()).toMatchObject({ ok: true, status: 'intact' })
  })
})

/** Whether another connection can take `file`'s write lock now: `free` (taken and given back at once) or `busy`. */
function writeLockOf(file: string, key: Buffer): 'free' | 'busy' {
  const other = openEncryptedDatabase(file, key)
  try {
    other.pragma('busy_timeout = 0')
    other.exec('BEGIN IMMEDIATE')
    other.exec('ROLLBACK')
    return 'free'
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return 'busy'
    throw error
  } finally {
    other.close()
  }
}

/**
 * The order: vault.db's write lock is held from before the import reads the stored rows it checks the file against
 * (the roster's licence index, the directory's organizations), so no colleague can change them between the check
 * and the writes. Locking vault.db from outside cannot show this (the import then fails at its first write whatever
 * the order), so the probe runs inside the import, at its first read of the stored rows, from a second connection.
 */
describe('the roster and directory imports hold vault.db before they read the stored rows', () => {
  const root = tempFolderPerTest()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  /** Runs `probe` at each call of the import's first read of the stored rows, then the read itself. */
  const firstReads: [string, (probe: () => void) => void, (services: TVaultServices) => boolean][] = [
    [
      'lawyers',
      (probe) => {
        const read = LawyerQueries.prototype.licenceIndex
        vi.spyOn(LawyerQueries.prototype, 'licenceIndex').mockImplementation(function (this: LawyerQueries) {
          probe()
          return read.call(this)
        })
      },
      (services) => services.lawyerImport.commit(LAWYERS, lawyerMapping, 'skip').imported,
    ],
    [
      'directory',
      (probe) => {
        const read = OrganizationQueries.prototype.list
        vi.spyOn(OrganizationQueries.prototype, 'list').mockImplementation(function (
          this: OrganizationQueries,
          filter,
        ) {
          probe()
          return read.call(this, filter)
        })
      },
      (services) => services.directoryTransfer.commit(DIRECTORY, 'csv', 'skip').imported,
    ],
  ]

  it.each(firstReads)(
    '%s: vault.db locked, casework.db not, at the first read',
    async (_, atFirstRead, run) => {
      const services = await createTestVault(root())
      const keys = await vaultKeysOf(root())
      const caseKey = keys.case
      if (caseKey === null) throw new Error('the admin holds the case key')
      const locks = () => [
        writeLockOf(keys.files.vault, keys.vault),
        writeLockOf(keys.files.casework, caseKey),
      ]
      // The probe can tell a free lock from a held one: nothing holds either before the import.
      expect(locks()).toEqual(['free', 'free'])
      const seen: ('free' | 'busy')[][] = []
      atFirstRead(() => seen.push(locks()))
      expect(run(services)).toBe(true)
      expect(seen[0]).toEqual(['busy', 'free'])
      expect(locks()).toEqual(['free', 'free'])
    },
  )
})
