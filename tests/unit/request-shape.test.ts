import { describe, expect, it } from 'vitest'
import { REQUEST_LIMITS, requestShapeProblem } from '../../src/main/ipc/request-shape'

/*
 * The first look at every request, each rule at its edge: hostile-requests.test.ts throws random values at the
 * dispatcher; this pins which shape is refused, with which reason, and that the last allowed one still passes.
 */

/** Small limits, so each edge is a short literal (the parameter is typed as the production limits' literals). */
const LIMITS = { maxDepth: 3, maxNodes: 6, maxTextLength: 10 } as unknown as typeof REQUEST_LIMITS

/** `levels` arrays nested in each other around 'x': the string sits at depth `levels`. */
const nested = (levels: number): unknown => {
  let value: unknown = 'x'
  for (let level = 0; level < levels; level++) value = [value]
  return value
}

describe('the shape of a request', () => {
  it('has limits far above any real request', () => {
    expect(REQUEST_LIMITS.maxDepth).toBe(32)
    expect(REQUEST_LIMITS.maxNodes).toBe(50_000)
    expect(REQUEST_LIMITS.maxTextLength).toBeGreaterThan(20_000_000)
    expect(requestShapeProblem(nested(32))).toBeNull()
    expect(requestShapeProblem(nested(33))).toBe('the request is nested too deeply')
  })

  it('accepts what JSON can carry, null-prototype objects included', () => {
    const bare = Object.create(null) as Record<string, unknown>
    bare['name'] = 'x'
    for (const value of [null, true, false, 0, -1.5, '', 'text', [], {}, { a: [1, 'b', null] }, bare]) {
      expect(requestShapeProblem(value, LIMITS), JSON.stringify(value)).toBeNull()
    }
  })

  it('counts depth from the request itself: the limit passes, one more level does not', () => {
    expect(requestShapeProblem(nested(3), LIMITS)).toBeNull()
    expect(requestShapeProblem(nested(4), LIMITS)).toBe('the request is nested too deeply')
    expect(requestShapeProblem({ a: { b: { c: 'x' } } }, LIMITS)).toBeNull()
    expect(requestShapeProblem({ a: { b: { c: { d: 1 } } } }, LIMITS)).toBe(
      'the request is nested too deeply',
    )
  })

  it('counts every value as a node: the limit passes, one more does not', () => {
    // The array and its items: 1 + 5 = 6 nodes.
    expect(requestShapeProblem([1, 2, 3, 4, 5], LIMITS)).toBeNull()
    expect(requestShapeProblem([1, 2, 3, 4, 5, 6], LIMITS)).toBe('the request is too large')
    expect(requestShapeProblem({ a: 1, b: 2, c: 3, d: 4, e: 5 }, LIMITS)).toBeNull()
    expect(requestShapeProblem({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, LIMITS)).toBe(
      'the request is too large',
    )
  })

  it('adds up the text of every string: the limit passes, one more character does not', () => {
    expect(requestShapeProblem(['12345', '67890'], LIMITS)).toBeNull()
    expect(requestShapeProblem(['12345', '678901'], LIMITS)).toBe('the request is too large')
    expect(requestShapeProblem('12345678901', LIMITS)).toBe('the request is too large')
  })

  it('refuses numbers JSON cannot carry', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(requestShapeProblem({ n: value }, LIMITS)).toBe('numbers must be finite')
    }
  })

  it('refuses values of other types, naming the type', () => {
    expect(requestShapeProblem({ n: 1n }, LIMITS)).toBe('a bigint cannot be part of a request')
    expect(requestShapeProblem([undefined], LIMITS)).toBe('a undefined cannot be part of a request')
    expect(requestShapeProblem(Symbol('s'), LIMITS)).toBe('a symbol cannot be part of a request')
    expect(requestShapeProblem({ f: () => 1 }, LIMITS)).toBe('a function cannot be part of a request')
  })

  it('refuses objects that are not plain', () => {
    for (const value of [new Date(0), new Map(), new Set(), new Uint8Array(1), new (class Thing {})()]) {
      expect(requestShapeProblem({ value }, LIMITS), String(value)).toBe(
        'only plain objects can be part of a request',
      )
    }
  })

  it('refuses keys that reach into prototypes, and symbol keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const value = JSON.parse(`{"${key}": {"polluted": true}}`) as unknown
      expect(requestShapeProblem(value, LIMITS)).toBe(`the key "${key}" is not allowed`)
    }
    expect(requestShapeProblem({ [Symbol('s')]: 1 }, LIMITS)).toBe('symbols cannot be part of a request')
  })
})
