import { describe, expect, it, vi } from 'vitest'
import { IdleLock } from './idle-lock'

describe('the idle lock', () => {
  const setup = (timeoutMinutes: number) => {
    let clock = 0
    let unlocked = true
    const locks: number[] = []
    const idle = new IdleLock(
      () => timeoutMinutes * 60_000,
      () => {
        locks.push(clock)
        unlocked = false
      },
      () => unlocked,
      () => clock,
    )
    return {
      idle,
      locks,
      advance: (minutes: number) => (clock += minutes * 60_000),
      unlock: () => (unlocked = true),
    }
  }

  it('locks an unattended vault once the timeout passes', () => {
    const { idle, locks, advance } = setup(10)
    advance(9)
    expect(idle.check()).toBe(false)
    advance(1)
    expect(idle.check()).toBe(true)
    expect(locks).toHaveLength(1)
  })

  it('counts from the last activity, so a person at work is never locked out', () => {
    const { idle, locks, advance } = setup(10)
    for (let minute = 0; minute < 60; minute += 5) {
      advance(5)
      idle.recordActivity()
      idle.check()
    }
    expect(locks).toHaveLength(0)
  })

  it('starts counting afresh after the next unlock', () => {
    const { idle, locks, advance, unlock } = setup(10)
    advance(11)
    idle.check()
    advance(30)
    expect(idle.check()).toBe(false) // already locked: time while locked does not count
    unlock()
    advance(5)
    expect(idle.check()).toBe(false)
    expect(locks).toHaveLength(1)
  })
  it('checks on its own timer once started, and not after it is stopped', () => {
    vi.useFakeTimers()
    try {
      let unlocked = true
      let locks = 0
      const idle = new IdleLock(
        () => 0,
        () => {
          locks++
          unlocked = false
        },
        () => unlocked,
      )
      const stop = idle.start(1000)
      vi.advanceTimersByTime(999)
      expect(locks).toBe(0)
      vi.advanceTimersByTime(1)
      expect(locks).toBe(1)
      unlocked = true
      stop()
      vi.advanceTimersByTime(5000)
      expect(locks).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
