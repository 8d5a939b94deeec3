import { describe, expect, it } from 'vitest'
import type { TLawyerFields } from '../../../shared/roster/lawyer-schema'
import { conflictListOf } from './lawyer-table-rows'

describe('a lawyer’s stored conflict list', () => {
  it('keeps the kind and name of each conflict, in that order, and nothing else', () => {
    const conflicts = [
      { name: 'Ada "Example"', kind: 'person', position: 3 },
      { kind: 'unit', name: '3rd Brigade', extra: { nested: true } },
    ] as unknown as TLawyerFields['conflicts']
    expect(conflictListOf(conflicts)).toBe(
      '[{"kind":"person","name":"Ada \\"Example\\""},{"kind":"unit","name":"3rd Brigade"}]',
    )
    expect(conflictListOf([])).toBe('[]')
  })
})
