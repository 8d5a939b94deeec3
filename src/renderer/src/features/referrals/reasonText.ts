import { useTranslation } from 'react-i18next'
import type { TMatchReason } from '../../../../shared/contract/referrals'
import { useVocab } from '../../lib/vocabulary'

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : []
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''

/**
 * A ranking reason in words, in the interface language: "speaks Arabic +30", "licensed in QC". Keys are the
 * stable ones of `shared/matching/reasons.ts`; a key this version does not know reads "another reason".
 */
export function useReasonText(): (reason: TMatchReason) => string {
  const { t, i18n } = useTranslation()
  const vocab = useVocab()
  const list = (values: readonly string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(values)
  return (reason) => {
    const { params } = reason
    const values = {
      needs: list(strings(params['needs']).map(vocab.legalNeed)),
      need: vocab.legalNeed(params['need']),
      total: text(params['total']),
      language: vocab.language(text(params['language'])),
      city: text(params['city']),
      province: vocab.province(params['province']),
      provinces: list(strings(params['provinces'])),
      airport: text(params['airport']),
      free: text(params['free']),
      capacity: text(params['capacity']),
      active: text(params['active']),
      experiences: list(strings(params['experiences']).map(vocab.experience)),
      countries: list(strings(params['countries']).map(vocab.country)),
      days: text(params['days']),
      survivorName: text(params['survivorName']),
      lawyerName: text(params['lawyerName']),
      month: text(params['month']),
    }
    const key = `referrals.reason.${reason.key}`
    // A key known only at run time, checked by i18n.exists: typed as one literal key, since the union of every
    // catalog key is past what the compiler compares against a template type.
    const words = i18n.exists(key)
      ? String(t(key as 'referrals.reason.unknown', values))
      : t('referrals.reason.unknown')
    if (reason.points === undefined || reason.points === 0) return words
    const points = `${reason.points > 0 ? '+' : '−'}${Math.abs(reason.points)}`
    return t('referrals.reason.points', { text: words, points })
  }
}
