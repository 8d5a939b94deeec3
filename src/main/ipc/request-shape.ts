import { CSV_MAX_CHARS } from '../../shared/contract/intake-csv'

/**
 * A first look at a request before zod sees it: only what JSON can carry (plain objects and arrays, strings, finite
 * numbers, booleans, null), bounded in depth and size, and no keys that reach into prototypes. Electron's structured
 * clone can deliver a BigInt, a Map, a Date or an object nested 20,000 deep; zod would recurse into (or throw on)
 * those. Limits are far above any real request (the largest is an intakes CSV as one string).
 */
export const REQUEST_LIMITS = {
  maxDepth: 32,
  maxNodes: 50_000,
  /** All strings together, in UTF-16 code units: the intakes CSV cap plus room for the rest. */
  maxTextLength: CSV_MAX_CHARS + 1_000_000,
} as const

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** A reason the request cannot be a valid one, or null when it may be (zod decides then). Never throws. */
export function requestShapeProblem(raw: unknown, limits = REQUEST_LIMITS): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: raw, depth: 0 }]
  let nodes = 0
  let text = 0
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number }
    nodes++
    if (nodes > limits.maxNodes) return 'the request is too large'
    if (depth > limits.maxDepth) return 'the request is nested too deeply'
    if (value === null || typeof value === 'boolean') continue
    if (typeof value === 'string') {
      text += value.length
      if (text > limits.maxTextLength) return 'the request is too large'
      continue
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'numbers must be finite'
      continue
    }
    if (typeof value !== 'object') return `a ${typeof value} cannot be part of a request`
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 })
      continue
    }
    const prototype: unknown = Object.getPrototypeOf(value)
    if (prototype !== Object.prototype && prototype !== null)
      return 'only plain objects can be part of a request'
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `the key "${key}" is not allowed`
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 })
    }
    if (Object.getOwnPropertySymbols(value).length > 0) return 'symbols cannot be part of a request'
  }
  return null
}
