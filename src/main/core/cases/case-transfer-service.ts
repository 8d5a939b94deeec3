import {
  CSV_PREVIEW_ROWS,
  type TIntakeCsvTemplate,
  type TTemplateLanguage,
} from '../../../shared/contract/intake-csv'
import { intakeCsvTemplate } from './csv/intake-csv-template'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import type { TConsentPurpose } from '../../../shared/cases/vocabulary'
import { AppError } from '../../../shared/result'
import { CASEWORK_IMPORT_CACHE_KIB } from '../db/open-database'
import { ADMIN_ONLY } from '../../../shared/roles'
import { sessionIn, type TSession, type TSessionSource } from '../session/session'
import type { TContactRecord, TNeedsRecord, TProfile } from './case-records'
import { CaseRepository, TIMELINE_LIMIT } from './case-repository'
import type { TCaseWithFile, TConsentRow } from './case-rows'
import { parse } from './case-views'
import { CaseWriter } from './case-writer'
import type { TIntakeCsvStore } from './csv/intake-csv-transfer'
import { IntakeImportStaging } from './csv/intake-import-staging'
import { checkedForDryRun, type TCheckedIntakeSink, type TCheckedIntakes } from './csv/checked-intake-rows'
import type { TCasesFileCase } from '../../../shared/cases/cases-file-schema'
import { caseRecordOf } from './json/cases-file-export'
import { clashesWithVault } from './json/cases-file-import'
import { CasesFileQueries } from './json/cases-file-queries'
import type { TCasesFileStore } from './json/cases-file-transfer'
import { writeImportedCase } from './json/cases-file-writer'

/** An import's audit entry lists at most this many references (a large import says how many it left out). */
const AUDITED_REFERENCES = 500

type TImportRow = { line: number; reference?: string | undefined; intake: TIntake }

/** A refusal lists at most this many rows whose reference is taken (and says how many there were). */
const LISTED_REFERENCE_CLASHES = 2_000
type TImportError = { line: number; field: string; code: string; value: string; message: string }

/**
 * Cases in and out of the vault in bulk (the intakes CSV of `csv/`): admins only, all or nothing, and audited with
 * counts, never contents.
 */
export class CaseTransferService implements TIntakeCsvStore, TCasesFileStore {
  constructor(private readonly sessions: TSessionSource) {}

  /** A blank intakes file to fill in, and its columns: for admins, who import. No survivor data in it. */
  template(language: TTemplateLanguage): TIntakeCsvTemplate {
    this.adminSession()
    return intakeCsvTemplate(language)
  }

  /**
   * Create one case per row, all or nothing. Rows were validated by the CSV reader; here the vault's own rules
   * apply (a reference already in use). A dry run checks the same and writes nothing.
   */
  importIntakes(
    rows: Iterable<TImportRow> & Pick<TCheckedIntakes, 'references' | 'staged'>,
    options: { dryRun: boolean },
  ): { created: number; references: string[]; caseIds: string[] } {
    const session = this.adminSession()
    // The check and the commit read and write every staged row once: with the small cache, not the reads' large one.
    return session.db.withCaseworkCache(CASEWORK_IMPORT_CACHE_KIB, () =>
      this.importIntakesIn(session, rows, options),
    )
  }

  private importIntakesIn(
    session: TSession,
    rows: Iterable<TImportRow> & Pick<TCheckedIntakes, 'references' | 'staged'>,
    options: { dryRun: boolean },
  ): { created: number; references: string[]; caseIds: string[] } {
    // Imported records have no author: the case page says "Imported", and the import itself is audited.
    const writer = new CaseWriter(session, null)
    const { repository } = writer
    const errors: TImportError[] = []
    let errorCount = 0
    // Staged rows give their references without their intakes: this check never reads the file's narratives.
    for (const row of rows.references?.() ?? rows) {
      if (row.reference === undefined || !repository.referenceExists(row.reference)) continue
      errorCount += 1
      if (errors.length >= LISTED_REFERENCE_CLASHES) continue
      errors.push({
        line: row.line,
        field: 'reference',
        code: 'reference_exists',
        value: row.reference,
        message: `row ${row.line}: reference ${row.reference} is already used by another case`,
      })
    }
    if (errorCount > 0) {
      throw new AppError('BAD_REQUEST', errors.map((error) => error.message).join('\n'), {
        errors,
        errorCount,
      })
    }
    if (options.dryRun) return { created: 0, references: [], caseIds: [] }
    return repository.transaction(() => {
      const references: string[] = []
      const caseIds: string[] = []
      // Staged rows come without their long texts: SQL copies those from the staging table into each case.
      const written: Iterable<TImportRow & { stagedSeq?: number }> = rows.staged?.() ?? rows
      // In bulk: the cases' writes land in order in casework.db's B-trees (the commit's CPU per row stays flat).
      writer.bulk(() => {
        for (const row of written) {
          if (row.reference !== undefined) {
            const [, year, number] = /^CCIJ-(\d{4})-(\d+)$/.exec(row.reference) ?? []
            if (year !== undefined && number !== undefined)
              repository.reserveReferenceNumber(Number(year), Number(number))
          }
          const created = writer.createCase(row.intake, row.reference, row.stagedSeq)
          references.push(created.reference)
          caseIds.push(created.caseId)
        }
      })
      // Which cases the import created, so the trail answers "where did this case come from" (references only).
      writer.audit('import', null, {
        kind: 'intakes',
        created: references.length,
        references: references.slice(0, AUDITED_REFERENCES),
      })
      return { created: references.length, references, caseIds }
    })
  }

  /**
   * Where an intakes upload's checked rows wait, in the vault, until the import reads them (admins only; the admin
   * check runs again at every batch written, so a lock mid-upload stops it).
   */
  intakeStaging(): IntakeImportStaging {
    this.adminSession()
    return new IntakeImportStaging(() => this.adminSession().db)
  }

  /**
   * Where an intakes upload's checked rows go: for a dry run, nowhere (the preview rows and the reference numbers
   * stay in memory, so a dry run writes nothing to the vault); for an import, the vault's staging.
   */
  intakeSink(options: { dryRun: boolean }): TCheckedIntakeSink {
    if (!options.dryRun) return this.intakeStaging()
    this.adminSession()
    return checkedForDryRun(CSV_PREVIEW_ROWS)
  }

  /** Every case as one intake (profile merged across intakes, experiences and parties from all of them). */
  *exportCases(): Generator<{ reference: string; intake: TIntake; notes: string[] }> {
    const repository = new CaseRepository(this.adminSession().db)
    for (const row of repository.iterateCases()) {
      const notes = repository
        .eventsOf(row.id, TIMELINE_LIMIT)
        .filter((event) => event.body !== '')
        .reverse()
        .map((event) => event.body)
      yield { reference: row.reference, intake: caseAsIntake(repository, row), notes }
    }
  }

  /** Called by the CSV export after writing the file: an export is an audited event. */
  auditExport(details: { count: number; fileName: string }): void {
    this.adminSession().audit.record('export', null, { kind: 'intakes', ...details })
  }

  /** Every case whole (`ccij-cases-v1`), oldest first; the admin check runs now, not at the first case. */
  caseRecords(): Iterable<TCasesFileCase> {
    const { db } = this.adminSession()
    const repository = new CaseRepository(db)
    const queries = new CasesFileQueries(db)
    return (function* () {
      for (const row of repository.iterateCases()) yield caseRecordOf(queries, row)
    })()
  }

  /**
   * Add the cases of a checked `ccij-cases-v1` file, all or none: a reference or id the vault already holds refuses
   * the file (an import adds cases, it never overwrites one). Audited with the count, never contents.
   */
  importCaseRecords(
    cases: readonly TCasesFileCase[],
    options: { dryRun: boolean },
  ): { createdCases: { caseId: string; reference: string }[] } {
    const session = this.adminSession()
    const writer = new CaseWriter(session, null)
    const errors = clashesWithVault(new CasesFileQueries(session.db), cases)
    if (errors.length > 0) {
      throw new AppError('BAD_REQUEST', `The file clashes with the vault in ${errors.length} place(s).`, {
        errors,
      })
    }
    if (options.dryRun) return { createdCases: [] }
    return writer.repository.transaction(() => {
      for (const record of cases) writeImportedCase(writer, record)
      writer.audit('import', null, { kind: 'cases', created: cases.length })
      return { createdCases: cases.map(({ id, reference }) => ({ caseId: id, reference })) }
    })
  }

  auditCasesFileExport(details: { count: number; fileName: string }): void {
    this.adminSession().audit.record('export', null, { kind: 'cases', ...details })
  }

  nowIso(): string {
    return this.adminSession().clock.now().toISOString()
  }

  private adminSession(): TSession {
    return sessionIn(this.sessions, ADMIN_ONLY, 'Only an admin can import or export intakes.')
  }
}

/** One intake holding the whole case: the merged profile, every intake's experiences and parties, latest consent. */
function caseAsIntake(repository: CaseRepository, row: TCaseWithFile): TIntake {
  const profile = parse<TProfile>(row.profile)
  const intakes = repository.intakesOf(row.id).map((intakeRow) => parse<TIntake>(intakeRow.data))
  const first = intakes[0] ?? emptyIntake(row.opened_on)
  const latestConsent = new Map<string, TConsentRow>()
  for (const consent of repository.consentsOf(row.id)) {
    if (!latestConsent.has(consent.purpose)) latestConsent.set(consent.purpose, consent)
  }
  const joined = (texts: string[], separator: string) => texts.filter(Boolean).join(separator)
  return {
    meta: {
      ...first.meta,
      intakeDate: row.opened_on,
      notes: joined(
        intakes.map((each) => each.meta.notes),
        '\n',
      ),
    },
    person: profile.person,
    contact: parse<TContactRecord>(row.contact),
    languages: profile.languages,
    location: profile.location,
    experiences: {
      entries: intakes.flatMap((each) => each.experiences.entries),
      narrative: joined(
        intakes.map((each) => each.experiences.narrative),
        '\n\n',
      ),
    },
    adverseParties: intakes.flatMap((each) => each.adverseParties),
    needs: parse<TNeedsRecord>(row.needs),
    consent: [...latestConsent.values()].map((consent) => ({
      purpose: consent.purpose as TConsentPurpose,
      granted: consent.granted === 1,
      method: consent.method as TIntake['consent'][number]['method'],
      givenOn: consent.given_on,
      expiresOn: consent.expires_on,
      notes: consent.notes,
    })),
  }
}
