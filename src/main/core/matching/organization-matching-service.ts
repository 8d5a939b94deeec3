/**
 * Directory organizations ranked for one case, over the vault: the survivor as the lawyers' ranking sees them, the
 * directory's organizations still in use. Caseworkers and admins only (the reasons come from the survivor's record);
 * each ranking is audited as a view of the case, with counts only.
 */
import type { TOrganizationRankingView } from '../../../shared/contract/organization-matching'
import { RANKING_LIST_MAX } from '../../../shared/contract/referrals'
import { AppError } from '../../../shared/result'
import { STAFF_WHO_HANDLE_CASES } from '../../../shared/roles'
import { CaseRepository } from '../cases/case-repository'
import { staleBefore, toOrganization } from '../directory/directory-views'
import { OrganizationQueries } from '../directory/organization-repository'
import { sessionIn, type TSessionSource } from '../session/session'
import { survivorOfCase } from './case-ranking'
import type { TOrganization } from '../../../shared/contract/directory'
import { rankOrganizations, type TOrganizationRanking } from './organization-ranking'

export class OrganizationMatchingService {
  constructor(private readonly sessions: TSessionSource) {}

  /** The full ranking (every organization ranked or excluded); NOT_FOUND when there is no such case. */
  rankFull(caseId: string): TOrganizationRanking<TOrganization> {
    const session = sessionIn(
      this.sessions,
      STAFF_WHO_HANDLE_CASES,
      'Your role cannot open survivor records.',
    )
    const row = new CaseRepository(session.db).findCase(caseId)
    if (row === null) throw new AppError('NOT_FOUND', 'There is no case with this id.')
    const now = session.clock.now()
    const cutoff = staleBefore(now)
    // Retired organizations have left the directory's lists; referrals already made to them keep their names.
    const organizations = new OrganizationQueries(session.db)
      .list({ words: [], includeRetired: false })
      .map((organization) => toOrganization(organization, cutoff))
    const ranking = rankOrganizations(survivorOfCase(session, row), organizations, { now })
    session.db.transaction(() => {
      session.audit.record(
        'record.viewed',
        { type: 'case', id: caseId },
        { view: 'matching_organizations', ranked: ranking.ranked.length, excluded: ranking.excluded.length },
      )
    })
    return ranking
  }

  /** The case page's Organizations list: the best ones with their contacts, and the excluded ones with why. */
  rank(caseId: string): TOrganizationRankingView {
    const ranking = this.rankFull(caseId)
    return {
      caseId,
      ranked: ranking.ranked.slice(0, RANKING_LIST_MAX).map(({ organization, score, reasons }) => ({
        organizationId: organization.id,
        name: organization.name,
        category: organization.category,
        national: organization.national,
        website: organization.website,
        phone: organization.phone,
        email: organization.email,
        score,
        reasons,
      })),
      rankedTotal: ranking.ranked.length,
      excluded: ranking.excluded.slice(0, RANKING_LIST_MAX).map(({ organization, reasons }) => ({
        organizationId: organization.id,
        name: organization.name,
        reasons,
      })),
      excludedTotal: ranking.excluded.length,
    }
  }
}
