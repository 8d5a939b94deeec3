import { sql } from '../../db/sql'
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { CSV_MAX_REPORTED_PROBLEMS, type TCsvProblem } from '../../../../shared/contract/csv'
import type { TDuplicateAction } from '../../../../shared/contract/lawyers'
import { STAFF_WHO_HANDLE_CASES } from '../../../../shared/roles'
import { writeCsvFileAtomic } from '../../csv/csv-file-writer'
import { writeFileAtomic } from '../../fs/atomic-write'
import { sessionIn, type TSessionSource } from '../../session/session'
import { toOrganizationFields, toResourceFields } from '../directory-views'
import { OrganizationQueries, OrganizationRepository } from '../organization-repository'
import { ResourceQueries, ResourceRepository } from '../resource-repository'
import type { TReadableDb, TWritableDb } from '../../db/connection'
import { DIRECTORY_CSV_HEADER, directoryCells } from './directory-csv'
import { entryKeyOf, type TDirectoryEntry } from './directory-entry'
import { directoryJson } from './directory-json'
import { parseDirectoryFile, type TDirectoryFormat } from './parse-directory-file'

export type TDirectoryImportCheck = {
  accepted: boolean
  /** Entries in the file. */
  entries: number
  /** Entries already in the directory (same organization name, same resource link or title). */
  duplicates: number
  /** The first CSV_MAX_REPORTED_PROBLEMS problems, in file order. */
  problems: TCsvProblem[]
  problemCount: number
}

export type TDirectoryImportResult = { added: number; updated: number; skipped: number }

type TStored = { id: string; entry: TDirectoryEntry }

/** Every entry of the directory, retired ones included: organizations by name, then resources by title. */
function* storedEntries(db: TReadableDb): Generator<TStored> {
  for (const row of new OrganizationQueries(db).list({ words: [], includeRetired: true }))
    yield {
      id: row.id,
      entry: { kind: 'organization', fields: toOrganizationFields(row), retired: row.retired_at !== null },
    }
  for (const row of new ResourceQueries(db).list({ words: [], includeRetired: true }))
    yield {
      id: row.id,
      entry: { kind: 'resource', fields: toResourceFields(row), retired: row.retired_at !== null },
    }
}

/** Writes `entry` as a new entry `id`, or over the stored one `id`, retired or not as the file says. */
function writeEntry(
  db: TWritableDb,
  entry: TDirectoryEntry,
  id: string,
  stored: TStored | undefined,
  at: string,
): void {
  const repository =
    entry.kind === 'organization' ? new OrganizationRepository(db) : new ResourceRepository(db)
  if (entry.kind === 'organization') {
    const organizations = new OrganizationRepository(db)
    if (stored === undefined) organizations.insert(id, entry.fields, at)
    else organizations.update(id, entry.fields, at)
  } else {
    const resources = new ResourceRepository(db)
    if (stored === undefined) resources.insert(id, entry.fields, at)
    else resources.update(id, entry.fields, at)
  }
  if (entry.retired !== (stored?.entry.retired ?? false))
    repository.setRetired(id, entry.retired ? at : null, at)
}

/**
 * The referral directory in and out as one file, CSV or JSON (the admin CLI's `import directory` and `export
 * directory`). An import checks every entry first and then writes all of them or none; entries already in the
 * directory are skipped or, when asked, overwritten. Caseworkers and admins may do both; each is one audit entry.
 */
export class DirectoryTransferService {
  constructor(private readonly sessions: TSessionSource) {}

  /** The dry run: every problem by row and column, and how many entries are already in the directory. */
  check(text: string, format: TDirectoryFormat): TDirectoryImportCheck {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    return this.analyze(session.db, text, format).check
  }

  /** Every entry or none, in one transaction; audited once with the counts. */
  commit(
    text: string,
    format: TDirectoryFormat,
    duplicates: TDuplicateAction,
    source = '',
  ): { imported: true; result: TDirectoryImportResult } | { imported: false; check: TDirectoryImportCheck } {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const at = session.clock.now().toISOString()
    return session.db.transaction(() => {
      // vault.db's write lock before the file is checked against the directory (a write that changes nothing takes
      // it), not BEGIN IMMEDIATE: that takes casework.db's lock too, and the commit then goes through a
      // super-journal though only vault.db changes (ARCHITECTURE.md, "Storage").
      session.db.run(sql`UPDATE organizations SET id = id WHERE 0`)
      const { check, entries, existing } = this.analyze(session.db, text, format)
      if (!check.accepted) return { imported: false as const, check }
      const result: TDirectoryImportResult = { added: 0, updated: 0, skipped: 0 }
      for (const entry of entries) {
        const stored = existing.get(entryKeyOf(entry))
        if (stored === undefined) {
          writeEntry(session.db, entry, randomUUID(), undefined, at)
          result.added += 1
        } else if (duplicates === 'skip') {
          result.skipped += 1
        } else {
          if (JSON.stringify(stored.entry) !== JSON.stringify(entry))
            writeEntry(session.db, entry, stored.id, stored, at)
          result.updated += 1
        }
      }
      session.audit.record('import', null, {
        kind: 'directory',
        ...result,
        ...(source === '' ? {} : { source }),
      })
      return { imported: true as const, result }
    })
  }

  /** The whole directory to `destination` (CSV or JSON by its extension), atomically and 0600; audited. */
  exportTo(destination: string, format: TDirectoryFormat): { count: number; fileName: string } {
    const session = sessionIn(this.sessions, STAFF_WHO_HANDLE_CASES)
    const entries = [...storedEntries(session.db)].map((stored) => stored.entry)
    if (format === 'csv') writeCsvFileAtomic(destination, DIRECTORY_CSV_HEADER, entries.map(directoryCells))
    else writeFileAtomic(destination, directoryJson(entries), 0o600)
    const fileName = basename(destination)
    session.audit.record('export', null, { kind: 'directory', count: entries.length, fileName })
    return { count: entries.length, fileName }
  }

  private analyze(
    db: TReadableDb,
    text: string,
    format: TDirectoryFormat,
  ): { check: TDirectoryImportCheck; entries: TDirectoryEntry[]; existing: Map<string, TStored> } {
    const { entries, problems } = parseDirectoryFile(text, format)
    const existing = new Map<string, TStored>()
    for (const stored of storedEntries(db)) existing.set(entryKeyOf(stored.entry), stored)
    const check: TDirectoryImportCheck = {
      accepted: problems.length === 0,
      entries: entries.length,
      duplicates: entries.filter((entry) => existing.has(entryKeyOf(entry))).length,
      problems: problems.slice(0, CSV_MAX_REPORTED_PROBLEMS),
      problemCount: problems.length,
    }
    return { check, entries, existing }
  }
}
