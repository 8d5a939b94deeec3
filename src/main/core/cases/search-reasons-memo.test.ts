/**
 * The reasons of a page share one memo of what each word and text derive (tokens, Latin letters, keys): each case's
 * reasons must be those it gets alone. Invented people whose names, cities and references begin alike, so a memo
 * keyed on less than the whole text would hand one case another's tokens.
 */
import { describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import type { TPersonRecord } from './case-records'
import { exactReasons, ReasonMemo, type TExactHit } from './search-reasons'

const person = (given: string, family: string, more: Partial<TPersonRecord> = {}): TPersonRecord => ({
  ...emptyIntake('2026-11-20').person,
  givenNames: given,
  familyName: family,
  ...more,
})

const hits: TExactHit[] = [
  { reference: 'CCIJ-2026-000101', city: 'Zaybrook', person: person('Orsolya', 'Zaykova') },
  {
    reference: 'CCIJ-2026-000102',
    city: 'Montréal',
    person: person('Zaytuna', 'Qarawelli', {
      aliases: ['Zaynab Tabbouk'],
      originalScriptName: 'زيتونة قرويلي',
    }),
  },
  { reference: 'CCIJ-2026-000103', city: 'Zaykovton', person: person('Samirelle', 'Brindakova') },
  { reference: 'CCIJ-2026-001010', city: '', person: person('Zaynab', 'Montrel') },
  // Aliases met only through their normalized keys ("Abdelrahman") or their Latin letters ("Petren").
  {
    reference: 'CCIJ-2026-001011',
    city: '',
    person: person('Qim', 'Varo', { aliases: ['Abd al-Rahim Zed'] }),
  },
  {
    reference: 'CCIJ-2026-001012',
    city: '',
    person: person('Zed', 'Quxley', { aliases: ['Abd al-Rahman Zed'] }),
  },
  {
    reference: 'CCIJ-2026-001013',
    city: '',
    person: person('Qim', 'Varo', { aliases: ['Орсоля Бриндакова'] }),
  },
  {
    reference: 'CCIJ-2026-001014',
    city: '',
    person: person('Zed', 'Quxley', { aliases: ['Орсолина Петренко'] }),
  },
]
const searches = [
  'Zayk',
  'Zaynab',
  'Zaytuna Zayb',
  'Montr',
  'زيتونة',
  'CCIJ-2026-0001',
  'Zaykovton',
  'tabbouk',
]
const inNotes = (word: string): boolean => word === 'Zayb'

describe('exactReasons over a page with one memo', () => {
  it('gives each case the reasons it gets alone', () => {
    for (const search of searches) {
      const memo = new ReasonMemo()
      for (const hit of hits) {
        expect(exactReasons(search, hit, inNotes, memo), `${search} / ${hit.reference}`).toEqual(
          exactReasons(search, hit, inNotes),
        )
      }
    }
  })

  it('tells names, aliases, cities and references that begin alike apart', () => {
    const memo = new ReasonMemo()
    const kinds = (search: string) =>
      hits.map((hit) =>
        exactReasons(search, hit, inNotes, memo).map((reason) => `${reason.kind}:${reason.text}`),
      )
    expect(kinds('Abdelrahman')[5]).toEqual(['alias:Abd al-Rahman Zed'])
    expect(kinds('Petren')[7]).toEqual(['alias:Орсолина Петренко'])
    expect(kinds('Zayk').slice(0, 4)).toEqual([
      ['name:Orsolya Zaykova'],
      ['name:Zaytuna Qarawelli'],
      ['city:Zaykovton'],
      ['name:Zaynab Montrel'],
    ])
    expect(kinds('Zaynab').slice(0, 4)).toEqual([
      ['name:Orsolya Zaykova'],
      ['alias:Zaynab Tabbouk'],
      ['name:Samirelle Brindakova'],
      ['name:Zaynab Montrel'],
    ])
    expect(kinds('Montr')[1]).toEqual(['city:Montréal'])
    expect(kinds('Montr')[3]).toEqual(['name:Zaynab Montrel'])
  })
})
