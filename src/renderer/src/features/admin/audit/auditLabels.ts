import type { TFunction } from 'i18next'
import { AUDIT_ACTIONS, type TAuditAction, type TAuditEntry } from '../../../../../shared/contract/audit'
import { LOCK_REASONS, type TLockReason } from '../../../../../shared/contract/vault'
import { localeTag } from '../../../lib/dates'

/** A short, safe piece of text from an entry's details (details come from older or newer app versions too). */
const detailText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 64) : null

const CASE_SECTIONS = ['summary', 'contact', 'experiences', 'adverse_parties', 'narrative'] as const
const CASE_CHANGES = [
  'intake_added',
  'status',
  'assignment',
  'consent',
  'timeline',
  'task_added',
  'task_done',
  'task_reopened',
  'edited',
] as const
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  (values as readonly unknown[]).includes(value)

const isKnownAction = (action: string): action is TAuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action)

/** What an import or export entry moved, by its `kind` (entries before kinds were recorded were intakes). */
const TRANSFER_KINDS = ['intakes', 'cases', 'lawyers', 'directory'] as const
type TTransferKind = (typeof TRANSFER_KINDS)[number]
const transferKindOf = (details: TAuditEntry['details']): TTransferKind | null => {
  const kind = details['kind'] ?? 'intakes'
  return isOneOf(TRANSFER_KINDS, kind) ? kind : null
}

/**
 * "vault.created" → "Vault created"; an import or export is named by what it moved ("Lawyers imported from a
 * file"); an action from a newer version shows its stored name.
 */
export function auditActionLabel(t: TFunction, action: string, details: TAuditEntry['details'] = {}): string {
  if (action === 'import' || action === 'export') {
    const kind = transferKindOf(details)
    if (kind !== null) return t(`admin.audit.transfers.${action}.${kind}`)
  }
  return isKnownAction(action) ? t(`admin.auditActions.${action}`) : action
}

const TARGET_TYPES = ['account', 'vault', 'record', 'packet', 'case'] as const
type TTargetType = (typeof TARGET_TYPES)[number]
const isKnownTarget = (type: string): type is TTargetType =>
  (TARGET_TYPES as readonly string[]).includes(type)

/**
 * What the entry was about, in words: "Account casey.worker", "The vault", "Case CCIJ-2026-0042" (cases by their
 * reference number, recorded with the entry). Other ids are shortened.
 */
export function auditTargetLabel(
  t: TFunction,
  entry: Pick<TAuditEntry, 'targetType' | 'targetId' | 'details'>,
  usernames: ReadonlyMap<string, string>,
): string {
  if (entry.targetType === null) return t('admin.audit.noTarget')
  if (entry.targetType === 'vault') return t('admin.audit.targets.vault')
  const id = entry.targetId ?? ''
  const reference = entry.targetType === 'case' ? detailText(entry.details['reference']) : null
  const name =
    entry.targetType === 'account' ? (usernames.get(id) ?? id.slice(0, 8)) : (reference ?? id.slice(0, 8))
  return isKnownTarget(entry.targetType)
    ? t(`admin.audit.targets.${entry.targetType}`, { name })
    : `${entry.targetType} ${name}`
}

const isLockReason = (reason: unknown): reason is TLockReason =>
  (LOCK_REASONS as readonly unknown[]).includes(reason)

const detailNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/**
 * What the entry's details add, in words, or null: the sign-in name tried for a refused unlock or recovery,
 * why the vault locked, and what a setting changed from and to. Details hold ids and counts, never survivor data.
 */
export function auditDetailLabel(
  t: TFunction,
  entry: Pick<TAuditEntry, 'action' | 'details'>,
  /** The interface language, for numbers written out in the locale's way ("1,000", "1 000"). */
  language = 'en',
): string | null {
  const { details } = entry
  switch (entry.action) {
    case 'unlock.failed':
    case 'recovery.failed': {
      const username = detailText(details['username'])
      return username === null ? null : t('admin.audit.details.attemptedName', { username })
    }
    case 'lock': {
      const reason = details['reason']
      if (isLockReason(reason)) return t(`admin.audit.details.lockReasons.${reason}`)
      return detailText(reason)
    }
    case 'settings.changed': {
      const from = detailNumber(details['from'])
      const to = detailNumber(details['to'])
      if (details['setting'] === 'idleLockMinutes' && from !== null && to !== null) {
        return t('admin.audit.details.idleLock', { from, to, count: to })
      }
      // The MP letter's wording (letter-template-service): which language's letter, and its version numbers.
      const setting = details['setting']
      const mpLetter = setting === 'mpLetter.en' ? 'en' : setting === 'mpLetter.fr' ? 'fr' : undefined
      if (mpLetter !== undefined && from !== null && to !== null) {
        return t('admin.audit.details.mpLetter', {
          language: t(`admin.audit.details.mpLetterLanguages.${mpLetter}`),
          from,
          to,
        })
      }
      const settingName = detailText(setting)
      return settingName === null ? null : t('admin.audit.details.setting', { setting: settingName })
    }
    case 'account.passphrase_changed':
      return details['replacedAdminChosen'] === true ? t('admin.audit.details.replacedAdminChosen') : null
    case 'record.viewed': {
      const section = details['section']
      return isOneOf(CASE_SECTIONS, section) ? t(`admin.audit.details.caseSections.${section}`) : null
    }
    case 'record.changed': {
      const change = details['change']
      return isOneOf(CASE_CHANGES, change) ? t(`admin.audit.details.caseChanges.${change}`) : null
    }
    case 'duplicate.decided': {
      const decision = details['decision']
      return decision === 'same_person' || decision === 'different_person'
        ? t(`admin.audit.details.duplicate.${decision}`)
        : null
    }
    case 'cases.searched': {
      const count = detailNumber(details['results'])
      if (count === null) return null
      // A search whose count stopped at its cap stored that cap and `moreResults`: "more than 1,000 results".
      return details['moreResults'] === true
        ? t('admin.audit.details.moreResults', {
            count,
            formatted: new Intl.NumberFormat(localeTag(language)).format(count),
          })
        : t('admin.audit.details.resultCount', { count })
    }
    case 'duplicate.checked':
    case 'reports.viewed': {
      const count = detailNumber(details['results'])
      return count === null ? null : t('admin.audit.details.resultCount', { count })
    }
    case 'import': {
      const kind = transferKindOf(details)
      if (kind === 'lawyers' || kind === 'directory') return addedUpdatedSkipped(t, details)
      const count = detailNumber(details['created'])
      if (count === null) return null
      if (kind === 'cases') return t('admin.audit.transfers.caseCount', { count })
      const references = Array.isArray(details['references'])
        ? details['references'].filter((reference): reference is string => typeof reference === 'string')
        : []
      if (references.length === 0) return t('admin.audit.details.intakeCount', { count })
      const more = count - references.length
      return t(more > 0 ? 'admin.audit.details.importedSome' : 'admin.audit.details.imported', {
        count,
        references: references.join(', '),
        more,
      })
    }
    case 'export': {
      const count = detailNumber(details['count'])
      const fileName = detailText(details['fileName'])
      if (count === null) return null
      const kind = transferKindOf(details)
      if (kind !== null && kind !== 'intakes') {
        const counted = t(`admin.audit.transfers.${kind === 'cases' ? 'caseCount' : 'entryCount'}`, { count })
        return fileName === null ? counted : t('admin.audit.transfers.toFile', { counted, fileName })
      }
      return fileName === null
        ? t('admin.audit.details.intakeCount', { count })
        : t('admin.audit.details.exported', { count, fileName })
    }
    default:
      return null
  }
}

/** A lawyer or directory import's counts: "4 added, 2 updated, 1 skipped" (null when none were recorded). */
function addedUpdatedSkipped(t: TFunction, details: TAuditEntry['details']): string | null {
  const added = detailNumber(details['added'])
  const updated = detailNumber(details['updated'])
  const skipped = detailNumber(details['skipped'])
  if (added === null || updated === null || skipped === null) return null
  return t('admin.audit.transfers.addedUpdatedSkipped', { added, updated, skipped })
}

/** "Locked — idle timeout": the action, with what its details add when there is something. */
export function auditWhatLabel(
  t: TFunction,
  entry: Pick<TAuditEntry, 'action' | 'details'>,
  language = 'en',
): string {
  const action = auditActionLabel(t, entry.action, entry.details)
  const detail = auditDetailLabel(t, entry, language)
  return detail === null ? action : `${action} — ${detail}`
}
