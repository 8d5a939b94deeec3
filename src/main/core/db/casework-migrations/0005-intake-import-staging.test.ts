import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'
import { CASEWORK_MIGRATIONS } from '.'
import { caseworkMigration0005IntakeImportStaging } from './0005-intake-import-staging'

describe('casework migration 0005: a staging table for intake imports', () => {
  const root = tempFolderPerTest()

  it('adds an empty staging table and leaves the cases as they were', () => {
    const version = caseworkMigration0005IntakeImportStaging.version
    const db = openEncryptedDatabase(join(root(), 'casework.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, version - 1, CASEWORK_MIGRATIONS)).toBe(version - 1)
    db.prepare(
      `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
       VALUES ('c1', 'CCIJ-2026-0001', 'awaiting_match', 'Synthetic Person', '2026-01-01', 'x', 'x')`,
    ).run()
    expect(migrate(db, version, CASEWORK_MIGRATIONS)).toBe(version)
    expect(db.prepare('SELECT count(*) FROM intake_import_staging').pluck().get()).toBe(0)
    expect(db.prepare('SELECT reference FROM cases').pluck().all()).toEqual(['CCIJ-2026-0001'])
    db.close()
  })
})
