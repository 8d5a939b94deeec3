import type { TCasesFileCase } from '../../../../shared/cases/cases-file-schema'
import { listColumnsOf, matchKeysOf, type TCaseState } from '../case-records'
import type { CaseWriter } from '../case-writer'

const stateOfRecord = ({ file }: TCasesFileCase): TCaseState => ({
  profile: { person: file.person, languages: file.languages, location: file.location },
  contact: file.contact,
  needs: file.needs,
})

/**
 * One case of a `ccij-cases-v1` file into the vault as it was: its ids, references and times kept (the timeline's
 * details point at intake and task ids), staff left empty ("Imported"), and what the vault derives from a case —
 * list columns, match keys, the search document, the year's reference counter — made again. The caller holds the
 * transaction around the whole file.
 */
export function writeImportedCase(writer: CaseWriter, record: TCasesFileCase): void {
  const { repository } = writer
  const state = stateOfRecord(record)
  const rowid = repository.insertCase({
    id: record.id,
    reference: record.reference,
    status: record.status,
    status_reason: record.statusReason,
    assigned_account_id: null,
    profile: JSON.stringify(state.profile),
    contact: JSON.stringify(state.contact),
    needs: JSON.stringify(state.needs),
    ...listColumnsOf(state, record.status),
    opened_on: record.openedOn,
    created_at: record.createdAt,
    created_by: null,
    updated_at: record.updatedAt,
  })
  for (const { id, recordedAt, intake } of record.intakes) {
    repository.insertIntake({
      id,
      case_id: record.id,
      intake_date: intake.meta.intakeDate,
      method: intake.meta.method,
      staff_account_id: null,
      data: JSON.stringify(intake),
      recorded_at: recordedAt,
    })
  }
  for (const { id, recordedAt, decision } of record.consents) {
    repository.insertConsent({
      id,
      case_id: record.id,
      purpose: decision.purpose,
      granted: decision.granted ? 1 : 0,
      method: decision.method,
      given_on: decision.givenOn,
      expires_on: decision.expiresOn,
      notes: decision.notes,
      recorded_by: null,
      recorded_at: recordedAt,
    })
  }
  for (const event of record.timeline) {
    repository.insertEvent({
      id: event.id,
      case_id: record.id,
      kind: event.kind,
      occurred_at: event.occurredAt,
      body: event.body,
      details: JSON.stringify(event.details),
      author_account_id: null,
      recorded_at: event.recordedAt,
    })
  }
  for (const task of record.tasks) {
    repository.insertTask({
      id: task.id,
      case_id: record.id,
      title: task.title,
      due_on: task.dueOn,
      origin: task.origin,
      done_at: task.doneAt,
      done_by: null,
      created_by: null,
      created_at: task.createdAt,
    })
  }
  const [, year, number] = /^CCIJ-(\d{4})-(\d+)$/.exec(record.reference) ?? []
  repository.reserveReferenceNumber(Number(year), Number(number))
  repository.replaceMatchKeys('case', record.id, matchKeysOf(state))
  writer.reindex(record.id, rowid, record.reference, state.profile)
}
