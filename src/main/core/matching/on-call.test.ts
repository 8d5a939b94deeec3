import { describe, expect, it } from 'vitest'
import { isOnCall, minuteOfWeek, windowCovers } from './on-call'

describe('on-call windows', () => {
  it('reads the moment in the airport’s own time zone', () => {
    // Monday 2026-11-30 03:30 UTC is Sunday 22:30 in Montréal and Sunday 19:30 in Vancouver.
    const now = new Date('2026-11-30T03:30:00Z')
    expect(minuteOfWeek(now, 'America/Toronto')).toBe(6 * 1440 + 22 * 60 + 30)
    expect(minuteOfWeek(now, 'America/Vancouver')).toBe(6 * 1440 + 19 * 60 + 30)
    expect(minuteOfWeek(now, null)).toBe(3 * 60 + 30)
    expect(minuteOfWeek(now, 'Not/AZone')).toBe(3 * 60 + 30)
  })

  it('a window past midnight covers the small hours of the next day, and Sunday night runs into Monday', () => {
    const sundayNight = { day: 6, startMinute: 22 * 60, endMinute: 6 * 60 }
    expect(windowCovers(sundayNight, 6 * 1440 + 23 * 60)).toBe(true)
    expect(windowCovers(sundayNight, 5 * 60)).toBe(true)
    expect(windowCovers(sundayNight, 6 * 60)).toBe(false)
    expect(windowCovers(sundayNight, 6 * 1440 + 21 * 60)).toBe(false)
  })

  it('an evening window covers its own hours only', () => {
    const tuesdayEvening = [{ day: 1, startMinute: 17 * 60, endMinute: 21 * 60 }]
    expect(isOnCall(tuesdayEvening, 1440 + 18 * 60)).toBe(true)
    expect(isOnCall(tuesdayEvening, 1440 + 21 * 60)).toBe(false)
    expect(isOnCall(tuesdayEvening, 2 * 1440 + 18 * 60)).toBe(false)
  })
})
