import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { STAFF_TIMELINE_KINDS } from '../../../../shared/cases/vocabulary'
import type { TCaseDetail, TStaffRef, TTimelineEntry } from '../../../../shared/contract/cases'
import { api, callApi } from '../../api'
import { formatDateTime, formatDay, localDateTimeNow, localDateTimeToIso } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import {
  Badge,
  FormDateTimeField,
  FormRadioGroupField,
  FormTextAreaField,
  LiveRegion,
  Section,
} from '../../ui'
import { CaseAddForm } from './CaseAddForm'
import { useCaseMessage } from './caseMessage'
import { caseErrorKey, type TCaseErrorKey } from './errors'
import { useStaffName } from './staffName'
import { staffNamesOf, useTimelineSentence } from './timelineText'

const ZNoteFormSchema = z.object({
  kind: z.enum(STAFF_TIMELINE_KINDS, { error: 'vocab.validation.choice' }),
  occurredAt: z
    .string()
    .refine((value) => localDateTimeToIso(value) !== null, { error: 'casePage.timeline.errors.when' }),
  body: z
    .string()
    .trim()
    .min(1, { error: 'casePage.timeline.errors.textRequired' })
    .max(20_000, { error: 'vocab.validation.tooLong' }),
})
type TNoteForm = z.input<typeof ZNoteFormSchema>
const emptyNote = (): TNoteForm => ({ kind: 'note', occurredAt: localDateTimeNow(), body: '' })

const newestFirst = (a: TTimelineEntry, b: TTimelineEntry) =>
  b.occurredAt.localeCompare(a.occurredAt) || b.recordedAt.localeCompare(a.recordedAt)

/** Adds a note, call or meeting, dated now unless the caseworker says otherwise. */
function AddNoteForm({ caseId, onAdded }: { caseId: string; onAdded: (message: string) => Promise<void> }) {
  const { t } = useTranslation()
  const vocab = useVocab()
  const [serverError, setServerError] = useState<TCaseErrorKey | null>(null)
  const form = useForm<TNoteForm>({
    resolver: zodResolver(ZNoteFormSchema),
    defaultValues: emptyNote(),
    mode: 'onSubmit',
  })

  const onSubmit = form.handleSubmit(async (note, event) => {
    setServerError(null)
    // Left at its default, "now" is the moment it is saved (main's clock, to the second), not the minute the
    // form opened, so the entry lands at the top of the timeline.
    const occurredAt = form.formState.dirtyFields.occurredAt
      ? (localDateTimeToIso(note.occurredAt) ?? undefined)
      : undefined
    const result = await callApi(() =>
      api.cases.addTimelineEntry({
        caseId,
        kind: note.kind,
        body: note.body,
        ...(occurredAt === undefined ? {} : { occurredAt }),
      }),
    )
    if (!result.ok) {
      setServerError(caseErrorKey(result.error))
      return
    }
    form.reset(emptyNote())
    // Back to the form's first field (the chosen type), ready for the next entry; the new one is announced.
    const formElement = event?.target instanceof HTMLFormElement ? event.target : null
    formElement?.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]')?.focus()
    await onAdded(t('casePage.timeline.added', { kind: vocab.timelineKind(result.value.kind) }))
  })

  return (
    <CaseAddForm
      form={form}
      onSubmit={onSubmit}
      className="case-note-form"
      legend={t('casePage.timeline.addTitle')}
      serverError={serverError}
      submitLabel={t('casePage.timeline.add')}
      submitVariant="primary"
    >
      <div className="case-form__row">
        <FormRadioGroupField<TNoteForm>
          name="kind"
          label={t('casePage.timeline.kind')}
          options={STAFF_TIMELINE_KINDS.map((kind) => ({ id: kind, label: vocab.timelineKind(kind) }))}
        />
        <FormDateTimeField<TNoteForm> name="occurredAt" label={t('casePage.timeline.when')} isRequired />
      </div>
      <FormTextAreaField<TNoteForm>
        name="body"
        label={t('casePage.timeline.text')}
        description={t('casePage.timeline.textHelp')}
        isRequired
        rows={3}
        dir="auto"
      />
    </CaseAddForm>
  )
}

/** Everything that happened on the case, newest first, with who and when. */
export function Timeline({
  detail,
  assignees,
  onChanged,
}: {
  detail: TCaseDetail
  assignees: TStaffRef[] | null
  onChanged: () => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const [announcement, setAnnouncement] = useCaseMessage('timeline')
  const staffName = useStaffName()
  const sentenceOf = useTimelineSentence(detail, staffNamesOf(detail, assignees))
  const entries = [...detail.timeline].sort(newestFirst)

  return (
    <Section id="case-timeline-title" title={t('casePage.timeline.title')}>
      <h3 className="case-subtitle">{t('casePage.timeline.addTitle')}</h3>
      <AddNoteForm
        caseId={detail.id}
        onAdded={async (message) => {
          setAnnouncement(message)
          await onChanged()
        }}
      />
      <LiveRegion politeness="polite">
        {announcement === '' ? null : <p className="case-announcement">{announcement}</p>}
      </LiveRegion>
      <h3 className="case-subtitle">{t('casePage.timeline.history', { count: entries.length })}</h3>
      {entries.length === 0 ? (
        <p className="case-muted">{t('casePage.timeline.empty')}</p>
      ) : (
        <ol className="case-timeline">
          {entries.map((entry) => {
            const { sentence, note } = sentenceOf(entry)
            // An intake happened on a day, not at an hour.
            const when =
              entry.kind === 'intake'
                ? formatDay(entry.occurredAt.slice(0, 10), i18n.language)
                : formatDateTime(entry.occurredAt, i18n.language)
            return (
              <li key={entry.id} className={`case-timeline__entry case-timeline__entry--${entry.kind}`}>
                <p className="case-timeline__meta">
                  <Badge
                    tone={
                      entry.kind === 'note' || entry.kind === 'call' || entry.kind === 'meeting'
                        ? 'accent'
                        : 'neutral'
                    }
                  >
                    {vocab.timelineKind(entry.kind)}
                  </Badge>
                  <time dateTime={entry.occurredAt}>{when}</time>
                  <span>
                    {entry.author === null
                      ? t('casePage.imported')
                      : t('casePage.timeline.by', { name: staffName(entry.author) })}
                  </span>
                </p>
                {sentence === '' ? null : <p className="case-timeline__sentence">{sentence}</p>}
                {note === '' ? null : (
                  <p className="case-timeline__body case-prose" dir="auto" lang="">
                    {note}
                  </p>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </Section>
  )
}
