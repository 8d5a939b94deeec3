import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName, languageName } from '../../../../shared/cases/codes'
import {
  ADVERSE_PARTY_KINDS,
  ANSWERS,
  ARRIVAL_ROUTES,
  CASE_STATUSES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONTACT_METHODS,
  EXPERIENCES,
  GENDERS,
  IMMIGRATION_STATUSES,
  INTAKE_METHODS,
  LEGAL_NEEDS,
  PROVINCES,
  TASK_ORIGINS,
  TIMELINE_KINDS,
} from '../../../../shared/cases/vocabulary'

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value)

/**
 * Words for the stored vocabulary keys (`vocab.*`). A key this version does not know (written by a newer app)
 * is shown as "Other" rather than as a raw key; an empty value gives ''.
 */
export function useVocab() {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const pick = useCallback(
    <T extends string>(values: readonly T[], value: unknown, word: (key: T) => string): string => {
      if (value === '' || value === null || value === undefined) return ''
      return isOneOf(values, value) ? word(value) : t('casePage.unknownValue')
    },
    [t],
  )
  return {
    status: (value: unknown) => pick(CASE_STATUSES, value, (key) => t(`vocab.status.${key}`)),
    gender: (value: unknown) => pick(GENDERS, value, (key) => t(`vocab.gender.${key}`)),
    answer: (value: unknown) => pick(ANSWERS, value, (key) => t(`vocab.answer.${key}`)),
    contactMethod: (value: unknown) => pick(CONTACT_METHODS, value, (key) => t(`vocab.contactMethod.${key}`)),
    province: (value: unknown) => pick(PROVINCES, value, (key) => t(`vocab.province.${key}`)),
    immigrationStatus: (value: unknown) =>
      pick(IMMIGRATION_STATUSES, value, (key) => t(`vocab.immigrationStatus.${key}`)),
    arrivalRoute: (value: unknown) => pick(ARRIVAL_ROUTES, value, (key) => t(`vocab.arrivalRoute.${key}`)),
    experience: (value: unknown) => pick(EXPERIENCES, value, (key) => t(`vocab.experience.${key}`)),
    adversePartyKind: (value: unknown) =>
      pick(ADVERSE_PARTY_KINDS, value, (key) => t(`vocab.adversePartyKind.${key}`)),
    legalNeed: (value: unknown) => pick(LEGAL_NEEDS, value, (key) => t(`vocab.legalNeed.${key}`)),
    consentPurpose: (value: unknown) =>
      pick(CONSENT_PURPOSES, value, (key) => t(`vocab.consentPurpose.${key}`)),
    consentMethod: (value: unknown) => pick(CONSENT_METHODS, value, (key) => t(`vocab.consentMethod.${key}`)),
    intakeMethod: (value: unknown) => pick(INTAKE_METHODS, value, (key) => t(`vocab.intakeMethod.${key}`)),
    timelineKind: (value: unknown) => pick(TIMELINE_KINDS, value, (key) => t(`vocab.timelineKind.${key}`)),
    taskOrigin: (value: unknown) => pick(TASK_ORIGINS, value, (key) => t(`vocab.taskOrigin.${key}`)),
    language: (code: string) => (code === '' ? '' : languageName(code, language)),
    country: (code: string) => (code === '' ? '' : countryName(code, language)),
  }
}
export type TVocab = ReturnType<typeof useVocab>
