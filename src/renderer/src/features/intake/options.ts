import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMON_LANGUAGES, COUNTRY_CODES, countryName, languageName } from '../../../../shared/cases/codes'
import {
  ADVERSE_PARTY_KINDS,
  ANSWERS,
  ARRIVAL_ROUTES,
  CONSENT_METHODS,
  CONTACT_METHODS,
  EXPERIENCES,
  GENDERS,
  IMMIGRATION_STATUSES,
  INTAKE_METHODS,
  LEGAL_NEEDS,
  PROVINCES,
} from '../../../../shared/cases/vocabulary'
import type { TChoiceOption } from '../../ui'

const byLabel = (locale: string) => (a: TChoiceOption, b: TChoiceOption) =>
  a.label.localeCompare(b.label, locale, { sensitivity: 'base' })

/** Every choice list of the intake, worded in the current language. */
export function useIntakeOptions() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(
    () => ({
      genders: GENDERS.map((id) => ({ id, label: t(`vocab.gender.${id}`) })),
      answers: ANSWERS.map((id) => ({ id, label: t(`vocab.answer.${id}`) })),
      contactMethods: CONTACT_METHODS.map((id) => ({ id, label: t(`vocab.contactMethod.${id}`) })),
      provinces: PROVINCES.map((id) => ({ id, label: t(`vocab.province.${id}`) })).sort(byLabel(locale)),
      immigrationStatuses: IMMIGRATION_STATUSES.map((id) => ({
        id,
        label: t(`vocab.immigrationStatus.${id}`),
      })),
      arrivalRoutes: ARRIVAL_ROUTES.map((id) => ({ id, label: t(`vocab.arrivalRoute.${id}`) })),
      experiences: EXPERIENCES.map((id) => ({ id, label: t(`vocab.experience.${id}`) })),
      partyKinds: ADVERSE_PARTY_KINDS.map((id) => ({ id, label: t(`vocab.adversePartyKind.${id}`) })),
      legalNeeds: LEGAL_NEEDS.map((id) => ({ id, label: t(`vocab.legalNeed.${id}`) })),
      consentMethods: CONSENT_METHODS.map((id) => ({ id, label: t(`vocab.consentMethod.${id}`) })),
      intakeMethods: INTAKE_METHODS.map((id) => ({ id, label: t(`vocab.intakeMethod.${id}`) })),
      languages: COMMON_LANGUAGES.map((id) => ({ id: id as string, label: languageName(id, locale) })).sort(
        byLabel(locale),
      ),
      countries: COUNTRY_CODES.map((id) => ({ id, label: countryName(id, locale) })).sort(byLabel(locale)),
    }),
    [t, locale],
  )
}

export type TIntakeOptions = ReturnType<typeof useIntakeOptions>
