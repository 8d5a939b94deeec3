import type { TConsentPurpose } from '../../../shared/cases/vocabulary'
import {
  IDENTIFYING_FIELDS,
  PACKET_FIELDS,
  SENSITIVE_FIELDS,
  type TFieldRefusal,
  type TPacketField,
  type TPacketKind,
} from '../../../shared/packets/vocabulary'

/** A consent record as the gate needs it: the case's history, any order. */
export type TConsentFact = {
  purpose: TConsentPurpose
  granted: boolean
  /** YYYY-MM-DD. */
  givenOn: string
  /** YYYY-MM-DD or '' for no expiry. */
  expiresOn: string
  /** ISO 8601: which record is the latest for its purpose. */
  recordedAt: string
}

/** What the gate decides from. */
export type TGateInput = {
  kind: TPacketKind
  consents: readonly TConsentFact[]
  /** YYYY-MM-DD, in the vault's clock. */
  today: string
  /** Lawyer packets: the lawyer's own "no conflict" confirmation is recorded on the referral. */
  conflictCleared: boolean
  /** Whether the case holds anything for the field; empty fields are offered as "nothing to include". */
  hasContent: (field: TPacketField) => boolean
}

export type TFieldDecision = {
  field: TPacketField
  allowed: boolean
  /** Why not, when not allowed. */
  refusal: TFieldRefusal | null
  /** Sensitive fields are opt-in for every packet, even when allowed. */
  sensitive: boolean
}

/** What the survivor's own packet may show: their name and where they are, nothing sensitive. */
const SURVIVOR_FIELDS: readonly TPacketField[] = ['name', 'location', 'languages']

/**
 * What a letter to an MP may show. There is no consent purpose for elected officials yet, so the letter follows
 * the organization-sharing consent: an MP's office is an outside body, like an organization (docs/packets.md).
 */
// prettier-ignore
const MP_FIELDS: readonly TPacketField[] = [
  'name', 'country_of_origin', 'location', 'immigration_status', 'legal_needs', 'key_dates',
]

const SHARE_PURPOSE: Record<Exclude<TPacketKind, 'survivor'>, TConsentPurpose> = {
  lawyer: 'share_with_lawyer',
  organization: 'share_with_organization',
  mp: 'share_with_organization',
}

/** Contact details also need the survivor's agreement to be reached that way (any one purpose listed). */
const CONTACT_PURPOSES: Partial<Record<TPacketField, readonly TConsentPurpose[]>> = {
  phone: ['contact_by_phone', 'contact_by_text'],
  email: ['contact_by_email'],
  safe_contact: ['contact_by_phone', 'contact_by_text', 'contact_by_email'],
}

type TConsentState = 'given' | 'none' | 'withdrawn' | 'expired'

/** The latest record per purpose counts: given, already in effect and not expired. */
export function consentState(
  consents: readonly TConsentFact[],
  purpose: TConsentPurpose,
  today: string,
): TConsentState {
  let latest: TConsentFact | null = null
  for (const consent of consents) {
    if (consent.purpose !== purpose) continue
    if (latest === null || consent.recordedAt > latest.recordedAt) latest = consent
  }
  if (latest === null) return 'none'
  if (!latest.granted) return 'withdrawn'
  if (latest.givenOn !== '' && latest.givenOn > today) return 'none'
  if (latest.expiresOn !== '' && latest.expiresOn < today) return 'expired'
  return 'given'
}

const SHARE_REFUSAL: Record<Exclude<TConsentState, 'given'>, TFieldRefusal> = {
  none: 'no_share_consent',
  withdrawn: 'share_consent_withdrawn',
  expired: 'share_consent_expired',
}

function refusalFor(input: TGateInput, field: TPacketField): TFieldRefusal | null {
  const { kind, consents, today } = input
  if (kind === 'survivor') return SURVIVOR_FIELDS.includes(field) ? null : 'not_for_this_kind'
  if (kind === 'mp' && !MP_FIELDS.includes(field)) return 'not_for_this_kind'
  const share = consentState(consents, SHARE_PURPOSE[kind], today)
  if (share !== 'given') return SHARE_REFUSAL[share]
  const contactPurposes = CONTACT_PURPOSES[field]
  if (
    contactPurposes !== undefined &&
    !contactPurposes.some((purpose) => consentState(consents, purpose, today) === 'given')
  ) {
    return 'no_contact_consent'
  }
  if (kind === 'lawyer' && IDENTIFYING_FIELDS.includes(field) && !input.conflictCleared) {
    return 'conflict_not_cleared'
  }
  return null
}

/** Every field, allowed or not and why: what the picker shows and what printing enforces. */
export function decideFields(input: TGateInput): TFieldDecision[] {
  return PACKET_FIELDS.map((field) => {
    const refusal = refusalFor(input, field) ?? (input.hasContent(field) ? null : 'empty')
    return { field, allowed: refusal === null, refusal, sensitive: SENSITIVE_FIELDS.includes(field) }
  })
}

/** The fields a packet prints by default: everything allowed except the sensitive, which are opt-in. */
export const defaultFields = (decisions: readonly TFieldDecision[]): TPacketField[] =>
  decisions.filter((decision) => decision.allowed && !decision.sensitive).map((decision) => decision.field)
