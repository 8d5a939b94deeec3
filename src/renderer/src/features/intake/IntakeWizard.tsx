import { zodResolver } from '@hookform/resolvers/zod'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import {
  INTAKE_STEPS,
  type TIntake,
  type TIntakeInput,
  type TIntakeStepId,
} from '../../../../shared/cases/intake-schema'
import type { TDuplicateCandidate, TDuplicateDecision } from '../../../../shared/contract/intake'
import { api } from '../../api'
import { announce, Button, ConfirmDialog, FieldErrorWordingContext, LiveRegion, Notice } from '../../ui'
import { normalizeDateText } from './draftDates'
import { DraftsList } from './DraftsList'
import { DuplicateReview } from './DuplicateReview'
import { ErrorSummary, flattenErrors } from './ErrorSummary'
import { createNameCheck } from './holdNameRequired'
import { useIntakeErrorWording } from './fields'
import { useIntakeOptions } from './options'
import { AdversePartiesStep } from './steps/AdversePartiesStep'
import { ConsentStep } from './steps/ConsentStep'
import { ContactStep } from './steps/ContactStep'
import { ExperiencesStep } from './steps/ExperiencesStep'
import { LanguagesStep } from './steps/LanguagesStep'
import { LocationStep } from './steps/LocationStep'
import { NeedsStep } from './steps/NeedsStep'
import { PersonStep } from './steps/PersonStep'
import { ReviewStep } from './steps/ReviewStep'
import { useDraftSaver } from './useDraftSaver'
import { stepOfKey, WIZARD_STEP_IDS, ZWizardSchema, type TWizardStepId } from './wizardSchema'

export type TIntakeWizardProps = {
  initialValues: TIntakeInput
  initialStep: TWizardStepId
  initialDraftId: string | undefined
  /** After a discard: a blank wizard. */
  onStartNew: () => void
}

/** Every date field: tidied (28/02/1980 → 1980-02-28) before a step is checked, even if Ctrl+Enter left none. */
const datePaths = (values: TIntakeInput): string[] => [
  'meta.intakeDate',
  'person.dateOfBirth',
  'location.arrivalDate',
  'needs.removalDate',
  'needs.hearingDate',
  ...values.consent.flatMap((_, index) => [`consent.${index}.givenOn`, `consent.${index}.expiresOn`]),
]

const keysOf = (stepId: TWizardStepId): readonly string[] =>
  INTAKE_STEPS.find((step) => step.id === stepId)?.keys ?? []

const belongsTo = (key: string, stepId: TWizardStepId) => keysOf(stepId).includes(key.split('.')[0] ?? '')

type TPhase =
  | { kind: 'editing' }
  | { kind: 'checking' }
  | {
      kind: 'duplicates'
      intake: TIntake
      candidates: TDuplicateCandidate[]
      conflict: boolean
    }

function focusField(container: HTMLElement | null, key: string): boolean {
  if (container === null) return false
  const slots = [...container.querySelectorAll<HTMLElement>('[data-field]')]
  const slot = slots.find((element) => {
    const field = element.dataset['field'] ?? ''
    return key === field || key.startsWith(`${field}.`)
  })
  const target = slot?.querySelector<HTMLElement>(
    'input:not([type="hidden"]), textarea, button:not([tabindex="-1"]), [tabindex="0"]',
  )
  target?.focus()
  target?.scrollIntoView({ block: 'center' })
  return target !== undefined && target !== null
}

/** The survivor intake: eight steps and a review, saved as a draft as it goes, then checked for duplicates. */
export function IntakeWizard({ initialValues, initialStep, initialDraftId, onStartNew }: TIntakeWizardProps) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const options = useIntakeOptions()
  const errorWording = useIntakeErrorWording()
  // "Enter at least one name" waits for Next, another step or a typed name (see createNameCheck).
  const [nameCheck] = useState(() =>
    createNameCheck(zodResolver(ZWizardSchema), initialStep !== WIZARD_STEP_IDS[0]),
  )
  const form = useForm<TIntakeInput, unknown, TIntake>({
    resolver: nameCheck.resolver,
    defaultValues: initialValues,
    mode: 'onTouched',
  })
  const { getValues, trigger, formState } = form
  const initialJson = useRef(JSON.stringify(initialValues))
  const getData = useCallback(() => getValues() as unknown as Record<string, unknown>, [getValues])
  const hasChanges = useCallback(() => JSON.stringify(getValues()) !== initialJson.current, [getValues])
  const saver = useDraftSaver(getData, initialDraftId, hasChanges)

  const [step, setStep] = useState<TWizardStepId>(initialStep)
  const stepRef = useRef(step)
  useEffect(() => {
    stepRef.current = step
  }, [step])
  const draftStep = (stepId: TWizardStepId): TIntakeStepId => (stepId === 'review' ? 'consent' : stepId)
  const [summaryFor, setSummaryFor] = useState<TWizardStepId | null>(null)
  const [phase, setPhase] = useState<TPhase>({ kind: 'editing' })
  const [problem, setProblem] = useState<'submitInvalid' | 'saveFailed' | null>(null)
  const [discardOpen, setDiscardOpen] = useState(false)
  const bodyRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const focusHeading = useRef(false)

  // Autosave ~2 s after typing stops.
  const { schedule } = saver
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: () => schedule(draftStep(stepRef.current)),
      }),
    [form, schedule],
  )

  useEffect(() => {
    if (!focusHeading.current) return
    focusHeading.current = false
    headingRef.current?.focus()
    bodyRef.current?.scrollIntoView({ block: 'start' })
  }, [step, phase.kind])

  const index = WIZARD_STEP_IDS.indexOf(step)
  const previous = index > 0 ? WIZARD_STEP_IDS[index - 1] : undefined
  const next = index < WIZARD_STEP_IDS.length - 1 ? WIZARD_STEP_IDS[index + 1] : undefined
  const stepTitle = (stepId: TWizardStepId) => t(`intake.steps.${stepId}.title`)

  const goTo = (target: TWizardStepId) => {
    nameCheck.arm()
    void saver.saveNow(draftStep(target))
    setSummaryFor(null)
    setProblem(null)
    setPhase({ kind: 'editing' })
    focusHeading.current = true
    setStep(target)
  }

  const showStepErrors = (stepId: TWizardStepId) => {
    setSummaryFor(stepId)
    // After React has drawn the errors: the first invalid field in reading order takes focus.
    window.setTimeout(() => {
      const keys = flattenErrors(form.formState.errors)
        .map((issue) => issue.key)
        .filter((key) => belongsTo(key, stepId))
      const slots = [...(bodyRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])]
      const first = slots
        .map((slot) => slot.dataset['field'] ?? '')
        .find((field) => keys.some((key) => key === field || key.startsWith(`${field}.`)))
      if (first !== undefined) focusField(bodyRef.current, first)
    }, 0)
  }

  const tidyDates = () => {
    for (const path of datePaths(getValues())) {
      const value = form.getValues(path as 'meta.intakeDate')
      if (typeof value !== 'string') continue
      const tidy = normalizeDateText(value, i18n.language)
      if (tidy !== value) form.setValue(path as 'meta.intakeDate', tidy, { shouldDirty: true })
    }
  }

  const goNext = async () => {
    if (next === undefined || phase.kind !== 'editing') return
    tidyDates()
    nameCheck.arm()
    const valid = await trigger(keysOf(step) as (keyof TIntakeInput)[])
    if (!valid) {
      showStepErrors(step)
      return
    }
    goTo(next)
  }

  const submit = async (intake: TIntake, decision: TDuplicateDecision, reviewed: string[]) => {
    setPhase((current) => (current.kind === 'duplicates' ? current : { kind: 'checking' }))
    await saver.stop()
    const result = await api.intake.submit({
      intake,
      ...(saver.draftId === undefined ? {} : { draftId: saver.draftId }),
      decision,
      reviewedCandidates: reviewed,
    })
    if (result.ok) {
      const { reference, caseId, createdCase } = result.value
      const message = t(createdCase ? 'intake.saved.newCase' : 'intake.saved.addedToCase', { reference })
      announce(message)
      // The case page may show it too (state.savedMessage); the announcement already says it.
      void navigate(`/survivors/${caseId}`, { state: { savedMessage: message } })
      return
    }
    saver.resume()
    if (result.error.code === 'CONFLICT') {
      const again = await api.intake.findDuplicates({ intake })
      if (again.ok && again.value.length > 0) {
        setPhase({ kind: 'duplicates', intake, candidates: again.value, conflict: true })
        return
      }
    }
    setPhase({ kind: 'editing' })
    setProblem('saveFailed')
  }

  const save = () => {
    tidyDates()
    return form.handleSubmit(
      async (intake) => {
        setProblem(null)
        setPhase({ kind: 'checking' })
        const found = await api.intake.findDuplicates({ intake })
        if (!found.ok) {
          setPhase({ kind: 'editing' })
          setProblem('saveFailed')
          return
        }
        if (found.value.length === 0) {
          await submit(intake, { kind: 'new' }, [])
          return
        }
        focusHeading.current = true
        setPhase({ kind: 'duplicates', intake, candidates: found.value, conflict: false })
      },
      (errors) => {
        const first = flattenErrors(errors)[0]
        const target = first ? stepOfKey(first.key.split('.')[0] ?? '') : 'person'
        setProblem('submitInvalid')
        setStep(target)
        showStepErrors(target)
      },
    )()
  }

  // Ctrl+Enter (⌘+Enter) always means "next step" (on the review: save), wherever focus is in the wizard: on a
  // radio, a drop-down or a button too. Caught on the way down, so the focused control never sees it (it would
  // otherwise press "Add an adverse party" or open a list). A document listener, because an open drop-down's
  // list lives outside the wizard.
  const layoutRef = useRef<HTMLDivElement>(null)
  const shortcut = useRef<() => void>(() => undefined)
  useEffect(() => {
    shortcut.current = () => {
      if (phase.kind !== 'editing') return
      if (step === 'review') void save()
      else void goNext()
    }
  })
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      const target = event.target instanceof Element ? event.target : null
      const inWizard =
        target !== null &&
        (layoutRef.current?.contains(target) === true ||
          (target.closest('.ui-select__popover') !== null &&
            document.querySelector('[role="dialog"], [role="alertdialog"]') === null))
      if (!inWizard || event.defaultPrevented) return
      event.preventDefault()
      event.stopPropagation()
      shortcut.current()
    }
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [])

  const discard = async () => {
    setDiscardOpen(false)
    await saver.stop()
    if (saver.draftId !== undefined) await api.intake.discardDraft({ id: saver.draftId })
    announce(t('intake.draft.discarded'))
    onStartNew()
  }

  const issues = useMemo(
    () =>
      summaryFor === step
        ? flattenErrors(formState.errors).filter((issue) => belongsTo(issue.key, step))
        : [],
    [summaryFor, step, formState],
  )

  const savedTime =
    saver.savedAt === null
      ? null
      : new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(
          new Date(saver.savedAt),
        )
  const isBusy = phase.kind === 'checking'
  const values = getValues()
  const erroredSteps = new Set(
    flattenErrors(formState.errors).map((issue) => stepOfKey(issue.key.split('.')[0] ?? '')),
  )

  return (
    <FormProvider {...form}>
      <FieldErrorWordingContext value={errorWording}>
        <div className="intake-layout" ref={layoutRef}>
          <div className="intake-aside">
            <nav aria-label={t('intake.stepsLabel')} className="intake-steps">
              <ol className="intake-steps__list">
                {WIZARD_STEP_IDS.map((stepId, at) => (
                  <li key={stepId}>
                    <button
                      type="button"
                      className="intake-steps__link"
                      aria-current={stepId === step ? 'step' : undefined}
                      onClick={() => goTo(stepId)}
                    >
                      <span className="intake-steps__number" aria-hidden="true">
                        {at + 1}
                      </span>
                      <span>{stepTitle(stepId)}</span>
                      {stepId !== 'review' && erroredSteps.has(stepId as TIntakeStepId) ? (
                        <span className="intake-steps__flag">
                          <span aria-hidden="true">!</span>
                          <span className="visually-hidden">{t('intake.errors.summaryTitle')}</span>
                        </span>
                      ) : null}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
            <div className="intake-aside__actions">
              <Button variant="quiet" onPress={() => setDiscardOpen(true)}>
                {t('intake.actions.discard')}
              </Button>
            </div>
            {saver.draftId === undefined ? <DraftsList headingLevel={2} compact /> : null}
          </div>
          <div className="intake-body" ref={bodyRef}>
            {phase.kind === 'duplicates' ? (
              <DuplicateReview
                intake={phase.intake}
                candidates={phase.candidates}
                options={options}
                isBusy={false}
                showConflict={phase.conflict}
                onSamePerson={(candidate) =>
                  void submit(
                    phase.intake,
                    { kind: 'existing', caseId: candidate.caseId },
                    phase.candidates.map((item) => item.caseId),
                  )
                }
                onDifferentPerson={() =>
                  void submit(
                    phase.intake,
                    { kind: 'new' },
                    phase.candidates.map((item) => item.caseId),
                  )
                }
                onBack={() => {
                  focusHeading.current = true
                  setPhase({ kind: 'editing' })
                }}
              />
            ) : (
              <section className="ui-panel intake-step" aria-labelledby="intake-step-title">
                <p className="intake-step__count">
                  {t('intake.stepOf', { current: index + 1, total: WIZARD_STEP_IDS.length })}
                </p>
                <h2 id="intake-step-title" ref={headingRef} tabIndex={-1} className="intake-step__title">
                  {stepTitle(step)}
                </h2>
                <p className="intake-step__lede">{t(`intake.steps.${step}.lede`)}</p>
                {problem === 'submitInvalid' ? (
                  <Notice tone="warning">{t('intake.errors.submitInvalid')}</Notice>
                ) : null}
                {issues.length > 0 ? (
                  <ErrorSummary
                    issues={issues}
                    values={values}
                    onGoTo={(key) => focusField(bodyRef.current, key)}
                  />
                ) : null}
                <div className="intake-step__fields">
                  {step === 'person' ? <PersonStep options={options} /> : null}
                  {step === 'contact' ? <ContactStep options={options} /> : null}
                  {step === 'languages' ? <LanguagesStep options={options} /> : null}
                  {step === 'location' ? <LocationStep options={options} /> : null}
                  {step === 'experiences' ? <ExperiencesStep options={options} /> : null}
                  {step === 'adverseParties' ? <AdversePartiesStep options={options} /> : null}
                  {step === 'needs' ? <NeedsStep options={options} /> : null}
                  {step === 'consent' ? <ConsentStep options={options} /> : null}
                  {step === 'review' ? (
                    <ReviewStep values={values} options={options} onEdit={(stepId) => goTo(stepId)} />
                  ) : null}
                </div>
                <LiveRegion politeness="assertive">
                  {problem === 'saveFailed' ? (
                    <Notice tone="danger">{t('intake.errors.saveFailed')}</Notice>
                  ) : null}
                </LiveRegion>
                <div className="intake-actions">
                  {previous !== undefined ? (
                    <Button onPress={() => goTo(previous)} isDisabled={isBusy}>
                      {t('intake.actions.back', { step: stepTitle(previous) })}
                    </Button>
                  ) : null}
                  {next !== undefined ? (
                    <Button variant="primary" onPress={() => void goNext()}>
                      {t('intake.actions.next', { step: stepTitle(next) })}
                    </Button>
                  ) : (
                    <Button variant="primary" onPress={() => void save()} isDisabled={isBusy}>
                      {isBusy ? t('intake.actions.saving') : t('intake.actions.save')}
                    </Button>
                  )}
                  <span className="intake-actions__hint">
                    {t(next === undefined ? 'intake.shortcutHintSave' : 'intake.shortcutHint')}
                  </span>
                </div>
              </section>
            )}
            <LiveRegion politeness="polite" className="intake-draft-status">
              {saver.failed
                ? t('intake.draft.saveFailed')
                : savedTime === null
                  ? null
                  : t('intake.draft.savedAt', { time: savedTime })}
            </LiveRegion>
            {phase.kind === 'checking' ? (
              <p className="visually-hidden" role="status">
                {t('intake.duplicates.checking')}
              </p>
            ) : null}
          </div>
        </div>
        <ConfirmDialog
          isOpen={discardOpen}
          onClose={() => setDiscardOpen(false)}
          title={t('intake.draft.discardTitle')}
          onConfirm={() => void discard()}
          confirmLabel={t('intake.draft.discardConfirm')}
          cancelLabel={t('intake.draft.keep')}
          isCancelFocused
        >
          <p>{t('intake.draft.discardBody')}</p>
        </ConfirmDialog>
      </FieldErrorWordingContext>
    </FormProvider>
  )
}
