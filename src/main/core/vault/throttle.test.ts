import { describe, expect, it } from 'vitest'
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
