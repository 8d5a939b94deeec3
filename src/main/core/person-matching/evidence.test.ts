import { describe, expect, it } from 'vitest'
import { compareBirthDates, emailKeys, phoneKeys, readBirthDate } from './evidence'

const compare = (a: [string | null, number | null], b: [string | null, number | null]) =>
  compareBirthDates(readBirthDate(a[0], a[1]), readBirthDate(b[0], b[1]))

describe('birth dates', () => {
  it('agree, conflict, or say nothing', () => {
    expect(compare(['1980-05-12', null], ['1980-05-12', null])).toBe('dob.exact')
    expect(compare(['1980-05-12', null], ['1980-05-13', null])).toBe('dob.conflict')
    expect(compare(['1980-05-12', null], [null, null])).toBeNull()
  })

  it('reads January 1 as "year only", as documents record it when the real date is unknown', () => {
    expect(compare(['1980-01-01', null], ['1980-05-12', null])).toBe('dob.year')
    expect(compare(['1980-01-01', null], ['1981-05-12', null])).toBeNull()
    expect(compare(['1980-01-01', null], ['1975-05-12', null])).toBe('dob.conflict')
  })

  it('treats a day and month swapped between conventions as a near match', () => {
    expect(compare(['1980-03-04', null], ['1980-04-03', null])).toBe('dob.transposed')
  })

  it('compares an approximate birth year with a year of tolerance', () => {
    expect(compare([null, 1980], ['1980-05-12', null])).toBe('dob.year')
    expect(compare([null, 1980], [null, 1981])).toBeNull()
    expect(compare([null, 1980], [null, 1990])).toBe('dob.conflict')
  })

  it('ignores dates that are not dates', () => {
    expect(readBirthDate('1980-02-31', null)).toEqual({ year: null, monthDay: null, iso: null })
    expect(readBirthDate('yesterday', 1e9)).toEqual({ year: null, monthDay: null, iso: null })
  })
})

describe('phones and emails', () => {
  it('compares phones on their last nine digits, whatever the formatting or country prefix', () => {
    expect(phoneKeys(['+1 (613) 555-0142'])).toEqual(phoneKeys(['613.555.0142']))
    expect(phoneKeys(['+963 912 345 678'])).toEqual(phoneKeys(['0912 345 678']))
    expect(phoneKeys(['555-01', 'n/a'])).toEqual([])
  })

  it('case-folds and trims emails and ignores anything without an @', () => {
    expect(emailKeys([' Someone@Example.ORG '])).toEqual(['someone@example.org'])
    expect(emailKeys(['not an email', '@', 42])).toEqual([])
  })
})
