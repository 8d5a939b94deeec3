import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { createTestVault, vaultKeysOf } from '#test-support/vault-fixtures'
import type { Connection } from '../db/connection'
import { openEncryptedDatabase } from '../db/open-database'
import type { TVaultServices } from '../services'
import { DIRECTORY_CSV_HEADER } from '../directory/transfer/directory-csv'

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
