import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolderPerTest } from '#test-support/per-test'
import { migrate } from '../migrate'
import { applyVaultPragmas, openEncryptedDatabase } from '../open-database'
import { CASEWORK_MIGRATIONS } from '.'

describe('casework migration 3: the intake airport as an IATA code', () => {
  const root = tempFolderPerTest()

  it('turns free text that is exactly a code into the code, keeps any other text, and adds an empty code', () => {
    const db = openEncryptedDatabase(join(root(), 'casework.db'), randomBytes(32), { create: true })
    applyVaultPragmas(db)
    expect(migrate(db, 2, CASEWORK_MIGRATIONS)).toBe(2)
    const needs = (airport: string) =>
      JSON.stringify({ needs: ['airport_support'], atAirportNow: true, airport })
    const cases = [
      ['c1', ' yul ', 'CCIJ-2026-0001'],
      ['c2', 'Pearson, terminal 3', 'CCIJ-2026-0002'],
      ['c3', 'XYZ', 'CCIJ-2026-0003'],
    ] as const
    for (const [id, airport, reference] of cases) {
      db.prepare(
        `INSERT INTO cases (id, reference, status, display_name, opened_on, created_at, updated_at)
         VALUES (?, ?, 'awaiting_match', 'Synthetic Person', '2026-01-01', 'x', 'x')`,
      ).run(id, reference)
      db.prepare(`INSERT INTO case_files (case_id, profile, contact, needs) VALUES (?, '{}', '{}', ?)`).run(
        id,
        needs(airport),
      )
      db.prepare(
        `INSERT INTO case_intakes (id, case_id, intake_date, data, recorded_at) VALUES (?, ?, '2026-01-01', ?, 'x')`,
      ).run(`i-${id}`, id, JSON.stringify({ needs: JSON.parse(needs(airport)) as unknown }))
    }
    expect(migrate(db, 3, CASEWORK_MIGRATIONS)).toBe(3)
    const files = db.prepare('SELECT needs FROM case_files ORDER BY case_id').pluck().all() as string[]
    const picked = files.map((text) => JSON.parse(text) as { airport: string; airportCode: string })
    expect(picked.map(({ airport, airportCode }) => [airport, airportCode])).toEqual([
      ['', 'YUL'],
      ['Pearson, terminal 3', ''],
      ['XYZ', ''],
    ])
    const intakes = db.prepare('SELECT data FROM case_intakes ORDER BY id').pluck().all() as string[]
    expect(
      intakes.map((text) => (JSON.parse(text) as { needs: { airportCode: string } }).needs.airportCode),
    ).toEqual(['YUL', '', ''])
    db.close()
  })
})
