import type {
  TPacketField,
  TPacketKind,
  TPacketLanguage,
  TPageSize,
} from '../../../shared/packets/vocabulary'

/** A person or office a packet is addressed to, or sent from: a name and address or contact lines. */
export type TPacketParty = { name: string; lines: readonly string[] }

/** A directory organization as the survivor's packet lists it. */
export type TPacketOrganization = {
  name: string
  /** Empty for national organizations. */
  provinces: readonly string[]
  national: boolean
  /** Names of its languages, in the packet's language. */
  languages: readonly string[]
  phone: string
  website: string
}

export type TPacketResource = { title: string; url: string }

/**
 * Everything a packet prints, already decided and worded: consent has chosen the details, and every value is text
 * in the packet's language. `renderPacketHtml` only lays it out, so a reprint from the same model is the same.
 */
export type TPacketModel = {
  /** Printed in every page's footer and kept in the record. */
  packetId: string
  kind: TPacketKind
  language: TPacketLanguage
  pageSize: TPageSize
  /** YYYY-MM-DD. */
  date: string
  /** The case reference (CCIJ-YYYY-NNNN). */
  reference: string
  recipient: TPacketParty
  /** The caseworker who prepared it. */
  sender: TPacketParty
  /** The survivor's details, in the order they print; only fields consent allows and staff chose. */
  details: readonly { field: TPacketField; lines: readonly string[] }[]
  /** Lawyer packets: whether the lawyer's "no conflict" confirmation is recorded. */
  conflictCleared: boolean
  /** A letter's paragraphs (the MP letter's template, filled in); empty for other kinds. */
  letter: readonly string[]
  /**
   * The survivor's packet: the organizations matching ranks for the survivor (province or national, needs,
   * languages), best suited first, as the case page's Organizations list orders them.
   */
  organizations: readonly TPacketOrganization[]
  /** Then the other organizations serving their province or all of Canada, those speaking their languages first. */
  otherOrganizations: readonly TPacketOrganization[]
  /** The survivor's packet: background resources. */
  resources: readonly TPacketResource[]
}
