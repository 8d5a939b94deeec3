import { describe, expect, it } from 'vitest'
import { isPastDate, normalizeDateText } from './draftDates'

describe('normalizeDateText', () => {
  it('tidies year-first dates in any language', () => {
    expect(normalizeDateText('1980/2/28')).toBe('1980-02-28')
    expect(normalizeDateText('1980.02.28', 'fr')).toBe('1980-02-28')
    expect(normalizeDateText('19800228')).toBe('1980-02-28')
  })

  it('reads day-first dates in French', () => {
    expect(normalizeDateText('28/02/1980', 'fr')).toBe('1980-02-28')
    expect(normalizeDateText('3/4/1985', 'fr')).toBe('1985-04-03')
    expect(normalizeDateText('28.02.1980', 'fr-CA')).toBe('1980-02-28')
  })

  it('reads day-first dates in English only when the day cannot be a month', () => {
    expect(normalizeDateText('28/02/1980', 'en')).toBe('1980-02-28')
    expect(normalizeDateText('03/04/1985', 'en')).toBe('03/04/1985')
    expect(normalizeDateText('02/28/1980', 'en')).toBe('02/28/1980')
  })

  it('leaves anything else as typed', () => {
    expect(normalizeDateText(' spring 2019 ')).toBe('spring 2019')
  })
})

describe('isPastDate', () => {
  const now = new Date(2026, 2, 14)
  it('is true only for a complete date before today', () => {
    expect(isPastDate('2026-03-13', now)).toBe(true)
    expect(isPastDate('2026-03-14', now)).toBe(false)
    expect(isPastDate('2026-04-01', now)).toBe(false)
    expect(isPastDate('2026-03-1', now)).toBe(false)
    expect(isPastDate('', now)).toBe(false)
  })
})
