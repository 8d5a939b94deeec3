import { useTranslation } from 'react-i18next'
import type { TCaseDetail, TStaffRef, TTimelineEntry } from '../../../../shared/contract/cases'
import { formatDay } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import { useCaseFieldLabel } from '../intake'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Names of every staff member the case mentions, for entries that hold only account ids (assignments). */
export function staffNamesOf(
  detail: TCaseDetail,
  assignees: readonly TStaffRef[] | null,
): Map<string, string> {
  const names = new Map<string, string>()
  const add = (staff: TStaffRef | null) => {
    if (staff !== null && staff.displayName !== '') names.set(staff.accountId, staff.displayName)
  }
  detail.timeline.forEach((entry) => add(entry.author))
  detail.intakes.forEach((intake) => add(intake.staff))
  detail.tasks.forEach((task) => add(task.createdBy))
  detail.consentHistory.forEach((record) => add(record.recordedBy))
  add(detail.assignee)
  assignees?.forEach(add)
  return names
}

/**
 * The sentence for an entry the app wrote, from its machine details; never a raw key. Staff entries (notes,
 * calls, meetings) are their own text and get no sentence.
 */
export function useTimelineSentence(detail: TCaseDetail, names: Map<string, string>) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const fieldLabel = useCaseFieldLabel()
  /** The name recorded with the entry (main keeps it since the assignment), else today's, else "former staff". */
  const staffName = (accountId: unknown, recorded?: unknown) =>
    typeof recorded === 'string' && recorded !== ''
      ? recorded
      : typeof accountId === 'string'
        ? (names.get(accountId) ?? t('casePage.formerStaff'))
        : ''
  const taskTitle = (taskId: unknown) => {
    const task = detail.tasks.find((each) => each.id === taskId)
    if (task === undefined) return t('casePage.timeline.aTask')
    return task.title !== '' ? task.title : t(`casePage.tasks.originTitle.${task.origin}`)
  }

  return (entry: TTimelineEntry): { sentence: string; note: string } => {
    const { details } = entry
    switch (entry.kind) {
      case 'note':
      case 'call':
      case 'meeting':
        return { sentence: '', note: entry.body }
      case 'intake': {
        const method = vocab.intakeMethod(details['method'])
        return {
          sentence:
            method === ''
              ? t('casePage.timeline.intake')
              : t('casePage.timeline.intakeBy', { method: method.toLocaleLowerCase(i18n.language) }),
          note: '',
        }
      }
      case 'status': {
        const from = vocab.status(details['from'])
        const to = vocab.status(details['to'])
        const reason = text(details['reason']) || entry.body
        return {
          sentence:
            from === ''
              ? t('casePage.timeline.statusTo', { to })
              : t('casePage.timeline.status', { from, to }),
          note: reason === '' ? '' : t('casePage.timeline.reason', { reason }),
        }
      }
      case 'assignment': {
        const to = details['to']
        const from = details['from']
        if (typeof to === 'string' && to !== '') {
          return {
            sentence:
              typeof from === 'string' && from !== ''
                ? t('casePage.timeline.reassigned', {
                    from: staffName(from, details['fromName']),
                    to: staffName(to, details['toName']),
                  })
                : t('casePage.timeline.assigned', { to: staffName(to, details['toName']) }),
            note: '',
          }
        }
        return {
          sentence:
            typeof from === 'string' && from !== ''
              ? t('casePage.timeline.unassignedFrom', { from: staffName(from, details['fromName']) })
              : t('casePage.timeline.unassigned'),
          note: '',
        }
      }
      case 'consent': {
        const purpose = vocab.consentPurpose(details['purpose'])
        return {
          sentence:
            details['granted'] === true
              ? t('casePage.timeline.consentGiven', { purpose })
              : t('casePage.timeline.consentWithdrawn', { purpose }),
          note: '',
        }
      }
      case 'task': {
        const title = taskTitle(details['taskId'])
        const action = details['action']
        if (action === 'done') return { sentence: t('casePage.timeline.taskDone', { title }), note: '' }
        if (action === 'reopened')
          return { sentence: t('casePage.timeline.taskReopened', { title }), note: '' }
        const dueOn = text(details['dueOn'])
        return {
          sentence:
            dueOn === ''
              ? t('casePage.timeline.taskAdded', { title })
              : t('casePage.timeline.taskAddedDue', { title, date: formatDay(dueOn, i18n.language) }),
          note: '',
        }
      }
      case 'referral':
        return { sentence: t('casePage.timeline.referral'), note: entry.body }
      case 'packet':
        return { sentence: t('casePage.timeline.packet'), note: entry.body }
      case 'edit': {
        const fields = text(details['fields']).split(' ').filter(Boolean).map(fieldLabel)
        const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(fields)
        return { sentence: t('casePage.timeline.edited', { fields: list }), note: '' }
      }
    }
  }
}
