import type { ParseKeys } from 'i18next'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { intakeNames, type TIntake } from '../../../../shared/cases/intake-schema'
import type { TDuplicateCandidate } from '../../../../shared/contract/intake'
import { Button, Notice } from '../../ui'
import type { TIntakeOptions } from './options'

const labelIn = (options: readonly { id: string; label: string }[], id: string) =>
  id ? (options.find((option) => option.id === id)?.label ?? id) : ''

/** A score in words: people compare better with a sentence than with a percentage. */
export function likelihoodKey(score: number): 'veryLikely' | 'likely' | 'possible' {
  if (score >= 0.9) return 'veryLikely'
  if (score >= 0.8) return 'likely'
  return 'possible'
}

const phoneEnding = (phone: string) => {
  const digits = phone.replace(/\D/g, '')
  return digits.length >= 4 ? digits.slice(-4) : ''
}

export type TDuplicateReviewProps = {
  intake: TIntake
  candidates: readonly TDuplicateCandidate[]
  options: TIntakeOptions
  isBusy: boolean
  /** Main found a likely match that was not shown before. */
  showConflict: boolean
  onSamePerson: (candidate: TDuplicateCandidate) => void
  onDifferentPerson: () => void
  onBack: () => void
}

/** The new intake beside each stored case that may be the same person; the caseworker decides. */
export function DuplicateReview({
  intake,
  candidates,
  options,
  isBusy,
  showConflict,
  onSamePerson,
  onDifferentPerson,
  onBack,
}: TDuplicateReviewProps) {
  const { t } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    headingRef.current?.focus()
  }, [candidates])

  const dash = t('intake.duplicates.noValue')
  const or = (value: string) => (value === '' ? dash : value)
  const birth = (dateOfBirth: string, age: number | null) =>
    dateOfBirth !== '' ? dateOfBirth : age === null ? dash : t('intake.review.ageValue', { age })
  const place = (province: string, city: string) =>
    or([labelIn(options.provinces, province), city].filter(Boolean).join(', '))
  const mine = {
    names: intakeNames(intake.person),
    birth: birth(intake.person.dateOfBirth, intake.person.approximateAge),
    gender: or(labelIn(options.genders, intake.person.gender)),
    country: or(labelIn(options.countries, intake.location.countryOfOrigin)),
    place: place(intake.location.province, intake.location.city),
    language: or(labelIn(options.languages, intake.languages.preferred)),
    phone: or(phoneEnding(intake.contact.phone)),
  }

  return (
    <section className="ui-panel intake-duplicates" aria-labelledby="intake-duplicates-title">
      <h2 id="intake-duplicates-title" ref={headingRef} tabIndex={-1} className="intake-step__title">
        {t('intake.duplicates.title')}
      </h2>
      <p className="intake-step__lede">{t('intake.duplicates.lede')}</p>
      {showConflict ? (
        <Notice tone="warning" live="alert">
          {t('intake.errors.conflict')}
        </Notice>
      ) : null}
      {candidates.map((candidate) => {
        const level = likelihoodKey(candidate.score)
        const rows: { label: string; mine: ReactNode; theirs: ReactNode }[] = [
          {
            label: t('intake.duplicates.names'),
            mine: <NameList names={mine.names} />,
            theirs: <NameList names={candidate.names} />,
          },
          {
            label: t('intake.duplicates.birth'),
            mine: mine.birth,
            theirs: birth(candidate.dateOfBirth, candidate.approximateAge),
          },
          {
            label: t('intake.duplicates.gender'),
            mine: mine.gender,
            theirs: or(labelIn(options.genders, candidate.gender)),
          },
          {
            label: t('intake.duplicates.countryOfOrigin'),
            mine: mine.country,
            theirs: or(labelIn(options.countries, candidate.countryOfOrigin)),
          },
          {
            label: t('intake.duplicates.location'),
            mine: mine.place,
            theirs: place(candidate.province, candidate.city),
          },
          {
            label: t('intake.duplicates.preferredLanguage'),
            mine: mine.language,
            theirs: or(labelIn(options.languages, candidate.preferredLanguage)),
          },
          { label: t('intake.duplicates.phoneEnding'), mine: mine.phone, theirs: or(candidate.phoneEnding) },
          { label: t('intake.duplicates.reference'), mine: dash, theirs: candidate.reference },
          { label: t('intake.duplicates.status'), mine: dash, theirs: t(`vocab.status.${candidate.status}`) },
          { label: t('intake.duplicates.openedOn'), mine: dash, theirs: or(candidate.openedOn) },
          { label: t('intake.duplicates.intakeCount'), mine: dash, theirs: String(candidate.intakeCount) },
        ]
        return (
          <article
            key={candidate.caseId}
            className="intake-candidate"
            aria-labelledby={`candidate-${candidate.caseId}`}
          >
            <div className="intake-candidate__header">
              <h3 id={`candidate-${candidate.caseId}`} className="intake-candidate__title">
                {t('intake.duplicates.candidateTitle', {
                  reference: candidate.reference,
                  name: candidate.displayName,
                })}
              </h3>
              <p className={`intake-candidate__level intake-candidate__level--${level}`}>
                <span className="visually-hidden">{t('intake.duplicates.level')}: </span>
                {t(`intake.duplicates.levels.${level}`)}
              </p>
            </div>
            <div className="intake-candidate__reasons">
              <span className="intake-candidate__reasons-label">{t('intake.duplicates.reasons')}:</span>
              <ul>
                {candidate.reasons.map((reason) => (
                  <li key={reason}>{t(`vocab.matchReason.${reason}` as ParseKeys<'translation'>, reason)}</li>
                ))}
              </ul>
            </div>
            <table className="intake-compare">
              <caption className="visually-hidden">
                {t('intake.duplicates.tableCaption', { reference: candidate.reference })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('intake.duplicates.field')}</th>
                  <th scope="col">{t('intake.duplicates.thisIntake')}</th>
                  <th scope="col">{candidate.reference}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td dir="auto">{row.mine}</td>
                    <td dir="auto">{row.theirs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="intake-candidate__actions">
              <Button variant="primary" isDisabled={isBusy} onPress={() => onSamePerson(candidate)}>
                {t('intake.duplicates.samePerson', { reference: candidate.reference })}
              </Button>
            </div>
          </article>
        )
      })}
      <div className="intake-actions">
        <Button variant="quiet" isDisabled={isBusy} onPress={onBack}>
          {t('intake.duplicates.back')}
        </Button>
        <Button isDisabled={isBusy} onPress={onDifferentPerson}>
          {t('intake.duplicates.differentPerson')}
        </Button>
      </div>
    </section>
  )
}

function NameList({ names }: { names: readonly string[] }) {
  if (names.length === 0) return <>—</>
  return (
    <ul className="intake-compare__names">
      {names.map((name) => (
        <li key={name} dir="auto">
          {name}
        </li>
      ))}
    </ul>
  )
}
