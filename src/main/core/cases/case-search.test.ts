import { describe, expect, it } from 'vitest'
import { buildSearchQuery, similarNameCodes } from './case-search'

describe('the similar-name query', () => {
  it('looks for names only: a reference or a number brings no candidates to score', () => {
    expect(similarNameCodes('CCIJ-2026-0042')).toEqual([])
    expect(similarNameCodes('2026')).toEqual([])
    // The exact search still looks for them.
    expect(buildSearchQuery('CCIJ-2026-0042')).toContain('reference : "ccij-2026-0042"*')
  })

  it('keeps the name words of a search that also has a number', () => {
    const query = similarNameCodes('Ranya 1987').join(' ')
    expect(query).toContain('dmrn')
    expect(query).not.toContain('1987')
  })
})
