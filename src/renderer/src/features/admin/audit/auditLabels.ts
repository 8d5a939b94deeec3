import type { TFunction } from 'i18next'
import { AUDIT_ACTIONS, type TAuditAction, type TAuditEntry } from '../../../../../shared/contract/audit'

const isKnownAction = (action: string): action is TAuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action)

/** "vault.created" → "Vault created"; an action from a newer version shows its stored name. */
export function auditActionLabel(t: TFunction, action: string): string {
  return isKnownAction(action) ? t(`adminConsole.auditActions.${action}`) : action
}

const TARGET_TYPES = ['account', 'vault', 'record', 'packet'] as const
type TTargetType = (typeof TARGET_TYPES)[number]
const isKnownTarget = (type: string): type is TTargetType =>
  (TARGET_TYPES as readonly string[]).includes(type)

/** What the entry was about, in words: "Account casey.worker", "The vault". Ids are shortened. */
export function auditTargetLabel(
  t: TFunction,
  entry: Pick<TAuditEntry, 'targetType' | 'targetId'>,
  usernames: ReadonlyMap<string, string>,
): string {
  if (entry.targetType === null) return t('adminConsole.audit.noTarget')
  if (entry.targetType === 'vault') return t('adminConsole.audit.targets.vault')
  const id = entry.targetId ?? ''
  const name = entry.targetType === 'account' ? (usernames.get(id) ?? id.slice(0, 8)) : id.slice(0, 8)
  return isKnownTarget(entry.targetType)
    ? t(`adminConsole.audit.targets.${entry.targetType}`, { name })
    : `${entry.targetType} ${name}`
}
