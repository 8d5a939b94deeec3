import { useTranslation } from 'react-i18next'
import type { TCaseDetail } from '../../../../shared/contract/cases'
import { ageOn, formatDateTime, formatDay } from '../../lib/dates'
import { useVocab } from '../../lib/vocabulary'
import { Section } from '../../ui'
import { airportWords } from './airportWords'
import { EditSummaryButton } from './EditSummary'
import { Facts } from './Facts'
import { useStaffName } from './staffName'

/** What the case says about the person that is not sensitive: shown without a reveal. */
export function SummarySection({
  detail,
  onChanged,
}: {
  detail: TCaseDetail
  onChanged: () => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const staffName = useStaffName()
  const vocab = useVocab()
  const language = i18n.language
  const { person, languages, location, needs } = detail

  const legalName = [person.givenNames, person.familyName].filter((part) => part.trim() !== '').join(' ')
  const age = person.dateOfBirth !== '' ? ageOn(person.dateOfBirth) : null
  const birth =
    person.dateOfBirth !== ''
      ? t('casePage.summary.bornOn', {
          date: formatDay(person.dateOfBirth, language),
          count: age ?? 0,
        })
      : person.approximateAge !== null
        ? t('casePage.summary.approximateAge', { count: person.approximateAge })
        : ''
  const gender =
    person.gender === 'self_described' && person.genderSelfDescribed !== ''
      ? person.genderSelfDescribed
      : vocab.gender(person.gender)
  const interpreter = vocab.answer(languages.interpreterNeeded)
  const place = [location.city, vocab.province(location.province)].filter(Boolean).join(', ')
  const needList = needs.needs.map((need) =>
    need === 'other' && needs.otherNeed !== '' ? needs.otherNeed : vocab.legalNeed(need),
  )
  const detained =
    needs.detained === 'yes' && needs.detentionPlace !== ''
      ? t('casePage.summary.detainedAt', { place: needs.detentionPlace })
      : vocab.answer(needs.detained)
  const airport = needs.atAirportNow ? t('casePage.summary.yes') : t('casePage.summary.no')

  return (
    <Section
      id="case-summary-title"
      title={t('casePage.summary.title')}
      action={<EditSummaryButton detail={detail} onChanged={onChanged} />}
    >
      <div className="case-summary">
        <div className="case-summary__group">
          <h3 className="case-summary__title">{t('casePage.summary.names')}</h3>
          <Facts
            facts={[
              { label: t('casePage.summary.legalName'), value: legalName, isVerbatim: true },
              { label: t('casePage.summary.preferredName'), value: person.preferredName, isVerbatim: true },
              {
                label: t('casePage.summary.aliases'),
                value:
                  person.aliases.length === 0 ? (
                    ''
                  ) : (
                    <ul className="case-inline-list">
                      {person.aliases.map((alias) => (
                        <li key={alias} dir="auto" lang="">
                          {alias}
                        </li>
                      ))}
                    </ul>
                  ),
              },
              {
                label: t('casePage.summary.originalScriptName'),
                value: person.originalScriptName,
                isVerbatim: true,
              },
            ]}
          />
        </div>
        <div className="case-summary__group">
          <h3 className="case-summary__title">{t('casePage.summary.person')}</h3>
          <Facts
            facts={[
              { label: t('casePage.summary.birth'), value: birth },
              { label: t('casePage.summary.gender'), value: gender },
              { label: t('casePage.summary.pronouns'), value: person.pronouns, isVerbatim: true },
            ]}
          />
        </div>
        <div className="case-summary__group">
          <h3 className="case-summary__title">{t('casePage.summary.languages')}</h3>
          <Facts
            facts={[
              { label: t('casePage.summary.preferredLanguage'), value: vocab.language(languages.preferred) },
              {
                label: t('casePage.summary.otherLanguages'),
                value: languages.others.map((code) => vocab.language(code)).join(', '),
              },
              { label: t('casePage.summary.dialect'), value: languages.dialect, isVerbatim: true },
              { label: t('casePage.summary.interpreter'), value: interpreter },
            ]}
          />
        </div>
        <div className="case-summary__group">
          <h3 className="case-summary__title">{t('casePage.summary.location')}</h3>
          <Facts
            facts={[
              { label: t('casePage.summary.livesIn'), value: place },
              {
                label: t('casePage.summary.countryOfOrigin'),
                value: vocab.country(location.countryOfOrigin),
              },
              {
                label: t('casePage.summary.immigrationStatus'),
                value: vocab.immigrationStatus(location.immigrationStatus),
              },
              {
                label: t('casePage.summary.arrivalDate'),
                value: location.arrivalDate === '' ? '' : formatDay(location.arrivalDate, language),
              },
              { label: t('casePage.summary.arrivalRoute'), value: vocab.arrivalRoute(location.arrivalRoute) },
            ]}
          />
        </div>
        <div className="case-summary__group case-summary__group--wide">
          <h3 className="case-summary__title">{t('casePage.summary.needs')}</h3>
          <Facts
            facts={[
              {
                label: t('casePage.summary.legalNeeds'),
                value:
                  needList.length === 0 ? (
                    ''
                  ) : (
                    <ul className="case-inline-list">
                      {needList.map((need) => (
                        <li key={need}>{need}</li>
                      ))}
                    </ul>
                  ),
              },
              { label: t('casePage.summary.detained'), value: detained },
              { label: t('casePage.summary.atAirport'), value: airport },
              // Also when not there now: the airport they arrived through still decides who covers them.
              { label: t('casePage.summary.airport'), value: airportWords(needs, language) },
              {
                label: t('casePage.summary.removalDate'),
                value: needs.removalDate === '' ? '' : formatDay(needs.removalDate, language),
              },
              {
                label: t('casePage.summary.hearingDate'),
                value: needs.hearingDate === '' ? '' : formatDay(needs.hearingDate, language),
              },
              { label: t('casePage.summary.urgencyNotes'), value: needs.urgencyNotes, isVerbatim: true },
            ]}
          />
        </div>
        <div className="case-summary__group case-summary__group--wide">
          <h3 id="case-intakes-title" className="case-summary__title">
            {t('casePage.summary.intakes')}
          </h3>
          {detail.intakes.length === 0 ? (
            <p className="case-muted">{t('casePage.summary.noIntakes')}</p>
          ) : (
            <table className="case-table" aria-labelledby="case-intakes-title">
              <thead>
                <tr>
                  <th scope="col">{t('casePage.summary.intakeDate')}</th>
                  <th scope="col">{t('casePage.summary.intakeMethod')}</th>
                  <th scope="col">{t('casePage.summary.intakeStaff')}</th>
                  <th scope="col">{t('casePage.summary.intakeRecorded')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.intakes.map((intake) => (
                  <tr key={intake.id}>
                    <td>{formatDay(intake.intakeDate, language)}</td>
                    <td>{vocab.intakeMethod(intake.method) || t('casePage.notRecorded')}</td>
                    <td>{staffName(intake.staff)}</td>
                    <td>{formatDateTime(intake.recordedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </Section>
  )
}
