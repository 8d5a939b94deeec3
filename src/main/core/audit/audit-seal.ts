import type { TAuditVerification } from '../../../shared/contract/audit'
import { isAnchorAuthentic, readAnchor, sealCheckpoint, writeAnchor, type TAuditAnchor } from './audit-anchor'
import { GENESIS_HASH } from './audit-chain'
import type { AuditRepository } from './audit-repository'

/** Where the checkpoint lives and the key that seals it: only a session holding K_admin has one. */
export type TSealContext = {
  trail: AuditRepository
  anchorFile: string
  vaultId: string
  generation: number
  adminKey: Buffer
  now: () => Date
}

/**
 * The trail against its checkpoint: intact; edited (the chain itself is broken); rewritten (the chain holds but the
 * checkpointed entry's hash changed, so someone re-chained it); truncated (the checkpoint is ahead of the trail:
 * newest entries deleted, or an older database put back); or an anchor that is missing or not sealed by this vault.
 */
export function checkTrail(context: TSealContext): TAuditVerification {
  const chain = context.trail.verify()
  const head = context.trail.head()
  const headSeq = head?.seq ?? 0
  const anchor = readAnchor(context.anchorFile)
  const base = { ...chain, sealedThroughSeq: null, checkpointAt: null, unsealedCount: headSeq }
  if (!chain.ok) return { ...base, status: 'edited' }
  if (anchor === 'missing') {
    return { ...base, ok: false, status: 'anchor-missing', reason: 'the audit checkpoint file is missing' }
  }
  if (
    anchor === 'damaged' ||
    !isAnchorAuthentic(anchor, context.adminKey, context.vaultId, context.generation)
  ) {
    return {
      ...base,
      ok: false,
      status: 'anchor-forged',
      reason: 'the audit checkpoint is not sealed by this vault',
    }
  }
  const sealed = { sealedThroughSeq: anchor.seq, checkpointAt: anchor.at }
  if (anchor.seq > headSeq) {
    return {
      ...chain,
      ...sealed,
      ok: false,
      status: 'truncated',
      firstBadSeq: headSeq + 1,
      reason: `entries ${headSeq + 1}–${anchor.seq} were sealed by a checkpoint and are gone (deleted or rolled back)`,
      unsealedCount: 0,
    }
  }
  const stored = anchor.seq === 0 ? GENESIS_HASH : context.trail.hashAt(anchor.seq)
  if (stored !== anchor.hash) {
    return {
      ...chain,
      ...sealed,
      ok: false,
      status: 'rewritten',
      firstBadSeq: anchor.seq,
      reason: `entry ${anchor.seq} no longer matches its checkpoint (the trail was rewritten up to there)`,
      unsealedCount: headSeq - anchor.seq,
    }
  }
  return { ...chain, ...sealed, status: 'intact', unsealedCount: headSeq - anchor.seq }
}

/**
 * Seal the trail's head in a new checkpoint, but only when the current checkpoint is authentic and the entries since
 * it follow from it: an admin signing in must never bless a trail a colleague rewrote, truncated, or stripped of its
 * checkpoint file while they were away. Returns false (and writes nothing) otherwise; `verify` then says why.
 */
export function sealTrail(context: TSealContext): boolean {
  const previous = trustedAnchor(context)
  if (previous === null) return false
  const stored = previous.seq === 0 ? GENESIS_HASH : context.trail.hashAt(previous.seq)
  if (stored !== previous.hash) return false
  if (!context.trail.verify({ seq: previous.seq, hash: previous.hash }).ok) return false
  const head = context.trail.head() ?? { seq: 0, hash: GENESIS_HASH }
  if (head.seq === previous.seq) return true
  writeHeadCheckpoint(context)
  return true
}

/**
 * A first checkpoint for a trail this vault just made or verified itself: a new vault, a new generation (rekey,
 * upgrade) or a restored backup whose MAC was checked.
 */
export function writeHeadCheckpoint(context: TSealContext): void {
  const head = context.trail.head() ?? { seq: 0, hash: GENESIS_HASH }
  writeAnchor(
    context.anchorFile,
    sealCheckpoint(context.adminKey, context.vaultId, context.generation, {
      seq: head.seq,
      hash: head.hash,
      at: context.now().toISOString(),
    }),
  )
}

/** The current authentic anchor, or null when there is none this session can trust. */
export function trustedAnchor(context: TSealContext): TAuditAnchor | null {
  const anchor = readAnchor(context.anchorFile)
  if (anchor === 'missing' || anchor === 'damaged') return null
  return isAnchorAuthentic(anchor, context.adminKey, context.vaultId, context.generation) ? anchor : null
}
