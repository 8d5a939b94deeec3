import { basename } from 'node:path'
import { CSV_MAX_REPORTED_PROBLEMS, type TCsvProblem } from '../../../shared/contract/csv'
import {
  ZLawyerCsvMappingSchema,
  type TDuplicateAction,
  type TLawyerCsvMapping,
  type TLawyerImportCheck,
  type TLawyerImportDuplicate,
  type TLawyerImportResult,
} from '../../../shared/contract/lawyers'
import type { TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { writeCsvFileAtomic } from '../csv/csv-file-writer'
import { splitCsvText } from '../csv/csv-text'
import { timeOrderedId } from '../db/time-ordered-id'
import { sessionIn, type TSession, type TSessionSource } from '../session/session'
import { parseLawyerRecords, mappedFields, type TParsedLawyerRow } from './csv/parse-lawyer-csv'
import { suggestMapping } from './csv/lawyer-csv-columns'
import { LAWYER_CSV_HEADER, lawyerCells } from './csv/serialize-lawyer-csv'
import { ImportMappingRepository } from './import-mapping-repository'
import { LawyerQueries, LawyerRepository } from './lawyer-repository'
import { toLawyerFields } from './lawyer-views'

const MAPPING_KIND = 'lawyers'

type TDuplicateMatch = { row: number; lawyerId: string; matchedBy: 'licence' | 'email' }

/** File-level problems of the CSV text (bad encoding, an unclosed quote …) as row/column problems. */
const asProblems = (errors: readonly { line: number; field: string; code: string }[]): TCsvProblem[] =>
  errors.map((error) => ({ row: error.line, column: error.field, code: error.code }))

/**
 * Which roster lawyer each valid row already is: by a licence in the same law society, else by email. A row that
 * points at two different lawyers (licence of one, email of another) cannot be merged: it is a problem.
 */
function matchRoster(
  rows: readonly TParsedLawyerRow[],
  lawyers: LawyerQueries,
): { matches: TDuplicateMatch[]; problems: TCsvProblem[] } {
  const licences = lawyers.licenceIndex()
  const emails = lawyers.emailIndex()
  const matches: TDuplicateMatch[] = []
  const problems: TCsvProblem[] = []
  for (const row of rows) {
    const byLicence = row.licenceKeys.map((key) => licences.get(key)).find((id) => id !== undefined)
    const byEmail = row.email === '' ? undefined : emails.get(row.email)
    if (byLicence !== undefined && byEmail !== undefined && byLicence !== byEmail) {
      problems.push({ row: row.row, column: 'email', code: 'matchesTwoLawyers' })
    } else if (byLicence !== undefined) {
      matches.push({ row: row.row, lawyerId: byLicence, matchedBy: 'licence' })
    } else if (byEmail !== undefined) {
      matches.push({ row: row.row, lawyerId: byEmail, matchedBy: 'email' })
    }
  }
  return { matches, problems }
}

/**
 * Lawyer sign-up files in (a web form's CSV export) and the roster out. The dry run lists every problem by row and
 * column and every row that is already on the roster; the import then writes every row or none, skipping or
 * updating roster duplicates as the person chose. Caseworkers and admins may do both.
 */
export class LawyerImportService {
  constructor(private readonly sessions: TSessionSource) {}

  /** The file's headers and the field each feeds: remembered from this vault's last import, else guessed. */
  inspect(csv: string): { headers: string[]; mapping: TLawyerCsvMapping } {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const split = splitCsvText(csv)
    const headers = 'records' in split ? (split.records[0]?.cells ?? []).map((cell) => cell.trim()) : []
    return { headers, mapping: suggestMapping(headers, this.rememberedMapping(session)) }
  }

  /** The dry run. Stores nothing but the mapping, remembered for the next file. */
  check(csv: string, mapping: TLawyerCsvMapping): TLawyerImportCheck {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const { check } = this.analyze(session, csv, mapping)
    if (mapping.length > 0)
      new ImportMappingRepository(session.db).save(MAPPING_KIND, mapping, session.clock.now().toISOString())
    return check
  }

  /**
   * Every row or none, in one transaction. Roster duplicates follow `decisions` for their row, else `duplicates`;
   * an update replaces only the fields the file's mapped columns carry. New lawyers are written a table at a time;
   * the audit trail gets one entry for the file (counts and the field names updates changed).
   */
  commit(
    csv: string,
    mapping: TLawyerCsvMapping,
    duplicates: TDuplicateAction,
    decisions: readonly { row: number; action: TDuplicateAction }[] = [],
    source = '',
  ): { imported: true; result: TLawyerImportResult } | { imported: false; check: TLawyerImportCheck } {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const lawyers = new LawyerRepository(session.db)
    const at = session.clock.now().toISOString()
    return session.db.transaction(() => {
      const { check, rows, matches } = this.analyze(session, csv, mapping)
      if (!check.accepted) return { imported: false as const, check }
      const actionOf = new Map(decisions.map((decision) => [decision.row, decision.action]))
      const matchOf = new Map(matches.map((match) => [match.row, match]))
      const updatable = mappedFields(mapping)
      const result: TLawyerImportResult = { added: 0, updated: 0, skipped: 0 }
      const added: { id: string; fields: TLawyerFields }[] = []
      const changedFields = new Set<string>()
      for (const row of rows) {
        const match = matchOf.get(row.row)
        if (match === undefined) {
          added.push({ id: timeOrderedId(), fields: row.fields })
          continue
        }
        if ((actionOf.get(row.row) ?? duplicates) === 'skip') {
          result.skipped += 1
          continue
        }
        const existing = lawyers.get(match.lawyerId)
        if (existing === undefined) continue
        const before = toLawyerFields(existing)
        const after: TLawyerFields = { ...before }
        for (const key of updatable) (after as Record<string, unknown>)[key] = row.fields[key]
        const changed = [...updatable].filter(
          (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
        )
        if (changed.length > 0) lawyers.replace(match.lawyerId, after, at)
        for (const key of changed) changedFields.add(key)
        result.updated += 1
      }
      lawyers.insertMany(added, at, session.staff.accountId)
      result.added = added.length
      new ImportMappingRepository(session.db).save(MAPPING_KIND, mapping, at)
      // One entry for the whole file: counts and the fields updates changed, never a lawyer's name or id list.
      session.audit.record('import', null, {
        kind: 'lawyers',
        ...result,
        ...(changedFields.size === 0 ? {} : { fields: [...changedFields] }),
        ...(source === '' ? {} : { source }),
      })
      return { imported: true as const, result }
    }, 'immediate')
  }

  /** The whole roster to `destination` as CSV, atomically (0600; nothing left behind on failure); audited. */
  exportTo(destination: string): { count: number; fileName: string } {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const lawyers = new LawyerQueries(session.db)
    const records = lawyers.iterateAll()
    const count = writeCsvFileAtomic(
      destination,
      LAWYER_CSV_HEADER,
      (function* () {
        for (const record of records) yield lawyerCells(toLawyerFields(record))
      })(),
    )
    const fileName = basename(destination)
    session.audit.record('export', null, { kind: 'lawyers', count, fileName })
    return { count, fileName }
  }

  /** The mapping a CLI import uses: remembered for headers it knows, else each header's own field. */
  mappingFor(csv: string): TLawyerCsvMapping {
    return this.inspect(csv).mapping
  }

  private rememberedMapping(session: TSession): TLawyerCsvMapping {
    const parsed = ZLawyerCsvMappingSchema.safeParse(
      new ImportMappingRepository(session.db).get(MAPPING_KIND),
    )
    return parsed.success ? parsed.data : []
  }

  private analyze(
    session: TSession,
    csv: string,
    mapping: TLawyerCsvMapping,
  ): { check: TLawyerImportCheck; rows: TParsedLawyerRow[]; matches: TDuplicateMatch[] } {
    const split = splitCsvText(csv)
    if ('errors' in split) {
      const problems = asProblems(split.errors)
      return { check: refused(problems, 0), rows: [], matches: [] }
    }
    const parsed = parseLawyerRecords(split.records, mapping)
    const lawyers = new LawyerQueries(session.db)
    const { matches, problems: rosterProblems } = matchRoster(parsed.rows, lawyers)
    const problems = [...parsed.problems, ...rosterProblems].sort((a, b) => a.row - b.row)
    const rowCount = split.records
      .slice(1)
      .filter((record) => record.cells.some((cell) => cell.trim() !== '')).length
    if (problems.length > 0) return { check: refused(problems, rowCount), rows: [], matches: [] }
    const names = lawyers.displayNames(matches.map((match) => match.lawyerId))
    const duplicates: TLawyerImportDuplicate[] = matches.map((match) => ({
      ...match,
      displayName: names.get(match.lawyerId) ?? '',
    }))
    return {
      check: { accepted: true, rows: rowCount, problems: [], problemCount: 0, duplicates },
      rows: parsed.rows,
      matches,
    }
  }
}

function refused(problems: TCsvProblem[], rows: number): TLawyerImportCheck {
  return {
    accepted: false,
    rows,
    problems: problems.slice(0, CSV_MAX_REPORTED_PROBLEMS),
    problemCount: problems.length,
    duplicates: [],
  }
}
