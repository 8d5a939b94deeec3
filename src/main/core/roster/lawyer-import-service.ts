import { sql } from '../db/sql'
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
import type { TTemplateLanguage } from '../../../shared/contract/intake-csv'
import { AppError } from '../../../shared/result'
import { writeCsvFileAtomic } from '../csv/csv-file-writer'
import { splitCsvText, type TCsvTextResult } from '../csv/csv-text'
import type { CsvUploads } from '../csv/csv-uploads'
import { timeOrderedId } from '../db/time-ordered-id'
import { sessionIn, type TSession, type TSessionSource } from '../session/session'
import {
  parseLawyerRecords,
  mappedFields,
  type TParsedLawyerFile,
  type TParsedLawyerRow,
} from './csv/parse-lawyer-csv'
import { suggestMapping } from './csv/lawyer-csv-columns'
import { LAWYER_CSV_HEADER, lawyerCells } from './csv/serialize-lawyer-csv'
import { lawyerCsvTemplate } from './csv/lawyer-csv-template'
import { ImportMappingRepository } from './import-mapping-repository'
import { LawyerQueries, LawyerRepository } from './lawyer-repository'
import { toLawyerFields } from './lawyer-views'

const MAPPING_KIND = 'lawyers'

type TDuplicateMatch = { row: number; lawyerId: string; matchedBy: 'licence' | 'email' }

/**
 * A sign-up file as read, and its rows as last parsed for one mapping: the dry run parses them, the commit that
 * follows with the same mapping reuses them (only the roster lookups are redone, inside the commit's transaction).
 */
type TSignUpFile = { split: TCsvTextResult; parsed: { mappingKey: string; file: TParsedLawyerFile } | null }

const signUpFileOf = (split: TCsvTextResult): TSignUpFile => ({ split, parsed: null })

/** The file an upload brought, kept between the screen's steps; one per session, so a lock drops it. */
type TUploadedSignUp = { current: { uploadId: string; file: TSignUpFile } | null }
const uploadedSignUpOf = (): TUploadedSignUp => ({ current: null })

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
  constructor(
    private readonly sessions: TSessionSource,
    /** Where the import screen's files arrive (uploads of kind `lawyers`); the CLI passes text instead. */
    private readonly uploads: CsvUploads | null = null,
  ) {}

  /** The file's headers and the field each feeds: remembered from this vault's last import, else guessed. */
  inspect(csv: string): { headers: string[]; mapping: TLawyerCsvMapping } {
    return this.inspectFile(signUpFileOf(splitCsvText(csv)))
  }

  /** The dry run. Stores nothing but the mapping, remembered for the next file. */
  check(csv: string, mapping: TLawyerCsvMapping): TLawyerImportCheck {
    return this.checkFile(signUpFileOf(splitCsvText(csv)), mapping)
  }

  /** inspect() of a file sent to csvUpload:* (kind `lawyers`); the file stays read for checkUpload/commitUpload. */
  async inspectUpload(uploadId: string): Promise<{ headers: string[]; mapping: TLawyerCsvMapping }> {
    return this.inspectFile(await this.uploaded(uploadId))
  }

  async checkUpload(uploadId: string, mapping: TLawyerCsvMapping): Promise<TLawyerImportCheck> {
    return this.checkFile(await this.uploaded(uploadId), mapping)
  }

  /** commit() of an uploaded file; once imported the file is dropped (a second commit finds no upload). */
  async commitUpload(
    uploadId: string,
    mapping: TLawyerCsvMapping,
    duplicates: TDuplicateAction,
    decisions: readonly { row: number; action: TDuplicateAction }[],
  ): Promise<ReturnType<LawyerImportService['commit']>> {
    const file = await this.uploaded(uploadId)
    const outcome = this.commitFile(file, mapping, duplicates, decisions, '')
    if (outcome.imported) this.discardUpload(uploadId)
    return outcome
  }

  /** Forgets an uploaded file (the person chose another or left the screen). Unknown ids are ignored. */
  discardUpload(uploadId: string): void {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const held = session.scoped(uploadedSignUpOf)
    if (held.current?.uploadId === uploadId) held.current = null
  }

  private inspectFile(file: TSignUpFile): { headers: string[]; mapping: TLawyerCsvMapping } {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const { split } = file
    const headers = 'records' in split ? (split.records[0]?.cells ?? []).map((cell) => cell.trim()) : []
    return { headers, mapping: suggestMapping(headers, this.rememberedMapping(session)) }
  }

  private checkFile(file: TSignUpFile, mapping: TLawyerCsvMapping): TLawyerImportCheck {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const { check } = this.analyze(session, file, mapping)
    if (mapping.length > 0)
      new ImportMappingRepository(session.db).save(MAPPING_KIND, mapping, session.clock.now().toISOString())
    return check
  }

  /**
   * The file of this person's upload: taken from csvUploads the first time (the whole file must have been sent),
   * then kept in the session until committed, discarded, replaced by another upload, or the vault locks.
   */
  private async uploaded(uploadId: string): Promise<TSignUpFile> {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const held = session.scoped(uploadedSignUpOf)
    if (held.current?.uploadId === uploadId) return held.current.file
    if (this.uploads === null) throw new AppError('NOT_FOUND', 'No such upload.')
    const split = await this.uploads.result<TCsvTextResult>(uploadId, 'lawyers')
    // The vault may have locked (or another person signed in) while the file was read: keep it in that session only.
    const now = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const file = signUpFileOf(split)
    now.scoped(uploadedSignUpOf).current = { uploadId, file }
    return file
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
    return this.commitFile(signUpFileOf(splitCsvText(csv)), mapping, duplicates, decisions, source)
  }

  private commitFile(
    file: TSignUpFile,
    mapping: TLawyerCsvMapping,
    duplicates: TDuplicateAction,
    decisions: readonly { row: number; action: TDuplicateAction }[],
    source: string,
  ): { imported: true; result: TLawyerImportResult } | { imported: false; check: TLawyerImportCheck } {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const lawyers = new LawyerRepository(session.db)
    const at = session.clock.now().toISOString()
    return session.db.transaction(() => {
      // vault.db's write lock before the file is checked against the roster, so no other connection changes the
      // roster in between: a write that changes nothing takes it. Not BEGIN IMMEDIATE, which takes casework.db's
      // lock too and commits through a super-journal though only vault.db changes (ARCHITECTURE.md, "Storage").
      session.db.run(sql`UPDATE lawyers SET id = id WHERE 0`)
      const { check, rows, matches } = this.analyze(session, file, mapping)
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
    })
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

  /** The sign-up template's suggested file name in `language` (the save dialog offers it). */
  templateFileName(language: TTemplateLanguage): string {
    sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    return lawyerCsvTemplate(language).fileName
  }

  /**
   * The blank sign-up file (default columns in `language`, one invented row) to `destination`, written as every CSV
   * the app writes (BOM, CRLF, quoted; atomic, 0600). It holds no roster data, so it is not audited.
   */
  saveTemplate(language: TTemplateLanguage, destination: string): { fileName: string } {
    sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const { header, example } = lawyerCsvTemplate(language)
    writeCsvFileAtomic(destination, header, [example])
    return { fileName: basename(destination) }
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
    file: TSignUpFile,
    mapping: TLawyerCsvMapping,
  ): { check: TLawyerImportCheck; rows: TParsedLawyerRow[]; matches: TDuplicateMatch[] } {
    const { split } = file
    if ('errors' in split) {
      const problems = asProblems(split.errors)
      return { check: refused(problems, 0), rows: [], matches: [] }
    }
    const parsed = parsedOnce(file, mapping)
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

/** The file's rows parsed for `mapping`: the last parse again when the mapping is the same (the rows are pure). */
function parsedOnce(file: TSignUpFile, mapping: TLawyerCsvMapping): TParsedLawyerFile {
  const mappingKey = JSON.stringify(mapping)
  if (file.parsed?.mappingKey === mappingKey) return file.parsed.file
  if ('errors' in file.split) return { rows: [], problems: [] }
  const parsed = parseLawyerRecords(file.split.records, mapping)
  file.parsed = { mappingKey, file: parsed }
  return parsed
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
