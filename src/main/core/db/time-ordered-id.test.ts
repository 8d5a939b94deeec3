import { describe, expect, it } from 'vitest'
import { timeOrderedId } from './time-ordered-id'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('time-ordered ids', () => {
  it('are UUIDv7 and sort in the order they were made, even thousands within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId(1_900_000_000_000))
    ids.push(timeOrderedId(1_900_000_000_001), timeOrderedId(1_800_000_000_000))
    for (const id of ids) expect(id).toMatch(UUID_V7)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('carry the millisecond they were made in their first 48 bits', () => {
    const id = timeOrderedId(Date.UTC(2031, 0, 1))
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBeGreaterThanOrEqual(Date.UTC(2031, 0, 1))
  })
})
