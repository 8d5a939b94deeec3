import { describe, expect, it } from 'vitest'
import type { TPacketField } from '../../../shared/packets/vocabulary'
import { consentState, decideFields, defaultFields, type TConsentFact, type TGateInput } from './consent-gate'

const TODAY = '2026-11-30'
const given = (purpose: TConsentFact['purpose'], extra: Partial<TConsentFact> = {}): TConsentFact => ({
  purpose,
  granted: true,
  givenOn: '2026-10-01',
  expiresOn: '',
  recordedAt: '2026-10-01T12:00:00.000Z',
  ...extra,
})

const input = (overrides: Partial<TGateInput>): TGateInput => ({
  kind: 'lawyer',
  consents: [],
  today: TODAY,
  conflictCleared: false,
  hasContent: () => true,
  ...overrides,
})

const allowed = (gate: TGateInput): TPacketField[] =>
  decideFields(gate)
    .filter((decision) => decision.allowed)
    .map((decision) => decision.field)
const refusalOf = (gate: TGateInput, field: TPacketField) =>
  decideFields(gate).find((decision) => decision.field === field)?.refusal

describe('consent decides what a packet may carry', () => {
  it('counts only the latest record per purpose: a withdrawal after a grant wins, and a later grant after it', () => {
    const grant = given('share_with_lawyer')
    const withdrawal = given('share_with_lawyer', { granted: false, recordedAt: '2026-11-01T00:00:00.000Z' })
    expect(consentState([withdrawal, grant], 'share_with_lawyer', TODAY)).toBe('withdrawn')
    const regrant = given('share_with_lawyer', { recordedAt: '2026-11-15T00:00:00.000Z' })
    expect(consentState([grant, regrant, withdrawal], 'share_with_lawyer', TODAY)).toBe('given')
  })

  it('treats expired consent as no consent, and consent dated in the future as not yet given', () => {
    expect(
      consentState([given('share_with_lawyer', { expiresOn: '2026-11-29' })], 'share_with_lawyer', TODAY),
    ).toBe('expired')
    expect(consentState([given('share_with_lawyer', { expiresOn: TODAY })], 'share_with_lawyer', TODAY)).toBe(
      'given',
    )
    expect(
      consentState([given('share_with_lawyer', { givenOn: '2026-12-01' })], 'share_with_lawyer', TODAY),
    ).toBe('none')
  })

  it('gives a lawyer nothing without share_with_lawyer, saying why', () => {
    expect(allowed(input({}))).toEqual([])
    expect(refusalOf(input({}), 'legal_needs')).toBe('no_share_consent')
    const expired = input({ consents: [given('share_with_lawyer', { expiresOn: '2026-01-01' })] })
    expect(refusalOf(expired, 'legal_needs')).toBe('share_consent_expired')
  })

  it('keeps identifying details from a lawyer until their no-conflict confirmation is recorded', () => {
    const consents = [given('share_with_lawyer'), given('contact_by_phone')]
    expect(refusalOf(input({ consents }), 'name')).toBe('conflict_not_cleared')
    expect(refusalOf(input({ consents }), 'legal_needs')).toBeNull()
    expect(refusalOf(input({ consents, conflictCleared: true }), 'name')).toBeNull()
    expect(refusalOf(input({ consents, conflictCleared: true }), 'phone')).toBeNull()
  })

  it('needs a contact_by_* consent for phone and email on top of the share consent', () => {
    const gate = input({ consents: [given('share_with_lawyer')], conflictCleared: true })
    expect(refusalOf(gate, 'phone')).toBe('no_contact_consent')
    expect(refusalOf(gate, 'email')).toBe('no_contact_consent')
    const texts = input({
      consents: [given('share_with_lawyer'), given('contact_by_text')],
      conflictCleared: true,
    })
    expect(refusalOf(texts, 'phone')).toBeNull()
    expect(refusalOf(texts, 'email')).toBe('no_contact_consent')
  })

  it('follows share_with_organization for organizations, and lawyer consent does not stand in for it', () => {
    expect(allowed(input({ kind: 'organization', consents: [given('share_with_lawyer')] }))).toEqual([])
    const gate = input({ kind: 'organization', consents: [given('share_with_organization')] })
    expect(refusalOf(gate, 'name')).toBeNull()
    expect(refusalOf(gate, 'narrative')).toBeNull()
  })

  it('lets the survivor’s own packet show their name, place and languages with no consent, and nothing sensitive', () => {
    const gate = input({ kind: 'survivor' })
    expect(allowed(gate)).toEqual(['name', 'location', 'languages'])
    expect(refusalOf(gate, 'narrative')).toBe('not_for_this_kind')
  })

  it('keeps sensitive sections out of the defaults even when consent allows them', () => {
    const gate = input({
      kind: 'organization',
      consents: [given('share_with_organization'), given('contact_by_email')],
    })
    const defaults = defaultFields(decideFields(gate))
    expect(defaults).toContain('name')
    for (const field of ['email', 'experiences', 'adverse_parties', 'narrative'] as const) {
      expect(defaults).not.toContain(field)
      expect(refusalOf(gate, field)).toBeNull()
    }
  })

  it('limits an MP letter to a few facts, under the organization-sharing consent', () => {
    expect(allowed(input({ kind: 'mp' }))).toEqual([])
    const gate = input({ kind: 'mp', consents: [given('share_with_organization')] })
    expect(allowed(gate)).toEqual([
      'name',
      'country_of_origin',
      'location',
      'immigration_status',
      'legal_needs',
      'key_dates',
    ])
  })

  it('offers empty fields as empty, not as allowed', () => {
    const gate = input({ kind: 'survivor', hasContent: (field) => field !== 'languages' })
    expect(refusalOf(gate, 'languages')).toBe('empty')
  })
})
