/**
 * The index holds what its names share once: a token (a prepared token is its text's alone) for every name having
 * it, and a token's sound-alike codes for every token having the same ones. The findings over it are held to the
 * full check elsewhere (declared-conflicts.test.ts, conflict-blocking.property.test.ts).
 */
import { describe, expect, it } from 'vitest'
import type { PreparedToken } from '../person-matching/prepare'
import { ConflictNameIndex } from './conflict-name-index'
import { wholeNameSearchKeys } from '../person-matching'
import { blockingNamesOf } from './conflicts'
import { keyHash, type KeyPostings } from './key-postings'
import { personTokenKeys, preparePartyNames, singleTokenKeys } from './party-names'
import type { TLawyerPartyName } from './types'

const declared = (lawyerId: string, kind: TLawyerPartyName['kind'], name: string): TLawyerPartyName => ({
  lawyerId,
  source: 'declared',
  kind,
  names: [name],
})

/** Every token of the names the index hands over for `query` (a person's name), by the name as written. */
const tokensMet = (index: ConflictNameIndex, query: string): Map<string, PreparedToken[]> => {
  const tokens = new Map<string, PreparedToken[]>()
  const names = blockingNamesOf(preparePartyNames('person', [query]), true)
  for (const candidate of index.candidatesFor(names))
    for (const name of candidate.prepared?.names ?? []) tokens.set(name.written, name.tokens)
  return tokens
}

describe('ConflictNameIndex', () => {
  it('holds a token once for every name having it, and the same sound-alike codes once', () => {
    const index = new ConflictNameIndex([
      declared('lawyer-1', 'person', 'Hassan Ali'),
      declared('lawyer-2', 'person', 'Hassan Omar'),
      declared('lawyer-3', 'person', 'Hasan Ali'),
      declared('lawyer-3', 'unit', 'Hassan Brigade'),
    ])
    const tokens = tokensMet(index, 'Hassan Ali Omar')
    const [hassan] = tokens.get('Hassan Ali') ?? []
    const [hassanAgain] = tokens.get('Hassan Omar') ?? []
    const [hasan] = tokens.get('Hasan Ali') ?? []
    const [unitHassan] = tokens.get('Hassan Brigade') ?? []
    expect(hassan?.text).toBe('hassan')
    expect(hassanAgain).toBe(hassan)
    expect(unitHassan).toBe(hassan)
    expect(hasan?.text).toBe('hasan')
    expect(hasan?.phonetic).toEqual(hassan?.phonetic)
    expect(hasan?.phonetic).toBe(hassan?.phonetic)
  })

  it('posts each name under exactly the keys the key functions give, hashed from their parts', () => {
    const written = [
      'Mohammed Al-Hassan',
      'Хасан Хомский',
      'محمد الحسن',
      '3rd Armoured Brigade',
      'Syrian Arab Republic',
    ]
    for (const kind of ['person', 'unit'] as const) {
      for (const name of written) {
        const index = new ConflictNameIndex([declared('lawyer-1', kind, name)])
        // The postings are private: read here only to hold them to the string functions.
        const { personKeys, tokenKeys } = index as unknown as {
          personKeys: KeyPostings
          tokenKeys: KeyPostings
        }
        const prepared = preparePartyNames(kind, [name])
        const single = singleTokenKeys(prepared)
        const forPeople =
          kind === 'person'
            ? [
                ...new Set(
                  prepared.names.flatMap((each) => [
                    ...each.tokens.flatMap(personTokenKeys),
                    ...wholeNameSearchKeys(each),
                  ]),
                ),
              ]
            : []
        for (const [postings, keys] of [
          [tokenKeys, single],
          [personKeys, forPeople],
        ] as const) {
          expect(postings.size).toEqual({
            keys: new Set(keys.map(keyHash)).size,
            postings: new Set(keys.map(keyHash)).size,
          })
          for (const key of keys) {
            const ids: number[] = []
            postings.each(key, (id) => ids.push(id))
            expect(ids, key).toEqual([0])
          }
        }
      }
    }
  })
})
