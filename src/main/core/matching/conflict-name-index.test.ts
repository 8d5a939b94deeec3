/**
 * The index holds what its names share once: a token (a prepared token is its text's alone) for every name having
 * it, and a token's sound-alike codes for every token having the same ones. The findings over it are held to the
 * full check elsewhere (declared-conflicts.test.ts, conflict-blocking.property.test.ts).
 */
import { describe, expect, it } from 'vitest'
import type { PreparedToken } from '../person-matching/prepare'
import { ConflictNameIndex } from './conflict-name-index'
import { blockingNamesOf } from './conflicts'
import { preparePartyNames } from './party-names'
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
})
