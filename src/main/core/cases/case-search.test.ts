import { describe, expect, it } from 'vitest'
import { buildSearchQuery, buildSimilarNameQuery } from './case-search'

describe('the similar-name query', () => {
  it('looks for names only: a reference or a number brings no candidates to score', () => {
    expect(buildSimilarNameQuery('CCIJ-2026-0042')).toBeNull()
    expect(buildSimilarNameQuery('2026')).toBeNull()
    // The exact search still looks for them.
    expect(buildSearchQuery('CCIJ-2026-0042')).toContain('reference : "ccij-2026-0042"*')
  })

  it('keeps the name words of a search that also has a number', () => {
    const query = buildSimilarNameQuery('Ranya 1987') ?? ''
    expect(query).toContain('dmrn')
    expect(query).not.toContain('1987')
  })
})
