import type { TConsentRecord } from '../../../../shared/contract/cases'
import { CONSENT_PURPOSES, type TConsentPurpose } from '../../../../shared/cases/vocabulary'

export type TConsentState = 'granted' | 'withdrawn' | 'declined' | 'expired' | 'notAsked'

export type TConsentRow = { purpose: TConsentPurpose; state: TConsentState; latest: TConsentRecord | null }

const newestFirst = (a: TConsentRecord, b: TConsentRecord) =>
  b.recordedAt.localeCompare(a.recordedAt) || b.givenOn.localeCompare(a.givenOn)

/**
 * Where consent stands for each purpose today: the latest record decides. A grant whose expiry date has passed
 * is expired; a "no" after an earlier grant is a withdrawal, a "no" with none before it was declined.
 */
export function consentRows(
  latest: readonly TConsentRecord[],
  history: readonly TConsentRecord[],
  today: string,
): TConsentRow[] {
  return CONSENT_PURPOSES.map((purpose) => {
    const record =
      latest.find((entry) => entry.purpose === purpose) ??
      [...history].sort(newestFirst).find((entry) => entry.purpose === purpose) ??
      null
    if (record === null) return { purpose, state: 'notAsked', latest: null }
    if (record.granted) {
      const isExpired = record.expiresOn !== '' && record.expiresOn < today
      return { purpose, state: isExpired ? 'expired' : 'granted', latest: record }
    }
    const wasGranted = history.some(
      (entry) => entry.purpose === purpose && entry.granted && entry.recordedAt <= record.recordedAt,
    )
    return { purpose, state: wasGranted ? 'withdrawn' : 'declined', latest: record }
  })
}

/** What one record said: a grant, a refusal, or a withdrawal (a refusal recorded after a grant). */
export type TConsentAnswer = 'granted' | 'refused' | 'withdrawn'

export function consentAnswer(record: TConsentRecord, history: readonly TConsentRecord[]): TConsentAnswer {
  if (record.granted) return 'granted'
  const wasGranted = history.some(
    (entry) =>
      entry.id !== record.id &&
      entry.purpose === record.purpose &&
      entry.granted &&
      entry.recordedAt <= record.recordedAt,
  )
  return wasGranted ? 'withdrawn' : 'refused'
}

/** Every consent record, newest first. */
export const consentHistory = (history: readonly TConsentRecord[]): TConsentRecord[] =>
  [...history].sort(newestFirst)
