import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useIntakeOptions } from './options'
import { AdversePartiesStep } from './steps/AdversePartiesStep'
import { ContactStep } from './steps/ContactStep'
import { ExperienceEntries, IntakeNotesField, NarrativeField } from './steps/ExperiencesStep'
import { LanguagesStep } from './steps/LanguagesStep'
import { LocationStep } from './steps/LocationStep'
import { NeedsStep } from './steps/NeedsStep'
import { PersonFields } from './steps/PersonStep'
import './Intake.css'

/*
 * The intake's own fields, for the case page's editors: the same controls, labels, date tidying and rules as the
 * wizard, bound by the same names ('person.givenNames', 'contact.phone'…) to the form around them.
 */

/** Who the person is, their languages, where they are and what they need: the case summary. */
export function CaseSummaryFields() {
  const { t } = useTranslation()
  const options = useIntakeOptions()
  return (
    <div className="intake-edit">
      <PersonFields options={options} />
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.steps.languages.title')}</legend>
        <LanguagesStep options={options} />
      </fieldset>
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.steps.location.title')}</legend>
        <LocationStep options={options} />
      </fieldset>
      <fieldset className="intake-section">
        <legend className="intake-section__title">{t('intake.steps.needs.title')}</legend>
        <NeedsStep options={options} />
      </fieldset>
    </div>
  )
}

/** Phone, email and how to reach the person safely. */
export function CaseContactFields() {
  const options = useIntakeOptions()
  return (
    <div className="intake-edit">
      <ContactStep options={options} />
    </div>
  )
}

/** One intake's experiences ('experiences.entries.N.kind'…). */
export function CaseExperienceFields() {
  const options = useIntakeOptions()
  return (
    <div className="intake-edit">
      <ExperienceEntries options={options} />
    </div>
  )
}

/** One intake's narrative and notes ('experiences.narrative', 'meta.notes'). */
export function CaseNarrativeFields() {
  return (
    <div className="intake-edit">
      <NarrativeField />
      <IntakeNotesField />
    </div>
  )
}

/** One intake's adverse parties ('adverseParties.N.name'…). */
export function CaseAdversePartyFields() {
  const options = useIntakeOptions()
  return (
    <div className="intake-edit">
      <AdversePartiesStep options={options} />
    </div>
  )
}

/** Field keys whose label is not `intake.fields.<key>`. */
const LABEL_OF: Record<string, string> = {
  'languages.preferred': 'preferredLanguage',
  'languages.others': 'otherLanguages',
  'needs.needs': 'needs',
  'meta.notes': 'intakeNotes',
}

/** Labels of the fields of an experience or an adverse party, and each entry's legend ("Adverse party 2"). */
const ENTRY_LABELS: Record<string, { legend: string; fields: Record<string, string> }> = {
  experiences: {
    legend: 'experienceLegend',
    fields: {
      kind: 'experienceKind',
      otherKind: 'otherKind',
      country: 'country',
      period: 'period',
      place: 'place',
    },
  },
  adverseParties: {
    legend: 'partyLegend',
    fields: {
      kind: 'partyKind',
      name: 'partyName',
      originalScriptName: 'partyOriginalScriptName',
      country: 'country',
      notes: 'partyNotes',
    },
  },
}

/**
 * The label of a case file field named 'section.field' (as the timeline's edit entries name them), or of an entry
 * of a list named 'list.N.field' / 'list.N.added' / 'list.N.removed' ("Adverse party 2: Name").
 */
export function useCaseFieldLabel(): (path: string) => string {
  const { t, i18n } = useTranslation()
  return useCallback(
    (path: string) => {
      const [list = '', number = '', field = ''] = path.split('.')
      const entry = ENTRY_LABELS[list]
      if (entry !== undefined && /^\d+$/.test(number)) {
        const legend = t(`intake.fields.${entry.legend}` as 'intake.fields.partyLegend', { number })
        if (field === 'added') return t('casePage.edit.entryAdded', { entry: legend })
        if (field === 'removed') return t('casePage.edit.entryRemoved', { entry: legend })
        const label = entry.fields[field]
        if (label === undefined) return path
        return t('casePage.edit.entryField', {
          entry: legend,
          field: t(`intake.fields.${label}` as 'intake.fields.givenNames'),
        })
      }
      const key = LABEL_OF[path] ?? path.split('.')[1] ?? path
      const full = `intake.fields.${key}`
      return i18n.exists(full) ? t(full as 'intake.fields.givenNames') : path
    },
    [t, i18n],
  )
}
