/**
 * A caseworker saves a new survivor; the duplicate check must offer the existing record when it is the
 * same person written another way, and stay quiet when it is not. Names are common public examples.
 */
import { describe, expect, it } from 'vitest'
import { scorePersonMatch } from './score'
import type { Person } from './types'

const person = (names: string[], details: Omit<Person, 'names'> = {}): Person => ({ names, ...details })

describe('the duplicate check offers the same survivor written another way', () => {
  const sameBirthday = '1980-05-12'
  const spellings = [
    person(['Mohammed Al-Hassan'], { dateOfBirth: sameBirthday }),
    person(['Muhammad Alhasan'], { dateOfBirth: sameBirthday }),
    person(['محمد الحسن'], { dateOfBirth: sameBirthday }),
  ]

  it('Mohammed Al-Hassan, Muhammad Alhasan and محمد الحسن born the same day are offered as one person', () => {
    for (const a of spellings) {
      for (const b of spellings) {
        if (a === b) continue
        const match = scorePersonMatch(a, b)
        expect(match.isLikelySame, `${a.names[0]} ~ ${b.names[0]}`).toBe(true)
        expect(match.reasons).toContain('dob.exact')
      }
    }
  })

  it('…but the same names with different dates of birth are not', () => {
    const [latin, other, arabic] = spellings.map((entry, index) => ({
      ...entry,
      dateOfBirth: `19${70 + index * 5}-0${index + 2}-1${index}`,
    }))
    for (const [a, b] of [
      [latin, other],
      [latin, arabic],
      [other, arabic],
    ] as const) {
      if (a === undefined || b === undefined) throw new Error('fixture')
      const match = scorePersonMatch(a, b)
      expect(match.isLikelySame).toBe(false)
      expect(match.reasons).toContain('dob.conflict')
      expect(match.score).toBeLessThan(0.5)
    }
  })

  it('explains an Arabic-script match by consonant skeleton, and names the best pair of names', () => {
    const match = scorePersonMatch(
      person(['M. Hassan', 'Mohammed Al-Hassan']),
      person(['محمد الحسن', 'Abu Ali']),
    )
    expect(match.reasons).toContain('name.skeleton')
    expect(match.bestPair).toEqual(['Mohammed Al-Hassan', 'محمد الحسن'])
  })

  it.each([
    ['Abd al-Rahman Yusuf', 'Abdulrahman Yousef'],
    ['Abd al-Rahman Yusuf', 'عبد الرحمن يوسف'],
    ['Olga Kuznetsova', 'Ольга Кузнецова'],
    ['Olga Kuznetsova', 'Olga Kouznetsova'],
    ['አበበ ቢቂላ', 'Abebe Bikila'],
    ['Nguyễn Văn An', 'Nguyen Van An'],
    ['Hassan Mohammed', 'Mohammed Hassan'],
    ['Fatima Zahra', 'فاطمة الزهراء'],
    ['Ali Reza', 'Alireza'],
  ])('%s is offered as %s', (a, b) => {
    expect(scorePersonMatch(person([a]), person([b])).isLikelySame).toBe(true)
  })

  it('a shared phone number makes a differently spelled name likely the same person', () => {
    const intake = person(['Mohamad Hasan'], { phones: ['613-555-0142'] })
    const stored = person(['Mohammed Al-Hassan'], { phones: ['+1 (613) 555-0142'] })
    const match = scorePersonMatch(intake, stored)
    expect(match.isLikelySame).toBe(true)
    expect(match.reasons).toContain('phone.exact')
  })

  it('a shared email counts the same way, whatever its case', () => {
    const match = scorePersonMatch(
      person(['Olga Kuznetsova'], { emails: ['OLGA.K@example.org '] }),
      person(['Ольга Кузнецова'], { emails: ['olga.k@example.org'] }),
    )
    expect(match.reasons).toContain('email.exact')
    expect(match.score).toBeGreaterThan(0.95)
  })

  it('any of a person’s names can match: an alias against a legal name', () => {
    const match = scorePersonMatch(person(['Abebe Bikila', 'Abe']), person(['Ato Tesfaye', 'አበበ ቢቂላ']))
    expect(match.isLikelySame).toBe(true)
    expect(match.bestPair).toEqual(['Abebe Bikila', 'አበበ ቢቂላ'])
  })
})

describe('the duplicate check stays quiet for different people', () => {
  it('Maria Lopez is not Mohammed Al-Hassan', () => {
    const match = scorePersonMatch(person(['Maria Lopez']), person(['Mohammed Al-Hassan']))
    expect(match.isLikelySame).toBe(false)
    expect(match.score).toBeLessThan(0.4)
  })

  it('Ali Reza is not Alireza Tehrani born years apart', () => {
    const match = scorePersonMatch(
      person(['Ali Reza'], { dateOfBirth: '1990-06-02' }),
      person(['Alireza Tehrani'], { dateOfBirth: '1971-03-04' }),
    )
    expect(match.isLikelySame).toBe(false)
    expect(match.score).toBeLessThan(0.4)
  })

  it('family members sharing one phone are not merged on the phone alone', () => {
    const match = scorePersonMatch(
      person(['Maria Lopez'], { phones: ['613-555-0142'] }),
      person(['Jose Lopez'], { phones: ['613-555-0142'] }),
    )
    expect(match.reasons).toContain('phone.exact')
    expect(match.isLikelySame).toBe(false)
  })

  it('one shared given name is not enough without more evidence', () => {
    expect(scorePersonMatch(person(['Mohammed']), person(['Mohammed Al-Hassan'])).isLikelySame).toBe(false)
    expect(scorePersonMatch(person(['Hassan']), person(['Hussein'])).isLikelySame).toBe(false)
  })

  it('two people with no names and nothing else in common score zero', () => {
    expect(scorePersonMatch(person([]), person([]))).toMatchObject({
      score: 0,
      isLikelySame: false,
      reasons: [],
      bestPair: ['', ''],
    })
  })
})

describe('dates of birth move the score', () => {
  const names = ['Muhammad Alhasan']
  const other = ['Mohammed Al-Hassan']
  const base = scorePersonMatch(person(names), person(other)).score

  it('up for the same date, down sharply for a conflicting one, a little up for the same year', () => {
    const exact = scorePersonMatch(
      person(names, { dateOfBirth: '1980-05-12' }),
      person(other, { dateOfBirth: '1980-05-12' }),
    ).score
    const year = scorePersonMatch(
      person(names, { birthYear: 1980 }),
      person(other, { dateOfBirth: '1980-05-12' }),
    )
    const conflict = scorePersonMatch(
      person(names, { dateOfBirth: '1980-05-12' }),
      person(other, { dateOfBirth: '1986-09-30' }),
    ).score
    expect(exact).toBeGreaterThan(year.score)
    expect(year.score).toBeGreaterThan(base)
    expect(year.reasons).toContain('dob.year')
    expect(conflict).toBeLessThanOrEqual(base / 2 + 1e-9)
  })

  it('a January 1 placeholder does not contradict a real date in the same year', () => {
    const match = scorePersonMatch(
      person(names, { dateOfBirth: '1980-01-01' }),
      person(other, { dateOfBirth: '1980-05-12' }),
    )
    expect(match.reasons).not.toContain('dob.conflict')
    expect(match.isLikelySame).toBe(true)
  })
})
