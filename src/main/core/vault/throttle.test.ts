import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/result'
import { tempFolderPerTest } from '#test-support/per-test'
import { assertStrongPassphrase } from './strong-passphrase'
import { delayAfterFailures, UnlockThrottle } from './throttle'

describe('unlock throttle', () => {
  it('waits 0, 0, 1, 2, 4 … seconds, capped at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 20].map(delayAfterFailures)).toEqual([0, 0, 1, 2, 4, 8, 60, 60])
  })

  it('refuses attempts during the delay with the seconds left, per account name, and forgets on success', () => {
    let now = 0
    const throttle = new UnlockThrottle(() => now)
    for (let attempt = 0; attempt < 4; attempt++) throttle.recordFailure('Alex.Example')
    expect(() => throttle.assertAllowed('alex.example')).toThrow(
      expect.objectContaining({ code: 'THROTTLED', details: { retryAfterSeconds: 2 } }),
    )
    expect(() => throttle.assertAllowed('jordan.example')).not.toThrow()
    now += 1500
    expect(() => throttle.assertAllowed('alex.example')).toThrow(
      expect.objectContaining({ details: { retryAfterSeconds: 1 } }),
    )
    now += 500
    expect(() => throttle.assertAllowed('alex.example')).not.toThrow()
    throttle.recordSuccess('ALEX.EXAMPLE')
    throttle.recordFailure('alex.example')
    expect(() => throttle.assertAllowed('alex.example')).not.toThrow()
  })
})

describe('the unlock throttle’s file', () => {
  const root = tempFolderPerTest()
  const fileIn = (folder: string) => join(folder, 'unlock-throttle.json')

  it('outlives a restart: the delay, the failures to audit, and a success that forgets them', () => {
    let now = 10_000
    const file = fileIn(root())
    const first = new UnlockThrottle(() => now, file)
    const pending = (username: string | null) => ({ at: 'T', username, method: 'passphrase' as const })
    expect(first.recordFailure('Alex.Example', pending('alex.example'))).toBe(0)
    expect(first.recordFailure('alex.example', pending(null))).toBe(0)
    expect(first.recordFailure('ALEX.example')).toBe(1)
    const restarted = new UnlockThrottle(() => now, file)
    expect(() => restarted.assertAllowed('alex.example')).toThrow(
      new AppError('THROTTLED', 'Too many wrong attempts. Try again in 1 seconds.', { retryAfterSeconds: 1 }),
    )
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      failures: { 'alex.example': { count: 3, notBefore: 11_000 } },
      pending: [pending('alex.example'), pending(null)],
    })
    expect(restarted.takePending()).toEqual([pending('alex.example'), pending(null)])
    expect(new UnlockThrottle(() => now, file).takePending()).toEqual([])
    now = 11_000
    restarted.assertAllowed('alex.example')
    restarted.recordSuccess('Alex.Example')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ failures: {}, pending: [] })
    // A success for a name with no failures writes nothing.
    const before = statSync(file).mtimeMs
    rmSync(file)
    restarted.recordSuccess('jordan.example')
    expect(existsSync(file)).toBe(false)
    expect(before).toBeGreaterThan(0)
  })

  it('starts afresh from a damaged or foreign file, and keeps at most 1,000 names and 1,000 failures to audit', () => {
    const file = fileIn(root())
    for (const text of ['{not json', '{"failures":{},"pending":[],"extra":1}', 'null']) {
      writeFileSync(file, text)
      expect(new UnlockThrottle(() => 0, file).takePending()).toEqual([])
    }
    const failures = Object.fromEntries(
      Array.from({ length: 1000 }, (_, index) => [`name-${index}`, { count: 1, notBefore: 0 }]),
    )
    const pending = Array.from({ length: 1000 }, (_, index) => ({
      at: `${index}`,
      username: null,
      method: 'recovery-key',
    }))
    writeFileSync(file, JSON.stringify({ failures, pending }))
    const throttle = new UnlockThrottle(() => 0, file)
    throttle.recordFailure('newest', { at: 'last', username: null, method: 'passphrase' })
    const written = JSON.parse(readFileSync(file, 'utf8')) as {
      failures: Record<string, unknown>
      pending: { at: string }[]
    }
    expect(Object.keys(written.failures)).toHaveLength(1000)
    expect(written.failures['name-0']).toBeUndefined()
    expect(written.failures['newest']).toEqual({ count: 1, notBefore: 0 })
    expect(written.pending).toHaveLength(1000)
    expect(written.pending[0]?.at).toBe('1')
    expect(written.pending.at(-1)?.at).toBe('last')
  })

  it('forgets only the name that succeeded, writes nothing when there is nothing to take, and drops a name only past 1,000', () => {
    const now = 0
    const file = fileIn(root())
    const throttle = new UnlockThrottle(() => now, file)
    expect(throttle.takePending()).toEqual([])
    expect(existsSync(file)).toBe(false)
    for (let attempt = 0; attempt < 3; attempt++) {
      throttle.recordFailure('alex.example')
      throttle.recordFailure('jordan.example')
    }
    throttle.recordSuccess('alex.example')
    expect(() => throttle.assertAllowed('alex.example')).not.toThrow()
    expect(() => throttle.assertAllowed('jordan.example')).toThrow(
      expect.objectContaining({ code: 'THROTTLED' }),
    )
    const failures = Object.fromEntries(
      Array.from({ length: 999 }, (_, index) => [`name-${index}`, { count: 1, notBefore: 0 }]),
    )
    writeFileSync(file, JSON.stringify({ failures, pending: [] }))
    new UnlockThrottle(() => now, file).recordFailure('newest')
    const written = JSON.parse(readFileSync(file, 'utf8')) as { failures: Record<string, unknown> }
    expect(Object.keys(written.failures)).toHaveLength(1000)
    expect(written.failures['name-0']).toEqual({ count: 1, notBefore: 0 })
  })

  it('holds in memory when the folder cannot be written', () => {
    const throttle = new UnlockThrottle(() => 0, join(root(), 'missing-folder', 'unlock-throttle.json'))
    for (let attempt = 0; attempt < 3; attempt++) throttle.recordFailure('alex.example')
    expect(() => throttle.assertAllowed('alex.example')).toThrow(
      expect.objectContaining({ code: 'THROTTLED' }),
    )
  })
})

describe('a passphrase', () => {
  it('is refused as too short, or as too easy to guess, saying which', () => {
    expect(() => assertStrongPassphrase('short words', [])).toThrow(
      expect.objectContaining({
        code: 'BAD_REQUEST',
        message: 'A passphrase needs at least 12 characters.',
        details: expect.objectContaining({ ok: false, isLongEnough: false }),
      }),
    )
    expect(() => assertStrongPassphrase('password1234', [])).toThrow(
      expect.objectContaining({
        code: 'BAD_REQUEST',
        message: 'This passphrase is too easy to guess. Add more unrelated words.',
      }),
    )
    expect(() => assertStrongPassphrase('alex.example alex.example', ['alex.example'])).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    )
    expect(() => assertStrongPassphrase('quiet lantern ferry orbit 92', [])).not.toThrow()
  })
})
