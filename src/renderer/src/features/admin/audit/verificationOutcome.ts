import type { TFunction } from 'i18next'
import type { TAuditVerification } from '../../../../../shared/contract/audit'
import { formatDate, formatTime } from '../../../lib/dates'
import type { TOutcome } from '../ActionOutcome'

/** When the checkpoint was sealed, in the person's language (or a dash when there is none). */
function sealedAt(result: TAuditVerification, language: string): { date: string; time: string } {
  if (result.checkpointAt === null) return { date: '—', time: '—' }
  return {
    date: formatDate(result.checkpointAt, language, 'long'),
    time: formatTime(result.checkpointAt, language),
  }
}

/**
 * The verdict of a verification in words, one per status: intact (and how far an administrator's checkpoint seals
 * it), edited, rewritten, truncated or rolled back, and a checkpoint file that is missing or not this vault's.
 */
export function verificationOutcome(
  result: TAuditVerification,
  t: TFunction,
  language: string,
): Omit<TOutcome, 'id' | 'after'> {
  const when = sealedAt(result, language)
  switch (result.status) {
    case 'intact': {
      const seal =
        result.sealedThroughSeq === null
          ? null
          : t('admin.audit.verify.sealed', { seq: result.sealedThroughSeq, ...when })
      const unsealed =
        result.unsealedCount === 0
          ? t('admin.audit.verify.allSealed')
          : t('admin.audit.verify.unsealed', { count: result.unsealedCount })
      return {
        tone: 'success',
        title: t('admin.audit.verify.intactTitle'),
        text: [t('admin.audit.verify.intact', { count: result.checked }), seal, unsealed]
          .filter((line) => line !== null)
          .join(' '),
      }
    }
    case 'edited':
      return {
        tone: 'danger',
        title: t('admin.audit.verify.brokenTitle'),
        text: t('admin.audit.verify.broken', { seq: result.firstBadSeq ?? '?', count: result.checked }),
      }
    case 'rewritten':
      return {
        tone: 'danger',
        title: t('admin.audit.verify.rewrittenTitle'),
        text: t('admin.audit.verify.rewritten', { seq: result.firstBadSeq ?? '?', ...when }),
      }
    case 'truncated':
      return {
        tone: 'danger',
        title: t('admin.audit.verify.truncatedTitle'),
        text: t('admin.audit.verify.truncated', {
          sealed: result.sealedThroughSeq ?? '?',
          last: result.checked,
          ...when,
        }),
      }
    case 'anchor-missing':
      return {
        tone: 'warning',
        title: t('admin.audit.verify.anchorMissingTitle'),
        text: t('admin.audit.verify.anchorMissing', { count: result.checked }),
      }
    case 'anchor-forged':
      return {
        tone: 'danger',
        title: t('admin.audit.verify.anchorForgedTitle'),
        text: t('admin.audit.verify.anchorForged'),
      }
  }
}
