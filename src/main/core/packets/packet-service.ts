import { createHash, randomBytes } from 'node:crypto'
import type { TIntake } from '../../../shared/cases/intake-schema'
import type { TConsentPurpose } from '../../../shared/cases/vocabulary'
import {
  ZPacketChoicesRequestSchema,
  ZPacketRequestSchema,
  type TPacketChoices,
  type TPacketChoicesRequest,
  type TPacketRecord,
  type TPacketRequest,
} from '../../../shared/contract/packets'
import { letterParagraphs, type TLetterPlaceholder } from '../../../shared/packets/letter-template'
import { fillText, packetTexts } from '../../../shared/packets/packet-texts'
import {
  PACKET_FIELDS,
  PACKET_TEMPLATE_VERSION,
  type TPacketField,
  type TPacketLanguage,
} from '../../../shared/packets/vocabulary'
import { AppError } from '../../../shared/result'
import type { TCaseWithFile } from '../cases/case-rows'
import type { TContactRecord, TNeedsRecord, TProfile } from '../cases/case-records'
import { caseSession } from '../cases/case-access'
import { parse } from '../cases/case-views'
import { CaseWriter } from '../cases/case-writer'
import type { TSession, TSessionSource } from '../session/session'
import { decideFields, defaultFields, type TFieldDecision } from './consent-gate'
import { detailLines, type TSurvivorFacts } from './packet-details'
import { embeddedFontCss, PACKET_FONT_STACK } from './packet-fonts'
import type { TPacketModel, TPacketParty } from './packet-model'
import type { TCaseReferrals, TPacketDirectory, TPacketReferral, TReferralLookup } from './packet-sources'
import { letterTemplateIn } from './letter-template-service'
import { renderPacketHtml } from './render-packet-html'

/** A packet ready to print: the document, and the record that will be kept of it. */
export type TPreparedPacket = { html: string; record: TPacketRecord }

/**
 * The packet ID and date of a packet being printed or reprinted, the version of the fixed texts it printed with
 * (default: the current one), and for MP letters the letter's version, so the same choices give the same document
 * even after the texts were reworded.
 */
export type TPacketIdentity = {
  packetId: string
  date: string
  templateVersion?: number
  letterVersion?: number | null
}

type TCaseForPacket = {
  caseId: string
  /** The case as read for this packet, handed to the directory so it is read once. */
  row: TCaseWithFile
  reference: string
  facts: TSurvivorFacts
  consents: {
    purpose: TConsentPurpose
    granted: boolean
    givenOn: string
    expiresOn: string
    recordedAt: string
  }[]
}

/** PKT- and eight base32 characters in two groups: short enough to read out on the phone. */
export function newPacketId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const code = [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('')
  return `PKT-${code.slice(0, 4)}-${code.slice(4)}`
}

const contentHashOf = (html: string): string => createHash('sha256').update(html, 'utf8').digest('hex')

/**
 * Referral packets and letters for a case (docs/packets.md). Consent decides which of the survivor's details a
 * packet may carry, checked here on every preview and print whatever the screen offered; a printed packet is
 * recorded on the case timeline and in the audit trail with its choices and a hash, never its content.
 */
export class PacketService {
  constructor(
    private readonly sessions: TSessionSource,
    private readonly directory: TPacketDirectory | null = null,
    private readonly referrals: TReferralLookup | null = null,
    private readonly caseReferrals: TCaseReferrals | null = null,
  ) {}

  /** The case with this reference number (CCIJ-YYYY-NNNN), for the admin CLI. */
  caseIdOf(reference: string): string {
    const caseId = new CaseWriter(caseSession(this.sessions)).repository.caseIdOf(
      reference.trim().toUpperCase(),
    )
    if (caseId === null) throw new AppError('NOT_FOUND', `There is no case ${reference}.`)
    return caseId
  }

  /** What the picker offers: every field with whether consent allows it, and why not. */
  choices(request: TPacketChoicesRequest): TPacketChoices {
    const parsed = ZPacketChoicesRequestSchema.parse(request)
    const session = caseSession(this.sessions)
    const found = this.caseFor(session, parsed.caseId)
    const referral = this.referralFor(session, parsed.caseId, parsed.kind, parsed.referralId)
    const decisions = this.decide(session, found, parsed.kind, referral)
    const preferred = found.facts.profile.languages.preferred
    return {
      defaultLanguage: preferred === 'fr' ? 'fr' : 'en',
      decisions,
      defaultFields: defaultFields(decisions),
      conflictCleared: referral?.conflictClearedAt != null,
      referrals:
        parsed.kind === 'lawyer' || parsed.kind === 'organization'
          ? (this.caseReferrals?.(session, parsed.caseId) ?? [])
              .filter((each) => each.caseId === parsed.caseId && each.recipientKind === parsed.kind)
              .map((each) => ({
                referralId: each.referralId,
                recipientName: each.recipient.name,
                conflictCleared: each.conflictClearedAt !== null,
              }))
          : [],
    }
  }

  /**
   * The packet's document, checked against consent: a field consent does not allow is refused by name, whatever
   * asked for it. Previewing shows the survivor's details on screen, so it is an audited view of the record.
   */
  preview(request: TPacketRequest): TPreparedPacket {
    const session = caseSession(this.sessions)
    const prepared = this.prepareIn(session, request, { packetId: newPacketId(), date: today(session) })
    new CaseWriter(session).audit('record.viewed', prepared.caseId, {
      section: 'packet',
      kind: prepared.packet.record.kind,
      fields: prepared.packet.record.fields,
    })
    return prepared.packet
  }

  /** The packet to print, with a new packet ID; `recordPrinted` keeps its record once the PDF or print exists. */
  prepare(request: TPacketRequest, identity?: TPacketIdentity): TPreparedPacket {
    const session = caseSession(this.sessions)
    return this.prepareIn(session, request, identity ?? { packetId: newPacketId(), date: today(session) })
      .packet
  }

  /**
   * Records a packet that was printed: timeline entry `packet` and audit entry `packet.printed`, in one
   * transaction. Consent is checked once more and the document rebuilt: if the case or its consent changed since
   * `prepare`, the hash differs and nothing is recorded (CONFLICT), so the record always describes what printed.
   */
  recordPrinted(request: TPacketRequest, printed: TPacketRecord): TPacketRecord {
    const session = caseSession(this.sessions)
    const writer = new CaseWriter(session)
    return writer.repository.transaction(() => {
      const { caseId, packet } = this.prepareIn(session, request, {
        packetId: printed.packetId,
        date: printed.date,
        templateVersion: printed.templateVersion,
        letterVersion: printed.letterVersion,
      })
      if (packet.record.contentHash !== printed.contentHash) {
        throw new AppError(
          'CONFLICT',
          'The case or its consent changed while the packet was being made; make it again.',
        )
      }
      const { record } = packet
      const at = writer.nowIso()
      const details = {
        packetId: record.packetId,
        kind: record.kind,
        language: record.language,
        pageSize: record.pageSize,
        date: record.date,
        recipient: record.recipient,
        fields: record.fields.join(','),
        templateVersion: record.templateVersion,
        letterVersion: record.letterVersion,
        contentHash: record.contentHash,
      }
      writer.event(caseId, 'packet', at, '', details, at)
      writer.repository.touchCase(caseId, at)
      writer.audit('packet.printed', caseId, { ...details, fields: record.fields })
      return record
    })
  }

  private prepareIn(
    session: TSession,
    request: TPacketRequest,
    identity: TPacketIdentity,
  ): { caseId: string; packet: TPreparedPacket } {
    const parsed = ZPacketRequestSchema.parse(request)
    const { kind, language } = parsed
    const found = this.caseFor(session, parsed.caseId)
    const referral = this.referralFor(session, parsed.caseId, kind, parsed.referralId)
    const decisions = this.decide(session, found, kind, referral)
    const fields = PACKET_FIELDS.filter((field) => parsed.fields.includes(field))
    for (const field of fields) {
      const decision = decisions.find((each) => each.field === field)
      if (decision !== undefined && !decision.allowed && decision.refusal !== 'empty') {
        throw new AppError('FORBIDDEN', `This packet cannot include ${field}: ${decision.refusal ?? ''}.`, {
          field,
          refusal: decision.refusal,
        })
      }
    }
    const templateVersion = identity.templateVersion ?? PACKET_TEMPLATE_VERSION
    const texts = packetTexts(language, templateVersion)
    const printed = fields.filter((field) => decisions.find((each) => each.field === field)?.allowed === true)
    const recipient = this.recipientFor(parsed.recipient, referral, found, kind)
    const letter =
      kind === 'mp' ? letterTemplateIn(session.db, language, identity.letterVersion ?? undefined) : null
    const model: TPacketModel = {
      packetId: identity.packetId,
      kind,
      language,
      pageSize: parsed.pageSize,
      date: identity.date,
      reference: found.reference,
      recipient,
      sender: { name: session.staff.displayName, lines: [texts.organization] },
      details: printed.map((field) => ({ field, lines: detailLines(found.facts, field, texts, language) })),
      conflictCleared: referral?.conflictClearedAt != null,
      letter:
        letter === null
          ? []
          : letterParagraphs(letter.body).map((paragraph) =>
              fillText(paragraph, {
                mp: recipient.name,
                caseworker: session.staff.displayName,
                reference: found.reference,
              } satisfies Record<TLetterPlaceholder, string>),
            ),
      ...(kind === 'survivor'
        ? this.organizationsFor(session, found, language)
        : { organizations: [], otherOrganizations: [] }),
      resources: kind === 'survivor' && this.directory !== null ? this.directory.resources(session) : [],
    }
    const html = renderPacketHtml(model, texts, embeddedFontCss, PACKET_FONT_STACK)
    return {
      caseId: found.caseId,
      packet: {
        html,
        record: {
          packetId: model.packetId,
          kind,
          language,
          pageSize: model.pageSize,
          date: model.date,
          recipient: kind === 'survivor' ? 'survivor' : recipient.name,
          fields: printed,
          templateVersion,
          letterVersion: letter?.version ?? null,
          contentHash: contentHashOf(html),
        },
      },
    }
  }

  private caseFor(session: TSession, caseId: string): TCaseForPacket {
    const writer = new CaseWriter(session)
    const row = writer.requireCase(caseId)
    const intakes = writer.repository.intakesOf(caseId).map((intake) => parse<TIntake>(intake.data))
    return {
      caseId: row.id,
      row,
      reference: row.reference,
      facts: {
        displayName: row.display_name,
        profile: parse<TProfile>(row.profile),
        contact: parse<TContactRecord>(row.contact),
        needs: parse<TNeedsRecord>(row.needs),
        intakes,
      },
      consents: writer.repository.consentsOf(caseId).map((consent) => ({
        purpose: consent.purpose as TConsentPurpose,
        granted: consent.granted === 1,
        givenOn: consent.given_on,
        expiresOn: consent.expires_on,
        recordedAt: consent.recorded_at,
      })),
    }
  }

  private decide(
    session: TSession,
    found: TCaseForPacket,
    kind: TPacketChoicesRequest['kind'],
    referral: TPacketReferral | null,
  ): TFieldDecision[] {
    const texts = packetTexts('en')
    return decideFields({
      kind,
      consents: found.consents,
      today: today(session),
      conflictCleared: referral?.conflictClearedAt != null,
      hasContent: (field: TPacketField) => detailLines(found.facts, field, texts, 'en').length > 0,
    })
  }

  private referralFor(
    session: TSession,
    caseId: string,
    kind: TPacketChoicesRequest['kind'],
    referralId: string | undefined,
  ): TPacketReferral | null {
    if (referralId === undefined) return null
    if (kind !== 'lawyer' && kind !== 'organization') {
      throw new AppError('BAD_REQUEST', 'Only lawyer and organization packets are made from a referral.', {
        field: 'referralId',
      })
    }
    const referral = this.referrals?.(session, referralId) ?? null
    if (referral === null || referral.caseId !== caseId || referral.recipientKind !== kind) {
      throw new AppError('NOT_FOUND', `There is no ${kind} referral with this id on this case.`, {
        field: 'referralId',
      })
    }
    return referral
  }

  private recipientFor(
    typed: TPacketParty | undefined,
    referral: TPacketReferral | null,
    found: TCaseForPacket,
    kind: TPacketChoicesRequest['kind'],
  ): TPacketParty {
    if (referral !== null) return referral.recipient
    if (kind === 'survivor') {
      const { person, location } = found.facts.profile
      const name = person.preferredName !== '' ? person.preferredName : found.facts.displayName
      return { name, lines: [location.city].filter(Boolean) }
    }
    if (typed === undefined || typed.name === '') {
      throw new AppError('BAD_REQUEST', 'Say who the packet is for: the recipient’s name is required.', {
        field: 'recipient.name',
      })
    }
    return typed
  }

  private organizationsFor(session: TSession, found: TCaseForPacket, language: TPacketLanguage) {
    if (this.directory === null) return { organizations: [], otherOrganizations: [] }
    const { matched, others } = this.directory.organizationsFor(session, found.row, language)
    return { organizations: matched, otherOrganizations: others }
  }
}

const today = (session: TSession): string => session.clock.now().toISOString().slice(0, 10)
