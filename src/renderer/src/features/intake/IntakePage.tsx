import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { emptyIntake, type TIntakeInput } from '../../../../shared/cases/intake-schema'
import { api } from '../../api'
import { todayIso } from '../../lib/dates'
import { BusyIndicator, Button, Notice, PageHeader } from '../../ui'
import { IntakeWizard } from './IntakeWizard'
import { intakeFromDraft, isWizardStep, type TWizardStepId } from './wizardSchema'
import './Intake.css'

type TLoad =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'ready'; values: TIntakeInput; step: TWizardStepId; draftId: string | undefined }

/** `#/survivors/new` starts an intake; `#/survivors/new/:draftId` resumes a saved draft at its step. */
export function IntakePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { draftId } = useParams()
  const [generation, setGeneration] = useState(0)
  const [loaded, setLoaded] = useState<{ id: string; load: TLoad } | null>(null)
  const blank = useMemo<TLoad>(
    () => ({ state: 'ready', values: emptyIntake(todayIso()), step: 'person', draftId: undefined }),
    // A new blank intake after each discard.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [generation],
  )

  useEffect(() => {
    if (draftId === undefined) return
    let current = true
    const done = (load: TLoad) => {
      if (current) setLoaded({ id: draftId, load })
    }
    api.intake
      .getDraft({ id: draftId })
      .then((result) =>
        done(
          result.ok
            ? {
                state: 'ready',
                values: intakeFromDraft(result.value.data, todayIso()),
                step: isWizardStep(result.value.step) ? result.value.step : 'person',
                draftId: result.value.id,
              }
            : { state: 'missing' },
        ),
      )
      .catch(() => done({ state: 'missing' }))
    return () => {
      current = false
    }
  }, [draftId, generation])

  const load: TLoad =
    draftId === undefined ? blank : loaded?.id === draftId ? loaded.load : { state: 'loading' }

  const startNew = () => {
    void navigate('/survivors/new', { replace: true })
    setGeneration((value) => value + 1)
    window.setTimeout(() => document.querySelector<HTMLElement>('[data-page-title]')?.focus(), 0)
  }

  return (
    <>
      <PageHeader title={t('intake.title')} description={t('intake.lede')} />
      {load.state === 'loading' ? <BusyIndicator label={t('intake.draft.loading')} /> : null}
      {load.state === 'missing' ? (
        <Notice tone="warning">
          <p>{t('intake.draft.notFound')}</p>
          <Button onPress={startNew}>{t('intake.draft.startNew')}</Button>
        </Notice>
      ) : null}
      {load.state === 'ready' ? (
        <IntakeWizard
          key={`${generation}-${load.draftId ?? 'new'}`}
          initialValues={load.values}
          initialStep={load.step}
          initialDraftId={load.draftId}
          onStartNew={startNew}
        />
      ) : null}
    </>
  )
}
