import { describe, expect, it } from 'vitest'
import { AIRPORT_INFO, AIRPORTS, airportLocalTime, airportName } from './airports'
import { formatOnCallWindow, isOnCallAt, parseOnCallWindow, slicesOf } from './on-call'

describe('airports', () => {
  it('name every airport in English and French, with a province and a zone Intl knows', () => {
    for (const airport of AIRPORTS) {
      const info = AIRPORT_INFO[airport]
      expect(airportName(airport, 'en')).toBe(info.en)
      expect(airportName(airport, 'fr-CA')).toBe(info.fr)
      expect(() => new Intl.DateTimeFormat('en', { timeZone: info.timeZone })).not.toThrow()
    }
    expect(AIRPORTS).toEqual(expect.arrayContaining(['YVR', 'YYC', 'YEG', 'YWG', 'YYZ', 'YOW', 'YUL', 'YHZ']))
  })

  it('read the local day and time in the airport’s own zone, daylight saving included', () => {
    // 2026-07-07 02:30 UTC is Monday 22:30 in Montréal (EDT) and Monday 19:30 in Vancouver (PDT).
    const summer = new Date('2026-07-07T02:30:00Z')
    expect(airportLocalTime('YUL', summer)).toEqual({ day: 'mon', minute: 22 * 60 + 30 })
    expect(airportLocalTime('YVR', summer)).toEqual({ day: 'mon', minute: 19 * 60 + 30 })
    expect(airportLocalTime('YHZ', summer)).toEqual({ day: 'mon', minute: 23 * 60 + 30 })
    // In January Montréal is UTC−5: the same UTC hour is an hour earlier there.
    expect(airportLocalTime('YUL', new Date('2026-01-06T02:30:00Z'))).toEqual({
      day: 'mon',
      minute: 21 * 60 + 30,
    })
    // Saskatchewan keeps standard time all year.
    expect(airportLocalTime('YXE', summer)).toEqual({ day: 'mon', minute: 20 * 60 + 30 })
  })
})

describe('on-call windows', () => {
  it('read English and French days, ranges, lists and every-day forms', () => {
    expect(parseOnCallWindow('Mon-Fri 18:00-23:00')).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '18:00',
      end: '23:00',
    })
    expect(parseOnCallWindow('sam, dim 9:00-17:00')).toEqual({
      days: ['sat', 'sun'],
      start: '09:00',
      end: '17:00',
    })
    expect(parseOnCallWindow('Fri-Mon 00:00-24:00')?.days).toEqual(['mon', 'fri', 'sat', 'sun'])
    expect(parseOnCallWindow('tous les jours 22:00-06:00')?.days).toHaveLength(7)
    for (const bad of ['Mon', 'Funday 09:00-10:00', 'Mon 25:00-26:00', 'Mon 09:00-09:00', ''])
      expect(parseOnCallWindow(bad), bad).toBeNull()
  })

  it('write windows back in a form they read from', () => {
    for (const text of [
      'Mon-Fri 18:00-23:00',
      'Mon,Wed 09:00-12:00',
      'daily 22:00-06:00',
      'Sat,Sun 00:00-24:00',
    ]) {
      const window = parseOnCallWindow(text)
      expect(window).not.toBeNull()
      if (window === null) continue
      expect(parseOnCallWindow(formatOnCallWindow(window))).toEqual(window)
    }
  })

  it('cut a window past midnight into the rest of its day and the start of the next', () => {
    expect(slicesOf({ days: ['sun'], start: '22:00', end: '06:00' })).toEqual([
      { day: 'sun', startMinute: 1320, endMinute: 1440 },
      { day: 'mon', startMinute: 0, endMinute: 360 },
    ])
  })

  it('decide "on call now" in the airport’s local time, not the laptop’s', () => {
    const evenings = [{ days: ['mon' as const], start: '18:00', end: '23:00' }]
    const mondayNightMontreal = new Date('2026-07-07T02:30:00Z') // Mon 22:30 at YUL, Mon 19:30 at YVR
    expect(isOnCallAt(evenings, 'YUL', mondayNightMontreal)).toBe(true)
    expect(isOnCallAt(evenings, 'YVR', mondayNightMontreal)).toBe(true)
    expect(isOnCallAt(evenings, 'YHZ', mondayNightMontreal)).toBe(false) // 23:30 there: the window has ended
    expect(
      isOnCallAt([{ days: ['sun'], start: '22:00', end: '06:00' }], 'YUL', new Date('2026-07-06T06:00:00Z')),
    ).toBe(
      true, // Monday 02:00 in Montréal, inside Sunday night's window
    )
  })
})
