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
 * What the survivor's packet lists from the directory (issue 10): organizations serving a province and national
 * ones, ordered with those speaking the survivor's languages first, and the background resources.
 */
export type TPacketDirectory = {
  organizationsFor(
    session: TSession,
    province: string,
    languages: readonly string[],
    packetLanguage: 'en' | 'fr',
  ): TPacketOrganization[]
  resources(session: TSession): TPacketResource[]
}
