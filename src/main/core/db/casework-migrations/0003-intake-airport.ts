import { AIRPORTS } from '../../../../shared/roster/airports'
import type { TMigration } from '../migrations/migration'

/**
 * casework.db, version 3: the intake's airport as an IATA code (`needs.airportCode`), next to the free text that
 * was all there was before. Matching reads only the code. Stored needs gain it: the free text becomes the code
 * when it is exactly one of the roster's airports (" yul " → YUL, and the text is emptied since it said no more),
 * otherwise the code stays '' and the text is kept for staff to read. Drafts are not touched: the wizard fills
 * missing answers from a blank intake.
 */
export const caseworkMigration0003IntakeAirport: TMigration = {
  version: 3,
  name: 'intake airport code',
  up(db) {
    const codes = AIRPORTS.map((code) => `'${code}'`).join(', ')
    // `path` is where the needs object sits in the column's JSON: the case file stores needs alone.
    const backfill = (table: string, column: string, path: string): void => {
      const text = `upper(trim(coalesce(json_extract(${column}, '${path}.airport'), '')))`
      db.exec(`
        UPDATE ${table}
           SET ${column} = CASE WHEN ${text} IN (${codes})
                 THEN json_set(${column}, '${path}.airportCode', ${text}, '${path}.airport', '')
                 ELSE json_set(${column}, '${path}.airportCode', '') END
         WHERE json_type(${column}, '${path}') = 'object'
           AND json_type(${column}, '${path}.airportCode') IS NULL;
      `)
    }
    backfill('case_files', 'needs', '$')
    backfill('case_intakes', 'data', '$.needs')
  },
}
