import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/result'
import { OperationGuard, yieldToEvents } from './operation-guard'

/*
 * operation-guard.ts alone (it loads nothing but AppError): what a lock cancels, what counts as running, and the
 * yield between two steps of long work. How a lock stops a real backup, restore, rekey or unlock is in their own
 * test files.
 */

function thrownBy(work: () => void): unknown {
  try {
    work()
    return undefined
  } catch (error) {
    return error
  }
}

describe('OperationGuard', () => {
  it('an operation begins not cancelled, and is running until it ends', () => {
    const guard = new OperationGuard()
    expect(guard.isBusy()).toBe(false)
    const operation = guard.begin()
    expect(operation.cancelled).toBe(false)
    expect(operation.state).toEqual({ cancelled: false })
    expect(thrownBy(() => operation.throwIfCancelled())).toBeUndefined()
    expect(guard.isBusy()).toBe(true)
    operation.end()
    expect(guard.isBusy()).toBe(false)
  })

  it('cancelAll cancels every running operation; each then throws CANCELLED with a sentence saying nothing changed', () => {
    const guard = new OperationGuard()
    const first = guard.begin()
    const second = guard.begin()
    guard.cancelAll()
    for (const operation of [first, second]) {
      expect(operation.cancelled).toBe(true)
      expect(operation.state.cancelled).toBe(true)
      const error = thrownBy(() => operation.throwIfCancelled())
      expect(error).toBeInstanceOf(AppError)
      expect(error).toMatchObject({
        code: 'CANCELLED',
        message: 'The vault was locked, so the operation was stopped. Nothing was changed.',
      })
    }
  })

  it('a lock cancels only what runs when it arrives: an ended operation and a later one stay uncancelled', () => {
    const guard = new OperationGuard()
    const ended = guard.begin()
    ended.end()
    const running = guard.begin()
    guard.cancelAll()
    expect(ended.cancelled).toBe(false)
    expect(running.cancelled).toBe(true)
    running.end()
    const later = guard.begin()
    expect(later.cancelled).toBe(false)
    expect(thrownBy(() => later.throwIfCancelled())).toBeUndefined()
    expect(guard.isBusy()).toBe(true)
    later.end()
    expect(guard.isBusy()).toBe(false)
  })

  it('ending one of two operations leaves the other running', () => {
    const guard = new OperationGuard()
    const first = guard.begin()
    const second = guard.begin()
    first.end()
    expect(guard.isBusy()).toBe(true)
    guard.cancelAll()
    expect(first.cancelled).toBe(false)
    expect(second.cancelled).toBe(true)
    second.end()
    expect(guard.isBusy()).toBe(false)
  })

  it('runningBesides is true only when another operation runs', () => {
    const guard = new OperationGuard()
    const mine = guard.begin()
    expect(guard.runningBesides(mine)).toBe(false)
    const other = guard.begin()
    expect(guard.runningBesides(mine)).toBe(true)
    expect(guard.runningBesides(other)).toBe(true)
    other.end()
    expect(guard.runningBesides(mine)).toBe(false)
    mine.end()
    // Nothing runs at all: nothing runs besides an operation that has ended either.
    expect(guard.runningBesides(mine)).toBe(false)
  })
})

describe('yieldToEvents', () => {
  it('resolves only after the callbacks already queued for this turn of the event loop have run', async () => {
    const seen: string[] = []
    setImmediate(() => seen.push('queued before'))
    await yieldToEvents()
    seen.push('after the yield')
    expect(seen).toEqual(['queued before', 'after the yield'])
  })
})
