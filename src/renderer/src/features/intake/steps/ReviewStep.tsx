import type { ParseKeys } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput, TIntakeStepId } from '../../../../../shared/cases/intake-schema'
import { Button } from '../../../ui'
import type { TIntakeOptions } from '../options'

type TRow = { label: string; value: ReactNode }

const labelIn = (options: readonly { id: string; label: string }[], id: string | undefined | null) =>
  id ? (options.find((option) => option.id === id)?.label ?? id) : ''

function Section({
  stepId,
  rows,
  onEdit,
  children,
}: {
  stepId: TIntakeStepId
  rows: TRow[]
  onEdit: (stepId: TIntakeStepId) => void
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const title = t(`intake.steps.${stepId}.title`)
  const filled = rows.filter((row) => row.value !== '' && row.value !== null)
  return (
    <section className="intake-review__section" aria-labelledby={`review-${stepId}`}>
      <div className="intake-review__header">
        <h3 id={`review-${stepId}`} className="intake-review__title">
          {title}
        </h3>
        <Button variant="quiet" onPress={() => onEdit(stepId)}>
          {t('intake.actions.edit', { step: title })}
        </Button>
      </div>
      {filled.length === 0 && !children ? (
        <p className="intake-review__empty">{t('intake.review.empty')}</p>
      ) : (
        <dl className="intake-review__list">
          {filled.map((row) => (
            <div key={row.label} className="intake-review__row">
              <dt>{row.label}</dt>
              <dd>
                <span dir="auto" className="intake-review__value">
                  {row.value}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </section>
  )
}

/** Every answer, step by step, with a way back to each step. Empty answers are left out. */
export function ReviewStep({
  values,
  options,
  onEdit,
}: {
  values: TIntakeInput
  options: TIntakeOptions
  onEdit: (stepId: TIntakeStepId) => void
}) {
  const { t } = useTranslation()
  const { person, meta, contact, languages, location, experiences, adverseParties, needs, consent } = values
  const yesNo = (value: boolean) => (value ? t('intake.review.yes') : '')
  const f = (key: ParseKeys<'translation'>): string => t(key)
  return (
    <div className="intake-review">
      <Section
        stepId="person"
        onEdit={onEdit}
        rows={[
          { label: f('intake.fields.givenNames'), value: person.givenNames },
          { label: f('intake.fields.familyName'), value: person.familyName },
          { label: f('intake.fields.preferredName'), value: person.preferredName },
          { label: f('intake.fields.aliases'), value: person.aliases.join(', ') },
          { label: f('intake.fields.originalScriptName'), value: person.originalScriptName },
          { label: f('intake.fields.dateOfBirth'), value: person.dateOfBirth },
          {
            label: f('intake.fields.approximateAge'),
            value:
              person.approximateAge === null
                ? ''
                : t('intake.review.ageValue', { age: person.approximateAge }),
          },
          { label: f('intake.fields.gender'), value: labelIn(options.genders, person.gender) },
          { label: f('intake.fields.genderSelfDescribed'), value: person.genderSelfDescribed },
          { label: f('intake.fields.pronouns'), value: person.pronouns },
          { label: f('intake.fields.intakeDate'), value: meta.intakeDate },
          { label: f('intake.fields.method'), value: labelIn(options.intakeMethods, meta.method) },
          { label: f('intake.fields.interpreterUsed'), value: meta.interpreterUsed },
        ]}
      />
      <Section
        stepId="contact"
        onEdit={onEdit}
        rows={[
          { label: f('intake.fields.phone'), value: contact.phone },
          { label: f('intake.fields.email'), value: contact.email },
          {
            label: f('intake.fields.safeMethod'),
            value: labelIn(options.contactMethods, contact.safeMethod),
          },
          { label: f('intake.fields.safeTimes'), value: contact.safeTimes },
          { label: f('intake.fields.voicemailSafe'), value: labelIn(options.answers, contact.voicemailSafe) },
          { label: f('intake.fields.safetyNotes'), value: contact.safetyNotes },
        ]}
      />
      <Section
        stepId="languages"
        onEdit={onEdit}
        rows={[
          {
            label: f('intake.fields.preferredLanguage'),
            value: labelIn(options.languages, languages.preferred),
          },
          {
            label: f('intake.fields.otherLanguages'),
            value: languages.others.map((code) => labelIn(options.languages, code)).join(', '),
          },
          {
            label: f('intake.fields.interpreterNeeded'),
            value: labelIn(options.answers, languages.interpreterNeeded),
          },
          { label: f('intake.fields.dialect'), value: languages.dialect },
        ]}
      />
      <Section
        stepId="location"
        onEdit={onEdit}
        rows={[
          { label: f('intake.fields.province'), value: labelIn(options.provinces, location.province) },
          { label: f('intake.fields.city'), value: location.city },
          {
            label: f('intake.fields.countryOfOrigin'),
            value: labelIn(options.countries, location.countryOfOrigin),
          },
          {
            label: f('intake.fields.immigrationStatus'),
            value: labelIn(options.immigrationStatuses, location.immigrationStatus),
          },
          { label: f('intake.fields.arrivalDate'), value: location.arrivalDate },
          {
            label: f('intake.fields.arrivalRoute'),
            value: labelIn(options.arrivalRoutes, location.arrivalRoute),
          },
        ]}
      />
      <Section
        stepId="experiences"
        onEdit={onEdit}
        rows={[
          ...experiences.entries.map((entry, index) => ({
            label: t('intake.fields.experienceLegend', { number: index + 1 }),
            value: [
              entry.kind === 'other' && entry.otherKind
                ? entry.otherKind
                : labelIn(options.experiences, entry.kind),
              labelIn(options.countries, entry.country),
              entry.period,
              entry.place,
            ]
              .filter(Boolean)
              .join(' · '),
          })),
          { label: f('intake.fields.narrative'), value: experiences.narrative },
        ]}
      />
      <Section
        stepId="adverseParties"
        onEdit={onEdit}
        rows={adverseParties.map((party, index) => ({
          label: t('intake.fields.partyLegend', { number: index + 1 }),
          value: [
            labelIn(options.partyKinds, party.kind),
            party.name,
            party.originalScriptName,
            labelIn(options.countries, party.country),
            party.notes,
          ]
            .filter(Boolean)
            .join(' · '),
        }))}
      />
      <Section
        stepId="needs"
        onEdit={onEdit}
        rows={[
          {
            label: f('intake.fields.needs'),
            value: needs.needs.map((need) => labelIn(options.legalNeeds, need)).join(', '),
          },
          { label: f('intake.fields.otherNeed'), value: needs.otherNeed },
          { label: f('intake.fields.detained'), value: labelIn(options.answers, needs.detained) },
          { label: f('intake.fields.detentionPlace'), value: needs.detentionPlace },
          { label: f('intake.fields.removalDate'), value: needs.removalDate },
          { label: f('intake.fields.hearingDate'), value: needs.hearingDate },
          { label: f('intake.fields.atAirportNow'), value: yesNo(needs.atAirportNow) },
          {
            label: f('intake.fields.airportCode'),
            value: labelIn(options.airports, needs.airportCode ?? ''),
          },
          { label: f('intake.fields.airport'), value: needs.airport },
          { label: f('intake.fields.urgencyNotes'), value: needs.urgencyNotes },
        ]}
      />
      <Section
        stepId="consent"
        onEdit={onEdit}
        rows={consent.map((entry) => ({
          label: t(`vocab.consentPurpose.${entry.purpose}`),
          value: [
            entry.granted ? t('intake.review.granted') : t('intake.review.refused'),
            labelIn(options.consentMethods, entry.method),
            entry.givenOn,
            entry.expiresOn ? `→ ${entry.expiresOn}` : '',
            entry.notes,
          ]
            .filter(Boolean)
            .join(' · '),
        }))}
      />
    </div>
  )
}
