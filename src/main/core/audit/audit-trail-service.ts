import type { TAuditPage, TAuditQuery, TAuditVerification } from '../../../shared/contract/audit'
import { ADMIN_ONLY } from '../../../shared/roles'
import { ONLY_ADMINS, sessionIn, type TSessionSource } from '../session/session'
import { AuditRepository } from './audit-repository'
import { checkTrail } from './audit-seal'

/**
 * Reading the audit trail (admins only): the Audit screen's pages and the check against the admin-sealed checkpoint.
 * Writing to it is every service's own business, through `session.audit`.
 */
export class AuditTrailService {
  constructor(private readonly sessions: TSessionSource) {}

  list(query: TAuditQuery = {}): TAuditPage {
    return new AuditRepository(sessionIn(this.sessions, ADMIN_ONLY, ONLY_ADMINS).db).list(query)
  }

  /**
   * Intact, edited, rewritten, truncated or rolled back, and how many newest entries no checkpoint seals yet. An
   * intact trail is sealed again afterwards (a checkpoint at every admin action).
   */
  verify(): TAuditVerification {
    const session = sessionIn(this.sessions, ADMIN_ONLY, ONLY_ADMINS)
    const sealing = session.sealing()
    if (sealing === null) throw new Error('an admin session holds the admin key')
    const report = checkTrail(sealing.context)
    if (report.ok && sealing.seal()) return { ...report, ...afterSeal(new AuditRepository(session.db)) }
    return report
  }
}

/** The report after this verify sealed the head: nothing is left unsealed. */
function afterSeal(trail: AuditRepository): Pick<TAuditVerification, 'sealedThroughSeq' | 'unsealedCount'> {
  return { sealedThroughSeq: trail.head()?.seq ?? 0, unsealedCount: 0 }
}
