import type { ParseKeys } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName, languageName } from '../../../shared/cases/codes'
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
  URGENCIES,
} from '../../../shared/cases/vocabulary'

/**
 * Every stored vocabulary a screen words, by its name in the `vocab` catalog: the label of key `k` of vocabulary
 * `name` is `vocab.<name>.<k>` (vocabulary.test.ts checks each one exists in both languages).
 */
export const VOCABULARIES = {
  status: CASE_STATUSES,
  gender: GENDERS,
  answer: ANSWERS,
  contactMethod: CONTACT_METHODS,
  province: PROVINCES,
  immigrationStatus: IMMIGRATION_STATUSES,
  arrivalRoute: ARRIVAL_ROUTES,
  experience: EXPERIENCES,
  adversePartyKind: ADVERSE_PARTY_KINDS,
  legalNeed: LEGAL_NEEDS,
  consentPurpose: CONSENT_PURPOSES,
  consentMethod: CONSENT_METHODS,
  intakeMethod: INTAKE_METHODS,
  timelineKind: TIMELINE_KINDS,
  taskOrigin: TASK_ORIGINS,
  urgency: URGENCIES,
} as const
export type TVocabularyName = keyof typeof VOCABULARIES
export type TVocabularyKey<N extends TVocabularyName> = (typeof VOCABULARIES)[N][number]

/** A choice for the kit's select, radio and checkbox fields. */
export type TVocabularyOption<N extends TVocabularyName> = { id: TVocabularyKey<N>; label: string }

type TLabels = { readonly [N in TVocabularyName]: (value: unknown) => string }

const isOneOf = (values: readonly string[], value: unknown): value is string =>
  typeof value === 'string' && values.includes(value)

/**
 * Words for the stored vocabulary keys, in the interface language: `vocab.status('referred')`, and the choices
 * of a vocabulary in its own order (`vocab.options('gender')`) or alphabetical (`{ sorted: true }`). A key this
 * version does not know (written by a newer app) reads "Other" rather than a raw key; an empty value gives ''.
 */
export function useVocab() {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const word = (name: TVocabularyName, key: string) => t(`vocab.${name}.${key}` as ParseKeys<'translation'>)
    const labels = Object.fromEntries(
      (Object.keys(VOCABULARIES) as TVocabularyName[]).map((name) => [
        name,
        (value: unknown): string => {
          if (value === '' || value === null || value === undefined) return ''
          return isOneOf(VOCABULARIES[name], value) ? word(name, value) : t('vocab.unknownValue')
        },
      ]),
    ) as unknown as TLabels
    const byLabel = (a: { label: string }, b: { label: string }) =>
      a.label.localeCompare(b.label, language, { sensitivity: 'base' })
    const options = <N extends TVocabularyName>(
      name: N,
      { sorted = false }: { sorted?: boolean } = {},
    ): TVocabularyOption<N>[] => {
      const list = VOCABULARIES[name].map((id) => ({ id, label: word(name, id) }))
      return (sorted ? list.sort(byLabel) : list) as TVocabularyOption<N>[]
    }
    return {
      ...labels,
      options,
      language: (code: string) => (code === '' ? '' : languageName(code, language)),
      country: (code: string) => (code === '' ? '' : countryName(code, language)),
    }
  }, [t, language])
}
export type TVocab = ReturnType<typeof useVocab>
