import { z } from 'zod'
import {
  FIELD_REFUSALS,
  PACKET_FIELDS,
  PACKET_KINDS,
  PACKET_LANGUAGES,
  PAGE_SIZES,
} from '../packets/vocabulary'
import { ZLetterTemplateBodySchema } from '../packets/letter-template'
import { ADMIN_ONLY, STAFF_WHO_HANDLE_CASES } from '../roles'
import { defineChannel } from './channel'
import { ZIdSchema } from './intake'

const ZRecipientLineSchema = z.string().trim().max(200)

/** Who a packet is addressed to, as staff typed it or as the directory and roster have it. */
export const ZPacketRecipientSchema = z.strictObject({
  name: ZRecipientLineSchema,
  lines: z.array(ZRecipientLineSchema).max(6).default([]),
})
export type TPacketRecipient = z.infer<typeof ZPacketRecipientSchema>

/** Which packet to make for a case: the picker's choices before printing. */
export const ZPacketChoicesRequestSchema = z.strictObject({
  caseId: ZIdSchema,
  kind: z.enum(PACKET_KINDS),
  /** A lawyer or organization packet made from a referral (matching): its "no conflict" confirmation counts. */
  referralId: ZIdSchema.optional(),
})
export type TPacketChoicesRequest = z.input<typeof ZPacketChoicesRequestSchema>

/** One packet: what is printed, for whom, in which language, with which of the survivor's details. */
export const ZPacketRequestSchema = ZPacketChoicesRequestSchema.extend({
  language: z.enum(PACKET_LANGUAGES),
  pageSize: z.enum(PAGE_SIZES).default('letter'),
  /** The details staff chose; each is checked against consent again when printing. */
  fields: z.array(z.enum(PACKET_FIELDS)).max(PACKET_FIELDS.length).default([]),
  /** Required for lawyer, organization and MP packets; the survivor's packet is addressed to them. */
  recipient: ZPacketRecipientSchema.optional(),
})
export type TPacketRequest = z.input<typeof ZPacketRequestSchema>

export const ZFieldDecisionSchema = z.object({
  field: z.enum(PACKET_FIELDS),
  allowed: z.boolean(),
  refusal: z.enum(FIELD_REFUSALS).nullable(),
  sensitive: z.boolean(),
})

export const ZPacketChoicesSchema = z.object({
  /** The survivor's preferred language when it is English or French, else English. */
  defaultLanguage: z.enum(PACKET_LANGUAGES),
  decisions: z.array(ZFieldDecisionSchema),
  /** Allowed and not sensitive: what the picker starts with. */
  defaultFields: z.array(z.enum(PACKET_FIELDS)),
  /** Lawyer packets: whether the lawyer's "no conflict" confirmation is recorded. */
  conflictCleared: z.boolean(),
  /** The case's referrals of this kind (lawyer and organization packets), to make the packet from one. */
  referrals: z
    .array(
      z.object({
        referralId: ZIdSchema,
        recipientName: z.string().max(200),
        conflictCleared: z.boolean(),
      }),
    )
    .max(200)
    .default([]),
})
export type TPacketChoices = z.infer<typeof ZPacketChoicesSchema>

/** What the case timeline and the audit trail keep of a printed packet: the choices, never the content. */
export const ZPacketRecordSchema = z.object({
  packetId: z.string(),
  kind: z.enum(PACKET_KINDS),
  language: z.enum(PACKET_LANGUAGES),
  pageSize: z.enum(PAGE_SIZES),
  /** YYYY-MM-DD, as printed. */
  date: z.string(),
  recipient: z.string(),
  fields: z.array(z.enum(PACKET_FIELDS)),
  templateVersion: z.number().int(),
  /** MP letters: the version of the admins' letter it printed (1: as shipped), so a reprint uses the same text. */
  letterVersion: z.number().int().nullable(),
  /** SHA-256 of the rendered document: a reprint with the same choices matches it unless the case changed. */
  contentHash: z.string(),
})
export type TPacketRecord = z.infer<typeof ZPacketRecordSchema>

/** One page of the packet's PDF as an image (PNG `data:` URL: the app's CSP allows data: images, not frames). */
export const ZPacketPageSchema = z.object({
  src: z.string().startsWith('data:image/png;base64,').max(12_000_000),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
export type TPacketPage = z.infer<typeof ZPacketPageSchema>

/** The packet's PDF, page by page, exactly as Save as PDF writes it. */
export const ZPacketPreviewSchema = z.object({
  pages: z.array(ZPacketPageSchema).min(1).max(40),
  record: ZPacketRecordSchema,
})
export type TPacketPreview = z.infer<typeof ZPacketPreviewSchema>

/** Save as PDF or Print: whether it happened (false when the person cancelled a dialog) and what was recorded. */
export const ZPacketSavedSchema = z.object({
  saved: z.boolean(),
  record: ZPacketRecordSchema.nullable(),
})
export type TPacketSaved = z.infer<typeof ZPacketSavedSchema>

/** The MP letter in one language: the text that prints, and which saved version it is (1: as shipped). */
export const ZLetterTemplateSchema = z.object({
  language: z.enum(PACKET_LANGUAGES),
  body: z.string(),
  version: z.number().int().min(1),
  /** When and by whom it was saved; null for the letter the app ships with. */
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
})
export type TLetterTemplate = z.infer<typeof ZLetterTemplateSchema>

export const ZLetterTemplatesSchema = z.object({ en: ZLetterTemplateSchema, fr: ZLetterTemplateSchema })
export type TLetterTemplates = z.infer<typeof ZLetterTemplatesSchema>

export const ZSaveLetterTemplateRequestSchema = z.strictObject({
  language: z.enum(PACKET_LANGUAGES),
  body: ZLetterTemplateBodySchema,
})
export type TSaveLetterTemplateRequest = z.infer<typeof ZSaveLetterTemplateRequestSchema>

export const packetsChannels = {
  /** Every field with whether consent allows it in this kind of packet, and why not. */
  'packets:choices': defineChannel({
    request: ZPacketChoicesRequestSchema,
    response: ZPacketChoicesSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** The packet as it will print (its PDF's pages as images), checked against consent. An audited view of the record. */
  'packets:preview': defineChannel({
    request: ZPacketRequestSchema,
    response: ZPacketPreviewSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Prints to PDF, asks where to save it, writes it (0600) and records the packet. */
  'packets:savePdf': defineChannel({
    request: ZPacketRequestSchema,
    response: ZPacketSavedSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Sends the packet to a printer through the OS print dialog (the app only), and records it once printed. */
  'packets:print': defineChannel({
    request: ZPacketRequestSchema,
    response: ZPacketSavedSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** The MP letter as it prints now, in English and French. */
  'packets:letterTemplates': defineChannel({
    request: z.strictObject({}),
    response: ZLetterTemplatesSchema,
    access: STAFF_WHO_HANDLE_CASES,
  }),
  /** Saves a new version of the MP letter in one language (admins; checked, audited). */
  'packets:saveLetterTemplate': defineChannel({
    request: ZSaveLetterTemplateRequestSchema,
    response: ZLetterTemplateSchema,
    access: ADMIN_ONLY,
  }),
} as const
