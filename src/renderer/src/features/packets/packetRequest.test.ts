import { describe, expect, it } from 'vitest'
import type { TPacketChoices } from '../../../../shared/contract/packets'
import { packetRequest, type TPacketDraft } from './packetRequest'

const choices: TPacketChoices = {
  defaultLanguage: 'en',
  decisions: [
    { field: 'name', allowed: false, refusal: 'conflict_not_cleared', sensitive: false },
    { field: 'legal_needs', allowed: true, refusal: null, sensitive: false },
  ],
  defaultFields: ['legal_needs'],
  conflictCleared: false,
  referrals: [],
}

const draft = (patch: Partial<TPacketDraft>): TPacketDraft => ({
  kind: 'lawyer',
  language: 'fr',
  pageSize: 'letter',
  recipientName: '  Morgan Counsel-Example ',
  recipientLines: 'Invented Chambers LLP\n\n Ottawa ON \n',
  fields: ['name', 'legal_needs'],
  referralId: null,
  ...patch,
})

describe('the packet request the dialog sends', () => {
  it('sends the typed recipient, one line each, and only fields the choices allowed', () => {
    expect(packetRequest('case-1', draft({}), choices)).toEqual({
      caseId: 'case-1',
      kind: 'lawyer',
      language: 'fr',
      pageSize: 'letter',
      fields: ['legal_needs'],
      recipient: { name: 'Morgan Counsel-Example', lines: ['Invented Chambers LLP', 'Ottawa ON'] },
    })
  })

  it('sends the referral instead of a typed recipient: main addresses it as the referral names them', () => {
    const request = packetRequest('case-1', draft({ referralId: 'referral-1' }), choices)
    expect(request.referralId).toBe('referral-1')
    expect(request.recipient).toBeUndefined()
  })

  it('addresses the survivor’s own packet to the survivor', () => {
    const request = packetRequest('case-1', draft({ kind: 'survivor' }), choices)
    expect(request.recipient).toBeUndefined()
    expect(request.referralId).toBeUndefined()
  })
})
