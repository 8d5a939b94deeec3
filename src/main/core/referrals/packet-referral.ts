/**
 * The packets' view of a referral (`TReferralLookup`): who it is for, addressed as the roster or directory has
 * them today, and when the lawyer's own "no conflict" confirmation was recorded (identifying details wait for it).
 * A declined or closed referral is no one's to send a packet to any more.
 */
import type { TCaseReferrals, TPacketReferral, TReferralLookup } from '../packets/packet-sources'
import { OrganizationQueries } from '../directory/organization-repository'
import { LawyerQueries } from '../roster/lawyer-repository'
import { displayNameOf } from '../roster/lawyer-views'
import type { TSession } from '../session/session'
import { ReferralQueries } from './referral-repository'
import type { TReferralRow } from './referral-rows'

const FINISHED: readonly string[] = ['declined', 'closed']

const lines = (...values: readonly string[]): string[] => values.filter((value) => value.trim() !== '')

const recipientOf = (
  session: TSession,
  kind: string,
  id: string,
  recordedName: string,
): TPacketReferral['recipient'] => {
  if (kind === 'lawyer') {
    const lawyer = new LawyerQueries(session.db).get(id)?.row
    if (lawyer === undefined) return { name: recordedName, lines: [] }
    const place = [lawyer.city, lawyer.province].filter((part) => part !== '').join(', ')
    return { name: displayNameOf(lawyer), lines: lines(lawyer.firm, place, lawyer.email, lawyer.phone) }
  }
  const organization = new OrganizationQueries(session.db).get(id)
  if (organization === undefined) return { name: recordedName, lines: [] }
  return {
    name: organization.name,
    lines: lines(organization.website, organization.email, organization.phone),
  }
}

const packetReferralOf = (session: TSession, row: TReferralRow): TPacketReferral => ({
  referralId: row.id,
  caseId: row.case_id,
  recipientKind: row.recipient_kind === 'lawyer' ? 'lawyer' : 'organization',
  recipient: recipientOf(session, row.recipient_kind, row.recipient_id, row.recipient_name),
  conflictClearedAt: row.conflict_confirmed_at,
})

export const vaultReferralLookup: TReferralLookup = (session, referralId) => {
  const row = new ReferralQueries(session.db).get(referralId)
  if (row === undefined || FINISHED.includes(row.state)) return null
  return packetReferralOf(session, row)
}

/** The case's referrals a packet can still be made for (open ones: not declined or closed), for the dialog. */
export const vaultCaseReferrals: TCaseReferrals = (session, caseId) =>
  new ReferralQueries(session.db).openOf(caseId).map((row) => packetReferralOf(session, row))
