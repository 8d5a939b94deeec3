/**
 * The packet vocabularies: stable keys stored in timeline and audit entries (so a reprint can be rebuilt from the
 * record) and turned into words by the packet texts and the renderer's catalogs. Append new keys; never rename.
 */

/** Who a packet is for. docs/packets.md says what each kind carries. */
export const PACKET_KINDS = ['survivor', 'lawyer', 'organization', 'mp'] as const
export type TPacketKind = (typeof PACKET_KINDS)[number]

/** A packet's language, independent of the interface language. */
export const PACKET_LANGUAGES = ['en', 'fr'] as const
export type TPacketLanguage = (typeof PACKET_LANGUAGES)[number]

export const PAGE_SIZES = ['letter', 'a4'] as const
export type TPageSize = (typeof PAGE_SIZES)[number]

/**
 * The survivor's details a packet can carry, in the order they print. Consent decides which are allowed
 * (`core/packets/consent-gate.ts`, the table in docs/packets.md).
 */
// prettier-ignore
export const PACKET_FIELDS = [
  'name', 'original_script_name', 'date_of_birth', 'gender_pronouns', 'country_of_origin', 'location',
  'immigration_status', 'languages', 'legal_needs', 'key_dates', 'phone', 'email', 'safe_contact',
  'experiences', 'adverse_parties', 'narrative',
] as const
export type TPacketField = (typeof PACKET_FIELDS)[number]

/** Fields that name or locate the survivor: in a lawyer packet, only after the lawyer confirmed no conflict. */
// prettier-ignore
export const IDENTIFYING_FIELDS: readonly TPacketField[] = [
  'name', 'original_script_name', 'date_of_birth', 'phone', 'email', 'safe_contact', 'adverse_parties',
  'narrative',
]

/** Fields from the case's sensitive sections: never included unless chosen for this packet. */
// prettier-ignore
export const SENSITIVE_FIELDS: readonly TPacketField[] = [
  'phone', 'email', 'safe_contact', 'experiences', 'adverse_parties', 'narrative',
]

/** Why a field cannot go into a packet; the picker shows it, the print refuses it. */
// prettier-ignore
export const FIELD_REFUSALS = [
  'not_for_this_kind', 'no_share_consent', 'share_consent_withdrawn', 'share_consent_expired',
  'no_contact_consent', 'conflict_not_cleared', 'empty',
] as const
export type TFieldRefusal = (typeof FIELD_REFUSALS)[number]

/**
 * The version of the packets' fixed texts new packets print with (`packetTexts`, shared/packets/packet-texts.ts,
 * keeps every version): a record says which version printed, and a reprint uses that one.
 */
export const PACKET_TEMPLATE_VERSION = 2
