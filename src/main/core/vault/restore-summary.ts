import { AuditRepository } from '../audit/audit-repository'
import { Connection } from '../db/connection'
import type { VaultKeeper } from './vault-keeper'
import type { VaultSession } from './vault-session'

/**
 * What a restore rolls back: the current trail's entries newer than the backup's newest, identified by the current
 * head's seq and hash (anyone holding a copy of the replaced vault can show those entries), counted per action. When
 * the two trails do not share the backup's head, they diverged (the backup is not an ancestor of this vault).
 */
export type TRolledBackTail = {
  count: number
  fromSeq: number | null
  toSeq: number
  headHash: string | null
  lastAt: string | null
  actions: Record<string, number>
  diverged: boolean
}

export function rolledBackTail(
  current: VaultSession,
  keeper: VaultKeeper,
  restoredVaultFile: string,
  vaultKey: Buffer,
): TRolledBackTail {
  const probe = keeper.openDatabase(restoredVaultFile, vaultKey)
  let backupHead: { seq: number; hash: string } | null
  try {
    backupHead = new AuditRepository(new Connection(probe)).head()
  } finally {
    probe.close()
  }
  const trail = current.trail
  const head = trail.head()
  const since = backupHead?.seq ?? 0
  const diverged = backupHead !== null && trail.hashAt(backupHead.seq) !== backupHead.hash
  const summary = trail.summaryAfter(diverged ? 0 : since)
  return {
    count: summary.count,
    fromSeq: summary.count === 0 ? null : diverged ? 1 : since + 1,
    toSeq: head?.seq ?? 0,
    headHash: head?.hash ?? null,
    lastAt: summary.lastAt,
    actions: summary.actions,
    diverged,
  }
}
