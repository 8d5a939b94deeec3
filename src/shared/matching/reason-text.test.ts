import { describe, expect, it } from 'vitest'
import { exclusionReasonText, scoreReasonText } from './reason-text'

describe('the English words of matching reasons', () => {
  it('reads a soft factor with its points, and an eligibility reason without', () => {
    expect(scoreReasonText({ key: 'language.preferred', points: 30, params: { language: 'ar' } })).toBe(
      'speaks Arabic +30',
    )
    expect(scoreReasonText({ key: 'load.places_free', points: -8, params: { free: 3, capacity: 5 } })).toBe(
      '3 of 5 places free −8',
    )
    expect(scoreReasonText({ key: 'licence.province', points: 0, params: { province: 'QC' } })).toBe(
      'licensed in QC',
    )
    expect(scoreReasonText({ key: 'airport.on_call_now', points: 15, params: { airport: 'YUL' } })).toBe(
      'on call at YUL now +15',
    )
  })

  it('shows both names of a conflict and why they matched', () => {
    const text = exclusionReasonText({
      key: 'excluded.conflict',
      params: {
        subject: 'adverse_party',
        survivorName: 'محمد الحسن',
        source: 'declared',
        lawyerName: 'Mohammed Al-Hassan',
        score: 0.88,
        evidence: ['name.skeleton'],
        hitKey: 'k',
      },
    })
    expect(text).toBe(
      'possible conflict, not yet reviewed: محمد الحسن ~ Mohammed Al-Hassan (declared by the lawyer; match 0.88: name.skeleton)',
    )
  })
})
