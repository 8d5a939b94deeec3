import { zodResolver } from '@hookform/resolvers/zod'
import { useLayoutEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZDateSchema } from '../../../../shared/cases/intake-schema'
import type { TCaseDetail, TTask } from '../../../../shared/contract/cases'
import { api, callApi } from '../../api'
import { daysFrom, formatDateTime, formatDay, todayIso } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import { Badge, Checkbox, FormDateField, FormTextField, LiveRegion, Notice, Section } from '../../ui'
import { CaseAddForm } from './CaseAddForm'
import { useCaseMessage } from './caseMessage'
import { caseErrorKey, type TCaseErrorKey } from './errors'

const ZTaskFormSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: 'casePage.tasks.errors.titleRequired' })
    .max(500, { error: 'vocab.validation.tooLong' }),
  dueOn: z.string().trim().min(1, { error: 'casePage.tasks.errors.dueRequired' }).pipe(ZDateSchema),
})
type TTaskForm = z.input<typeof ZTaskFormSchema>

/** Open tasks by due date (soonest first), then done ones (latest first). */
const byDue = (a: TTask, b: TTask) => {
  if ((a.doneAt === null) !== (b.doneAt === null)) return a.doneAt === null ? -1 : 1
  if (a.doneAt !== null && b.doneAt !== null) return b.doneAt.localeCompare(a.doneAt)
  return a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt)
}

function TaskItem({
  task,
  caseId,
  onChanged,
}: {
  task: TTask
  caseId: string
  onChanged: (message: string) => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const [isBusy, setIsBusy] = useState(false)
  const [errorKey, setErrorKey] = useState<TCaseErrorKey | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  /** The state the checkbox should show once the case is read again; focus goes back to it then. */
  const refocusWhenDone = useRef<boolean | null>(null)
  const isDone = task.doneAt !== null
  const days = daysFrom(task.dueOn)
  const isOverdue = !isDone && days !== null && days < 0
  const isDueToday = !isDone && days === 0

  // Tasks made from an intake's hearing or removal date have no title of their own.
  const title = task.title !== '' ? task.title : t(`casePage.tasks.originTitle.${task.origin}`)

  // Ticking moves the task between open and done, and React moves its row: focus would drop to the page.
  useLayoutEffect(() => {
    if (refocusWhenDone.current === null || refocusWhenDone.current !== isDone) return
    refocusWhenDone.current = null
    if (document.activeElement !== inputRef.current) inputRef.current?.focus()
  })

  const setDone = async (done: boolean) => {
    // Never disabled while saving: a disabled checkbox loses focus. A second press meanwhile is ignored.
    if (isBusy) return
    setIsBusy(true)
    setErrorKey(null)
    const result = await callApi(() => api.cases.setTaskDone({ caseId, taskId: task.id, done }))
    setIsBusy(false)
    if (!result.ok) {
      setErrorKey(caseErrorKey(result.error))
      return
    }
    refocusWhenDone.current = done
    await onChanged(
      done ? t('casePage.tasks.markedDone', { title }) : t('casePage.tasks.markedOpen', { title }),
    )
  }

  const dueText = isOverdue
    ? t('casePage.tasks.overdue', { date: formatDay(task.dueOn, i18n.language), count: -(days ?? 0) })
    : isDueToday
      ? t('casePage.tasks.dueToday', { date: formatDay(task.dueOn, i18n.language) })
      : t('casePage.tasks.due', { date: formatDay(task.dueOn, i18n.language) })

  return (
    <li
      className={['case-task', isDone ? 'case-task--done' : null, isOverdue ? 'case-task--overdue' : null]
        .filter(Boolean)
        .join(' ')}
    >
      <Checkbox isSelected={isDone} inputRef={inputRef} onChange={(done) => void setDone(done)}>
        <span dir="auto" lang="" className="case-task__title">
          {title}
        </span>
      </Checkbox>
      <p className="case-task__meta">
        {isOverdue ? (
          <span className="case-task__overdue">
            <span aria-hidden="true" className="case-task__mark">
              !
            </span>
            {dueText}
          </span>
        ) : (
          <span>{dueText}</span>
        )}
        {task.origin === 'manual' ? null : <Badge tone="indigo">{vocab.taskOrigin(task.origin)}</Badge>}
      </p>
      {isDone && task.doneAt !== null ? (
        <p className="case-task__meta case-muted">
          {t('casePage.tasks.doneAt', { when: formatDateTime(task.doneAt, i18n.language) })}
        </p>
      ) : null}
      {errorKey ? (
        <Notice tone="danger" live="alert">
          {t(`casePage.errors.${errorKey}`)}
        </Notice>
      ) : null}
    </li>
  )
}

/** The case's to-do list with due dates; overdue ones say so in words. */
export function TasksPanel({ detail, onChanged }: { detail: TCaseDetail; onChanged: () => Promise<void> }) {
  const { t } = useTranslation()
  const [announcement, setAnnouncement] = useCaseMessage('tasks')
  const [serverError, setServerError] = useState<TCaseErrorKey | null>(null)
  const form = useForm<TTaskForm>({
    resolver: zodResolver(ZTaskFormSchema),
    defaultValues: { title: '', dueOn: '' },
    mode: 'onSubmit',
  })
  const tasks = [...detail.tasks].sort(byDue)
  const openCount = tasks.filter((task) => task.doneAt === null).length
  const today = todayIso()
  const overdueCount = tasks.filter((task) => task.doneAt === null && task.dueOn < today).length

  const afterChange = async (message: string) => {
    setAnnouncement(message)
    await onChanged()
  }

  const onSubmit = form.handleSubmit(async (task, event) => {
    setServerError(null)
    setAnnouncement('')
    const result = await callApi(() =>
      api.cases.addTask({ caseId: detail.id, title: task.title, dueOn: task.dueOn }),
    )
    if (!result.ok) {
      setServerError(caseErrorKey(result.error))
      return
    }
    form.reset({ title: '', dueOn: '' })
    // Back to the first field, ready for the next task; the new one is in the list and announced.
    const formElement = event?.target instanceof HTMLFormElement ? event.target : null
    formElement?.querySelector<HTMLInputElement>('input[name="title"]')?.focus()
    await afterChange(t('casePage.tasks.added', { title: result.value.title }))
  })

  return (
    <Section
      id="case-tasks-title"
      title={t('casePage.tasks.title')}
      lede={
        <>
          {t('casePage.tasks.count', { count: openCount })}
          {overdueCount > 0 ? ` ${t('casePage.tasks.overdueCount', { count: overdueCount })}` : ''}
        </>
      }
      isCompact
    >
      {tasks.length === 0 ? (
        <p className="case-muted">{t('casePage.tasks.none')}</p>
      ) : (
        <ul className="case-tasks" aria-label={t('casePage.tasks.title')}>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} caseId={detail.id} onChanged={afterChange} />
          ))}
        </ul>
      )}
      <LiveRegion politeness="polite">
        {announcement === '' ? null : <p className="case-announcement">{announcement}</p>}
      </LiveRegion>

      <h3 className="case-subtitle">{t('casePage.tasks.addTitle')}</h3>
      <CaseAddForm
        form={form}
        onSubmit={onSubmit}
        className="case-task-form"
        legend={t('casePage.tasks.addTitle')}
        serverError={serverError}
        submitLabel={t('casePage.tasks.add')}
      >
        <FormTextField<TTaskForm>
          name="title"
          label={t('casePage.tasks.taskTitle')}
          isRequired
          autoComplete="off"
        />
        <FormDateField<TTaskForm> name="dueOn" label={t('casePage.tasks.dueOn')} />
      </CaseAddForm>
    </Section>
  )
}
