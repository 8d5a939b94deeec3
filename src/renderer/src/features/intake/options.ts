import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { COUNTRY_CODES, countryName } from '../../../../shared/cases/codes'
import { AIRPORTS, airportName } from '../../../../shared/roster/airports'
import { languageOptions } from '../../lib/languageOptions'
import { useVocab } from '../../lib/vocabulary'
import type { TChoiceOption } from '../../ui'

const byLabel = (locale: string) => (a: TChoiceOption, b: TChoiceOption) =>
  a.label.localeCompare(b.label, locale, { sensitivity: 'base' })

/** Every choice list of the intake, worded in the current language. */
export function useIntakeOptions() {
  const { i18n } = useTranslation()
  const vocab = useVocab()
  const locale = i18n.language
  return useMemo(
    () => ({
      genders: vocab.options('gender'),
      answers: vocab.options('answer'),
      contactMethods: vocab.options('contactMethod'),
      provinces: vocab.options('province', { sorted: true }),
      immigrationStatuses: vocab.options('immigrationStatus'),
      arrivalRoutes: vocab.options('arrivalRoute'),
      experiences: vocab.options('experience'),
      partyKinds: vocab.options('adversePartyKind'),
      legalNeeds: vocab.options('legalNeed'),
      consentMethods: vocab.options('consentMethod'),
      intakeMethods: vocab.options('intakeMethod'),
      languages: languageOptions(locale),
      // Roster order (largest first), as staff know them: "YUL — Montréal–Trudeau International Airport".
      airports: AIRPORTS.map((id) => ({ id: id as string, label: `${id} — ${airportName(id, locale)}` })),
      countries: COUNTRY_CODES.map((id) => ({ id, label: countryName(id, locale) })).sort(byLabel(locale)),
    }),
    [vocab, locale],
  )
}

export type TIntakeOptions = ReturnType<typeof useIntakeOptions>
