import { CASES_FILE_FORMAT, type TCasesFileCase } from '../../../../shared/cases/cases-file-schema'
import { ZCaseFileSchema } from '../../../../shared/cases/case-file-schema'
import { ZIntakeSchema, type TIntake } from '../../../../shared/cases/intake-schema'
import type { z } from 'zod'
import type { TCaseStatus, TTaskOrigin, TTimelineKind } from '../../../../shared/cases/vocabulary'
import { caseFileOf } from '../case-edit'
import type { TCaseWithFile } from '../case-rows'
import { parse, stateOf } from '../case-views'
import type { CasesFileQueries } from './cases-file-queries'

/**
 * A stored value in the schema's own shape (its key order): what an import writes back, so the second export reads
 * the same. A value the schema no longer accepts is written as stored (the import will name it).
 */
const canonical = <T extends z.ZodType>(schema: T, value: z.output<T>): z.output<T> => {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : value
}

type TConsentDecision = TCasesFileCase['consents'][number]['decision']

/** One case as `ccij-cases-v1` holds it: the stored rows, staff ids left out (accounts belong to one vault). */
export function caseRecordOf(queries: CasesFileQueries, row: TCaseWithFile): TCasesFileCase {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as TCaseStatus,
    statusReason: row.status_reason,
    openedOn: row.opened_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    file: canonical(ZCaseFileSchema, caseFileOf(stateOf(row))),
    intakes: queries.intakesOf(row.id).map((intake) => ({
      id: intake.id,
      recordedAt: intake.recorded_at,
      intake: canonical(ZIntakeSchema, parse<TIntake>(intake.data)),
    })),
    consents: queries.consentsOf(row.id).map((consent) => ({
      id: consent.id,
      recordedAt: consent.recorded_at,
      decision: {
        purpose: consent.purpose as TConsentDecision['purpose'],
        granted: consent.granted === 1,
        method: consent.method as TConsentDecision['method'],
        givenOn: consent.given_on,
        expiresOn: consent.expires_on,
        notes: consent.notes,
      },
    })),
    timeline: queries.eventsOf(row.id).map((event) => ({
      id: event.id,
      kind: event.kind as TTimelineKind,
      occurredAt: event.occurred_at,
      recordedAt: event.recorded_at,
      body: event.body,
      details: parse<Record<string, string | number | boolean | null>>(event.details),
    })),
    tasks: queries.tasksOf(row.id).map((task) => ({
      id: task.id,
      title: task.title,
      dueOn: task.due_on,
      origin: task.origin as TTaskOrigin,
      createdAt: task.created_at,
      doneAt: task.done_at,
    })),
  }
}

/**
 * The file's text in pieces: a header, then one case per line, so a reader (or `grep`) sees where each case is
 * and the writer never holds more than one case's text at a time. `onCase` counts what was written.
 */
export function* casesFileChunks(
  exportedAt: string,
  records: Iterable<TCasesFileCase>,
  onCase: () => void,
): Generator<string> {
  yield `{"format":${JSON.stringify(CASES_FILE_FORMAT)},"exportedAt":${JSON.stringify(exportedAt)},"cases":[`
  let first = true
  for (const record of records) {
    yield `${first ? '' : ','}\n${JSON.stringify(record)}`
    first = false
    onCase()
  }
  yield '\n]}\n'
}
