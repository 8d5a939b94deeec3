import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TCaseDetail, TStaffRef } from '../../../../shared/contract/cases'
import { api, callApi } from '../../api'
import { daysFrom, formatDay } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import { Badge, Button, LiveRegion, MenuButton, Notice } from '../../ui'
import { PacketDialog } from '../packets'
import { useSignedInStaff } from '../vault'
import { airportWords } from './airportWords'
import { useCaseMessage } from './caseMessage'
import { caseErrorKey, type TCaseErrorKey } from './errors'
import { StatusDialog } from './StatusDialog'

const UNASSIGNED = '__unassigned__'
const ME = '__me__'

export type TCaseHeaderProps = {
  detail: TCaseDetail
  /** Staff the case can be assigned to; null while loading or when the list could not be read. */
  assignees: TStaffRef[] | null
  onChanged: () => Promise<void>
}

/** Days to a date in words: "in 3 days", "today", "2 days ago". */
function useDaysLeft() {
  const { t } = useTranslation()
  return (date: string): string => {
    const days = daysFrom(date)
    if (days === null) return ''
    if (days === 0) return t('casePage.header.today')
    return days > 0
      ? t('casePage.header.inDays', { count: days })
      : t('casePage.header.daysAgo', { count: -days })
  }
}

/** The urgent facts in words, most pressing first; colour only supports them. */
function UrgencyFlags({ detail }: { detail: TCaseDetail }) {
  const { t, i18n } = useTranslation()
  const daysLeft = useDaysLeft()
  const { needs } = detail
  const flags: { id: string; text: string }[] = []
  if (needs.atAirportNow) {
    const airport = airportWords(needs, i18n.language)
    flags.push({
      id: 'airport',
      text:
        airport === '' ? t('casePage.header.atAirport') : t('casePage.header.atAirportNamed', { airport }),
    })
  }
  if (needs.detained === 'yes') {
    flags.push({
      id: 'detained',
      text:
        needs.detentionPlace === ''
          ? t('casePage.header.detained')
          : t('casePage.header.detainedAt', { place: needs.detentionPlace }),
    })
  }
  if (needs.removalDate !== '') {
    flags.push({
      id: 'removal',
      text: t('casePage.header.removal', {
        date: formatDay(needs.removalDate, i18n.language),
        when: daysLeft(needs.removalDate),
      }),
    })
  }
  if (needs.hearingDate !== '') {
    flags.push({
      id: 'hearing',
      text: t('casePage.header.hearing', {
        date: formatDay(needs.hearingDate, i18n.language),
        when: daysLeft(needs.hearingDate),
      }),
    })
  }
  if (flags.length === 0) return null
  return (
    <ul className="case-header__flags" aria-label={t('casePage.header.urgencyLabel')}>
      {flags.map((flag) => (
        <li key={flag.id} className={`case-flag case-flag--${flag.id}`}>
          <span className="case-flag__mark" aria-hidden="true">
            !
          </span>
          {flag.text}
        </li>
      ))}
    </ul>
  )
}

/** Reference, name, status, urgency, who holds the case, and the two actions that move it. */
export function CaseHeader({ detail, assignees, onChanged }: TCaseHeaderProps) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const [isStatusOpen, setIsStatusOpen] = useState(false)
  const [isPacketOpen, setIsPacketOpen] = useState(false)
  const [isAssigning, setIsAssigning] = useState(false)
  const [assignError, setAssignError] = useState<TCaseErrorKey | null>(null)
  const [announcement, setAnnouncement] = useCaseMessage('assign')
  const assignRef = useRef<HTMLButtonElement>(null)
  const myAccountId = useSignedInStaff().accountId

  const assign = async (id: string) => {
    const accountId = id === UNASSIGNED ? null : id === ME ? myAccountId : id
    // The menu gives focus back to its button; it stays enabled (a disabled button drops focus to the page),
    // so a second choice while the first is saved is ignored.
    if (isAssigning || accountId === (detail.assignee?.accountId ?? null)) return
    setIsAssigning(true)
    setAssignError(null)
    setAnnouncement('')
    const result = await callApi(() => api.cases.assign({ caseId: detail.id, accountId }))
    setIsAssigning(false)
    if (!result.ok) {
      setAssignError(caseErrorKey(result.error))
      return
    }
    const assignee = result.value.assignee
    setAnnouncement(
      assignee === null
        ? t('casePage.assign.doneUnassigned', { reference: detail.reference })
        : t('casePage.assign.done', { reference: detail.reference, name: assignee.displayName }),
    )
    await onChanged()
    assignRef.current?.focus()
  }

  // "Assign to me" first, for whoever may hold cases and does not hold this one yet.
  const canTakeIt =
    myAccountId !== null &&
    detail.assignee?.accountId !== myAccountId &&
    (assignees ?? []).some((staff) => staff.accountId === myAccountId)
  const assignItems = [
    ...(canTakeIt ? [{ id: ME, label: t('casePage.assign.toMe') }] : []),
    ...(assignees ?? []).map((staff) => ({ id: staff.accountId, label: staff.displayName })),
    { id: UNASSIGNED, label: t('casePage.assign.unassigned') },
  ]

  return (
    <header className="case-header">
      <div className="case-header__identity">
        <h1 className="case-header__title" tabIndex={-1} data-page-title="">
          <span className="case-header__reference">{detail.reference}</span>
          <span className="visually-hidden">: </span>
          <span className="case-header__name" dir="auto">
            {detail.person.displayName === '' ? t('casePage.unnamed') : detail.person.displayName}
          </span>
        </h1>
        <p className="case-header__meta">
          <Badge tone={detail.status === 'closed' ? 'neutral' : 'accent'}>
            {t('casePage.header.status', { status: vocab.status(detail.status) })}
          </Badge>
          {detail.urgent ? <Badge tone="indigo">{t('casePage.header.urgent')}</Badge> : null}
          <span>{t('casePage.header.opened', { date: formatDay(detail.openedOn, i18n.language) })}</span>
        </p>
        <UrgencyFlags detail={detail} />
      </div>

      <div className="case-header__controls">
        <div className="case-header__control">
          <p className="case-header__label">{t('casePage.assign.label')}</p>
          <p className="case-header__value">
            {detail.assignee === null ? t('casePage.assign.nobody') : detail.assignee.displayName}
          </p>
          <MenuButton
            menuLabel={t('casePage.assign.menuLabel', { reference: detail.reference })}
            items={assignItems}
            selectedId={detail.assignee?.accountId ?? UNASSIGNED}
            onAction={(id) => void assign(id)}
            isDisabled={assignees === null}
            triggerRef={assignRef}
          >
            {isAssigning ? t('casePage.assign.busy') : t('casePage.assign.button')}
          </MenuButton>
        </div>
        <div className="case-header__control">
          <Button onPress={() => setIsPacketOpen(true)}>{t('packets.open')}</Button>
        </div>
        <div className="case-header__control">
          <p className="case-header__label">{t('casePage.status.label')}</p>
          <p className="case-header__value">{vocab.status(detail.status)}</p>
          <Button
            variant="primary"
            onPress={() => setIsStatusOpen(true)}
            isDisabled={detail.nextStatuses.length === 0}
          >
            {t('casePage.status.button')}
          </Button>
        </div>
      </div>
      {detail.statusReason !== '' ? (
        <p className="case-header__reason">
          {t('casePage.header.statusReason', { reason: detail.statusReason })}
        </p>
      ) : null}
      <LiveRegion politeness="polite" className="case-header__live">
        {assignError ? (
          <Notice tone="danger">{t(`casePage.errors.${assignError}`)}</Notice>
        ) : announcement !== '' ? (
          <p className="visually-hidden">{announcement}</p>
        ) : null}
      </LiveRegion>
      <PacketDialog
        caseId={detail.id}
        reference={detail.reference}
        isOpen={isPacketOpen}
        onClose={() => setIsPacketOpen(false)}
        onRecorded={onChanged}
      />
      <StatusDialog
        detail={detail}
        isOpen={isStatusOpen}
        onClose={() => setIsStatusOpen(false)}
        onChanged={async () => {
          setIsStatusOpen(false)
          await onChanged()
        }}
      />
    </header>
  )
}
