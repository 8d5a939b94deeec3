import { useRef, useState } from 'react'
import { Form } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import type { TLetterTemplate } from '../../../../shared/contract/packets'
import {
  LETTER_PLACEHOLDERS,
  letterProblems,
  type TLetterProblem,
} from '../../../../shared/packets/letter-template'
import { PACKET_LANGUAGES } from '../../../../shared/packets/vocabulary'
import { api, callApi } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { BusyIndicator, Button, LiveRegion, Notice, TextAreaField } from '../../ui'
import './Packets.css'

const readTemplates = () => api.packets.letterTemplates({})

/**
 * The letter to a Member of Parliament, as admins word it in English and in French. Problems (a placeholder the
 * packet cannot fill, a brace left open) are shown before saving; main checks again and keeps every version.
 */
export function MpLetterTemplateCard() {
  const { t } = useTranslation()
  const { load } = useApiQuery(readTemplates)
  return (
    <div className="ui-panel admin-card">
      <h3 className="admin-card__title">{t('packets.letterTemplate.heading')}</h3>
      <p className="admin-card__text">
        {t('packets.letterTemplate.explain', {
          placeholders: LETTER_PLACEHOLDERS.map((name) => `{${name}}`).join(', '),
        })}
      </p>
      {load.state === 'ready' ? (
        PACKET_LANGUAGES.map((language) => (
          <LetterTemplateForm key={language} initial={load.value[language]} />
        ))
      ) : load.state === 'failed' ? (
        <Notice tone="danger">{t('packets.letterTemplate.loadFailed')}</Notice>
      ) : (
        <BusyIndicator label={t('packets.letterTemplate.loading')} />
      )}
    </div>
  )
}

function LetterTemplateForm({ initial }: { initial: TLetterTemplate }) {
  const { t, i18n } = useTranslation()
  const [saved, setSaved] = useState(initial)
  const [draft, setDraft] = useState(initial.body)
  const [problems, setProblems] = useState<readonly TLetterProblem[]>([])
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null)
  const [isSaving, setIsSaving] = useState(false)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const { language } = saved

  const problemText = (problem: TLetterProblem): string =>
    t(`packets.letterTemplate.problem.${problem.problem}`, problem)

  const onSubmit = async () => {
    const found = letterProblems(draft)
    setProblems(found)
    setOutcome(null)
    if (found.length > 0) {
      inputRef.current?.focus()
      return
    }
    setIsSaving(true)
    const result = await callApi(() => api.packets.saveLetterTemplate({ language, body: draft }))
    setIsSaving(false)
    if (result.ok) {
      setSaved(result.value)
      setDraft(result.value.body)
      setOutcome({
        tone: 'success',
        text: t('packets.letterTemplate.saved', { version: result.value.version }),
      })
    } else {
      setOutcome({ tone: 'danger', text: t('packets.letterTemplate.saveFailed') })
    }
  }

  const savedOn =
    saved.savedAt === null
      ? t('packets.letterTemplate.asShipped')
      : t('packets.letterTemplate.version', {
          version: saved.version,
          who: saved.savedBy ?? '',
          when: new Date(saved.savedAt).toLocaleDateString(i18n.language, { dateStyle: 'long' }),
        })
  return (
    <Form
      className="admin-form packet-letter-form"
      validationBehavior="aria"
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
    >
      <TextAreaField
        label={t(`packets.letterTemplate.label.${language}`)}
        description={`${savedOn} ${t('packets.letterTemplate.help')}`}
        value={draft}
        onChange={(value) => {
          setDraft(value)
          setProblems([])
          setOutcome(null)
        }}
        inputRef={inputRef}
        rows={12}
        maxLength={8000}
        isDisabled={isSaving}
        errorMessage={problems.length === 0 ? undefined : problems.map(problemText).join(' ')}
      />
      <div className="admin-card__actions">
        <Button type="submit" variant="primary" isDisabled={isSaving || draft === saved.body}>
          {t(`packets.letterTemplate.save.${language}`)}
        </Button>
      </div>
      <LiveRegion politeness="polite">
        {outcome === null ? null : <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      </LiveRegion>
    </Form>
  )
}
