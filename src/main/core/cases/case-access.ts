import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { sessionIn, type TSession, type TSessionSource } from '../session/session'

/** The open session, for staff who handle survivors' cases (admins and caseworkers); viewers are refused. */
export const caseSession = (sessions: TSessionSource): TSession =>
  sessionIn(sessions, STAFF_WHO_HANDLE_CASES, 'Your role cannot open survivor records.')
