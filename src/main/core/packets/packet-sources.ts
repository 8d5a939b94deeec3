import type { TCaseWithFile } from '../cases/case-rows'
import type { TSession } from '../session/session'
import type { TPacketOrganization, TPacketParty, TPacketResource } from './packet-model'

/**
 * What a lawyer or organization packet needs from a referral (matching, issue 11). Matching provides
 * `TReferralLookup`; until it does, no referral exists, so lawyer packets carry no identifying details.
 */
export type TPacketReferral = {
  referralId: string
  caseId: string
  recipientKind: 'lawyer' | 'organization'
  /** The lawyer or organization, named and addressed as the roster or directory has them. */
  recipient: TPacketParty
  /** When the lawyer recorded their own "no conflict" confirmation; null until they have. */
  conflictClearedAt: string | null
}

export type TReferralLookup = (session: TSession, referralId: string) => TPacketReferral | null

/**
 * The case's referrals (matching, issue 11), so the packet dialog can offer them: a lawyer or organization packet
 * made from a referral is addressed as the roster or directory has the recipient, and the lawyer's own
 * "no conflict" confirmation counts. Until matching provides it, a case has none to offer.
 */
export type TCaseReferrals = (session: TSession, caseId: string) => readonly TPacketReferral[]

/** The survivor's packet's organizations: those ranked for them, best first, then the others near them. */
export type TPacketOrganizations = {
  matched: TPacketOrganization[]
  others: TPacketOrganization[]
}

/**
 * What the survivor's packet lists from the directory (issues 10 and 11): the organizations ranked for the case's
 * survivor, as the case page's Organizations list ranks them, then the other organizations serving their province
 * and national ones; and the background resources.
 */
export type TPacketDirectory = {
  /** `row` is the case as the packet already read it, so the directory does not read it again. */
  organizationsFor(session: TSession, row: TCaseWithFile, packetLanguage: 'en' | 'fr'): TPacketOrganizations
  resources(session: TSession): TPacketResource[]
}
