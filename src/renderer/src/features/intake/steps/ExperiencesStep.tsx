import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../../shared/cases/intake-schema'
import { IntakeCombo, IntakeSelect, IntakeText, IntakeTextArea } from '../fields'
import type { TIntakeOptions } from '../options'
import { RepeatedEntries } from './RepeatedEntries'

function OtherKind({ index }: { index: number }) {
  const { t } = useTranslation()
  const kind = useWatch<TIntakeInput, `experiences.entries.${number}.kind`>({
    name: `experiences.entries.${index}.kind`,
  })
  if (kind !== 'other') return null
  return <IntakeText name={`experiences.entries.${index}.otherKind`} label={t('intake.fields.otherKind')} />
}

/** What happened to the person, where and when: one entry per experience. */
export function ExperienceEntries({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  const { getValues } = useFormContext<TIntakeInput>()
  const { fields, append, remove, insert } = useFieldArray<TIntakeInput, 'experiences.entries'>({
    name: 'experiences.entries',
  })
  return (
    <RepeatedEntries
      count={fields.length}
      keyOf={(index) => fields[index]?.id ?? String(index)}
      legend={(index) => t('intake.fields.experienceLegend', { number: index + 1 })}
      removeLabel={(index) => t('intake.fields.removeExperience', { number: index + 1 })}
      addLabel={t('intake.fields.addExperience')}
      emptyText={t('intake.fields.noExperiences')}
      onAdd={() =>
        append(
          { kind: '' as 'other', otherKind: '', country: '', period: '', place: '' },
          { shouldFocus: false },
        )
      }
      removedText={(index) => t('intake.fields.experienceRemoved', { number: index + 1 })}
      entryAt={(index) => getValues(`experiences.entries.${index}`)}
      onRemove={remove}
      onRestore={(index, value) => insert(index, value, { shouldFocus: false })}
      renderEntry={(index) => (
        <>
          <IntakeSelect
            name={`experiences.entries.${index}.kind`}
            label={t('intake.fields.experienceKind')}
            options={options.experiences}
          />
          <OtherKind index={index} />
          <IntakeCombo
            name={`experiences.entries.${index}.country`}
            label={t('intake.fields.country')}
            options={options.countries}
          />
          <IntakeText
            name={`experiences.entries.${index}.period`}
            label={t('intake.fields.period')}
            description={t('intake.fields.periodHelp')}
          />
          <IntakeText name={`experiences.entries.${index}.place`} label={t('intake.fields.place')} />
        </>
      )}
    />
  )
}

/** The person's account in their words (its own sensitive section on the case page). */
export function NarrativeField() {
  const { t } = useTranslation()
  return (
    <div className="intake-grid">
      <IntakeTextArea
        name="experiences.narrative"
        label={t('intake.fields.narrative')}
        description={t('intake.fields.narrativeHelp')}
        rows={6}
      />
    </div>
  )
}

/** The intake's own notes (about the interview, not the account); edited on the case page with the narrative. */
export function IntakeNotesField() {
  const { t } = useTranslation()
  return (
    <div className="intake-grid">
      <IntakeTextArea
        name="meta.notes"
        label={t('intake.fields.intakeNotes')}
        description={t('intake.fields.intakeNotesHelp')}
        rows={4}
      />
    </div>
  )
}

export function ExperiencesStep({ options }: { options: TIntakeOptions }) {
  return (
    <>
      <ExperienceEntries options={options} />
      <NarrativeField />
    </>
  )
}
