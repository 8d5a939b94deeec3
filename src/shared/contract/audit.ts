import { z } from 'zod'
import { ADMIN_ONLY } from '../roles'
import { defineChannel } from './channel'

/** Everything the audit trail records. Append new actions at the end; stored names never change. */
export const AUDIT_ACTIONS = [
  'vault.created',
  'unlock.succeeded',
  'unlock.failed',
  'lock',
  'account.added',
  'account.disabled',
  'account.passphrase_changed',
  'recovery.used',
  'backup.created',
  'restore.completed',
  'record.viewed',
  'record.created',
  'record.changed',
  'record.deleted',
  'export',
  'packet.printed',
  'recovery.failed',
  'recovery.replaced',
  'recovery.confirmed',
  'settings.changed',
  'account.role_changed',
  'account.passphrase_reset',
  'duplicate.decided',
  'import',
  'vault.rekeyed',
  'vault.upgraded',
  'account.key_strengthened',
  'keyring.tamper_detected',
  'rekey.abandoned',
  /** A search of the case list: how many words and results, never the words (see docs/cases.md). */
  'cases.searched',
  /** A duplicate check before saving an intake: how many likely matches, never the names checked. */
  'duplicate.checked',
  /** The caseload report: its date range and total, counts only. */
  'reports.viewed',
  /** A referral proposed to a lawyer or an organization (ids and the reference, never names). */
  'referral.proposed',
  /** A referral moved along its state machine: from, to, the action. */
  'referral.changed',
  /** Staff's decision on a conflict hit (cleared or confirmed); the reason stays in the case file. */
  'conflict.reviewed',
] as const
export const ZAuditActionSchema = z.enum(AUDIT_ACTIONS)
export type TAuditAction = z.infer<typeof ZAuditActionSchema>

/** Free-form context of an entry. Ids and counts only: never survivor names or narrative. */
export type TAuditDetails = { readonly [key: string]: unknown }

export const ZAuditEntrySchema = z.object({
  seq: z.number().int(),
  /** ISO 8601, UTC. */
  at: z.string(),
  actorAccountId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
})
export type TAuditEntry = z.infer<typeof ZAuditEntrySchema>

const ZIsoDateTimeSchema = z.iso.datetime({ offset: true })

export const ZAuditQuerySchema = z.strictObject({
  action: ZAuditActionSchema.optional(),
  actorAccountId: z.string().max(64).optional(),
  actorUsername: z.string().max(64).optional(),
  /** Inclusive lower bound on `at`. */
  from: ZIsoDateTimeSchema.optional(),
  /** Exclusive upper bound on `at`. */
  to: ZIsoDateTimeSchema.optional(),
  /** One case's entries, by its reference (CCIJ-2026-0001): those about the case and the import that created it. */
  caseReference: z.string().trim().toUpperCase().max(32).optional(),
  offset: z.number().int().min(0).max(1_000_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type TAuditQuery = z.input<typeof ZAuditQuerySchema>

export const ZAuditPageSchema = z.object({
  /** Newest first. */
  entries: z.array(ZAuditEntrySchema),
  total: z.number().int(),
})
export type TAuditPage = z.infer<typeof ZAuditPageSchema>

/**
 * What `verify` found: intact; edited (the hash chain itself is broken); rewritten (the chain holds but no longer
 * matches the admin-sealed checkpoint: someone holding the database key re-chained it); truncated (the checkpoint is
 * ahead of the trail: newest entries deleted, or an older database put back); the checkpoint file missing, or not
 * sealed by this vault.
 */
export const AUDIT_TRAIL_STATUSES = [
  'intact',
  'edited',
  'rewritten',
  'truncated',
  'anchor-missing',
  'anchor-forged',
] as const

export const ZAuditVerificationSchema = z.object({
  ok: z.boolean(),
  status: z.enum(AUDIT_TRAIL_STATUSES),
  /** Entries walked. */
  checked: z.number().int(),
  /** The first entry whose hash, link or position is wrong; null when the chain holds. */
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The newest entry sealed by the checkpoint, and when it was sealed; null without a trusted checkpoint. */
  sealedThroughSeq: z.number().int().nullable(),
  checkpointAt: z.string().nullable(),
  /** Entries newer than the checkpoint: not yet sealed (a colleague holding the database key could still drop them). */
  unsealedCount: z.number().int(),
})
export type TAuditVerification = z.infer<typeof ZAuditVerificationSchema>

export const auditChannels = {
  /** Browse the audit trail, newest first, filtered by action, actor and date range. */
  'audit:list': defineChannel({
    request: ZAuditQuerySchema,
    response: ZAuditPageSchema,
    access: ADMIN_ONLY,
  }),
  /** Walk the hash chain and report the first entry that was edited, deleted or moved. */
  'audit:verify': defineChannel({
    request: z.strictObject({}),
    response: ZAuditVerificationSchema,
    access: ADMIN_ONLY,
  }),
}
