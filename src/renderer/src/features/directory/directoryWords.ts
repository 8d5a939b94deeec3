import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { PROVINCES } from '../../../../shared/cases/vocabulary'
import {
  ORGANIZATION_CATEGORIES,
  ORGANIZATION_SERVICES,
  RESOURCE_JURISDICTIONS,
  RESOURCE_KINDS,
  SOURCE_CONFIDENCES,
  type TResourceJurisdiction,
} from '../../../../shared/roster/vocabulary'
import { useVocab } from '../../lib/vocabulary'

const isOneOf = (values: readonly string[], value: string): boolean => values.includes(value)

/**
 * Words for the directory's stored keys (categories, services, resource kinds, jurisdictions), in the interface
 * language, and the choices of each in their stored order. A key this version does not know reads "Other".
 */
export function useDirectoryWords() {
  const { t } = useTranslation()
  const vocab = useVocab()
  return useMemo(() => {
    const unknown = t('vocab.unknownValue')
    const category = (key: string) =>
      isOneOf(ORGANIZATION_CATEGORIES, key) ? t(`directory.category.${key as 'settlement'}`) : unknown
    const service = (key: string) =>
      isOneOf(ORGANIZATION_SERVICES, key) ? t(`directory.service.${key as 'housing'}`) : unknown
    const kind = (key: string) =>
      isOneOf(RESOURCE_KINDS, key) ? t(`directory.kind.${key as 'treaty'}`) : unknown
    const confidence = (key: string) =>
      key === ''
        ? ''
        : isOneOf(SOURCE_CONFIDENCES, key)
          ? t(`directory.confidence.${key as 'high'}`)
          : unknown
    const jurisdiction = (key: TResourceJurisdiction | string): string => {
      if (key === 'international') return t('directory.jurisdiction.international')
      if (key === 'CA') return t('directory.jurisdiction.CA')
      if (key === 'US') return t('directory.jurisdiction.US')
      return isOneOf(PROVINCES, key) ? vocab.province(key) : unknown
    }
    return {
      category,
      service,
      kind,
      confidence,
      jurisdiction,
      categoryOptions: ORGANIZATION_CATEGORIES.map((id) => ({ id, label: category(id) })),
      serviceOptions: ORGANIZATION_SERVICES.map((id) => ({ id, label: service(id) })),
      kindOptions: RESOURCE_KINDS.map((id) => ({ id, label: kind(id) })),
      confidenceOptions: SOURCE_CONFIDENCES.map((id) => ({ id, label: confidence(id) })),
      jurisdictionOptions: RESOURCE_JURISDICTIONS.map((id) => ({ id, label: jurisdiction(id) })),
    }
  }, [t, vocab])
}
