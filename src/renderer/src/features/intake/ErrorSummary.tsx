import type { ParseKeys, TFunction } from 'i18next'
import type { FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../shared/cases/intake-schema'
import { useIssueText } from './fields'

type TKey = ParseKeys<'translation'>

export type TFieldIssue = { key: string; message: string }

/** Every error in the form's error tree, depth first, as 'a.b.0.c' → message. */
export function flattenErrors(errors: FieldErrors<TIntakeInput>): TFieldIssue[] {
  const found: TFieldIssue[] = []
  const walk = (node: unknown, path: string[]) => {
    if (typeof node !== 'object' || node === null) return
    const record = node as Record<string, unknown>
    if (typeof record['message'] === 'string' && typeof record['type'] === 'string') {
      found.push({ key: path.join('.'), message: record['message'] })
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue
      walk(child, [...path, key])
    }
  }
  walk(errors, [])
  return found
}

const FIELD_LABELS: Record<string, TKey> = {
  'meta.intakeDate': 'intake.fields.intakeDate',
  'meta.method': 'intake.fields.method',
  'meta.interpreterUsed': 'intake.fields.interpreterUsed',
  'person.givenNames': 'intake.fields.givenNames',
  'person.familyName': 'intake.fields.familyName',
  'person.preferredName': 'intake.fields.preferredName',
  'person.aliases': 'intake.fields.aliases',
  'person.originalScriptName': 'intake.fields.originalScriptName',
  'person.dateOfBirth': 'intake.fields.dateOfBirth',
  'person.approximateAge': 'intake.fields.approximateAge',
  'person.gender': 'intake.fields.gender',
  'person.genderSelfDescribed': 'intake.fields.genderSelfDescribed',
  'person.pronouns': 'intake.fields.pronouns',
  'contact.phone': 'intake.fields.phone',
  'contact.email': 'intake.fields.email',
  'contact.safeMethod': 'intake.fields.safeMethod',
  'contact.safeTimes': 'intake.fields.safeTimes',
  'contact.voicemailSafe': 'intake.fields.voicemailSafe',
  'contact.safetyNotes': 'intake.fields.safetyNotes',
  'languages.preferred': 'intake.fields.preferredLanguage',
  'languages.others': 'intake.fields.otherLanguages',
  'languages.interpreterNeeded': 'intake.fields.interpreterNeeded',
  'languages.dialect': 'intake.fields.dialect',
  'location.province': 'intake.fields.province',
  'location.city': 'intake.fields.city',
  'location.countryOfOrigin': 'intake.fields.countryOfOrigin',
  'location.immigrationStatus': 'intake.fields.immigrationStatus',
  'location.arrivalDate': 'intake.fields.arrivalDate',
  'location.arrivalRoute': 'intake.fields.arrivalRoute',
  'experiences.narrative': 'intake.fields.narrative',
  'experiences.entries.kind': 'intake.fields.experienceKind',
  'experiences.entries.otherKind': 'intake.fields.otherKind',
  'experiences.entries.country': 'intake.fields.country',
  'experiences.entries.period': 'intake.fields.period',
  'experiences.entries.place': 'intake.fields.place',
  'adverseParties.kind': 'intake.fields.partyKind',
  'adverseParties.name': 'intake.fields.partyName',
  'adverseParties.originalScriptName': 'intake.fields.partyOriginalScriptName',
  'adverseParties.country': 'intake.fields.country',
  'adverseParties.notes': 'intake.fields.partyNotes',
  'needs.needs': 'intake.fields.needs',
  'needs.otherNeed': 'intake.fields.otherNeed',
  'needs.detained': 'intake.fields.detained',
  'needs.detentionPlace': 'intake.fields.detentionPlace',
  'needs.removalDate': 'intake.fields.removalDate',
  'needs.hearingDate': 'intake.fields.hearingDate',
  'needs.airport': 'intake.fields.airport',
  'needs.airportCode': 'intake.fields.airportCode',
  'needs.urgencyNotes': 'intake.fields.urgencyNotes',
  'consent.method': 'intake.fields.consentMethod',
  'consent.givenOn': 'intake.fields.consentGivenOn',
  'consent.expiresOn': 'intake.fields.consentExpiresOn',
  'consent.notes': 'intake.fields.consentNotes',
}

/** "Experience 2: Country", "Share with a referred lawyer: Date given", "Legal family name" (in French, with a
 * no-break space before the colon). */
export function fieldLabel(key: string, t: TFunction, values: TIntakeInput): string {
  const parts = key.split('.')
  const indexAt = parts.findIndex((part) => /^\d+$/.test(part))
  const generic = parts.filter((part) => !/^\d+$/.test(part)).join('.')
  const index = Number(parts[indexAt])
  const refused = parts[0] === 'consent' && values.consent[index]?.granted === false
  const refusedLabels: Record<string, TKey> = {
    'consent.method': 'intake.fields.refusalMethod',
    'consent.givenOn': 'intake.fields.refusedOn',
  }
  const label =
    (refused ? refusedLabels[generic] : undefined) ??
    FIELD_LABELS[generic] ??
    FIELD_LABELS[parts.slice(0, 2).join('.')]
  const text = label ? t(label) : key
  if (indexAt < 0 || generic === 'person.aliases' || generic === 'languages.others') return text
  const withEntry = (entry: string) => t('intake.errors.entryField', { entry, field: text })
  if (parts[0] === 'experiences') return withEntry(t('intake.fields.experienceLegend', { number: index + 1 }))
  if (parts[0] === 'adverseParties') return withEntry(t('intake.fields.partyLegend', { number: index + 1 }))
  const purpose = values.consent[index]?.purpose
  return purpose ? withEntry(t(`vocab.consentPurpose.${purpose}`)) : text
}

/** The top of a step after a refused "Next": what to fix, each a button that moves focus to the field. */
export function ErrorSummary({
  issues,
  values,
  onGoTo,
}: {
  issues: readonly TFieldIssue[]
  values: TIntakeInput
  onGoTo: (key: string) => void
}) {
  const { t } = useTranslation()
  const issueText = useIssueText()
  return (
    <div className="intake-error-summary" role="alert" aria-labelledby="intake-error-summary-title">
      <h3 id="intake-error-summary-title" className="intake-error-summary__title">
        {t('intake.errors.summaryTitle')}
      </h3>
      <p className="intake-error-summary__lede">{t('intake.errors.summaryLede')}</p>
      <ul className="intake-error-summary__list">
        {issues.map((issue) => (
          <li key={issue.key}>
            <button type="button" className="intake-error-summary__link" onClick={() => onGoTo(issue.key)}>
              {t('intake.errors.issueLine', {
                field: fieldLabel(issue.key, t, values),
                message: issueText(issue.message) ?? '',
              })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
