import type { TAuditPage, TAuditQuery, TAuditVerification } from '../../../shared/contract/audit'
import type { TSessionSource } from '../session/session'
import { AuditRepository } from './audit-repository'

/**
 * Reading the audit trail: the Audit screen's pages and the chain check. Writing to it is every service's own
 * business, through `session.audit`.
 */
export class AuditTrailService {
  constructor(private readonly sessions: TSessionSource) {}

  list(query: TAuditQuery = {}): TAuditPage {
    return new AuditRepository(this.sessions.require().db).list(query)
  }

  verify(): TAuditVerification {
    return new AuditRepository(this.sessions.require().db).verify()
  }
}
