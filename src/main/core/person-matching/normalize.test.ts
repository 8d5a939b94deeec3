import { describe, expect, it } from 'vitest'
import { analyzeName, normalizeName } from './normalize'

describe('normalizeName: the same name however it was typed', () => {
  it('folds case, accents and punctuation, and ignores token order', () => {
    expect(normalizeName('Nguyễn Văn An')).toEqual(normalizeName('nguyen van an'))
    expect(normalizeName('Hassan MOHAMMED')).toEqual(normalizeName('Mohammed Hassan'))
    expect(normalizeName("O'Brien")).toEqual(['obrien'])
  })

  it('splits hyphens and drops a standalone article: al-Hassan is hassan', () => {
    expect(normalizeName('Mohammed Al-Hassan')).toEqual(['hassan', 'mohammed'])
    expect(normalizeName('Mohammed el Hassan')).toEqual(['hassan', 'mohammed'])
  })

  it('spells servant-of names one way: Abd al-Rahman, Abdel Rahman and Abdulrahman', () => {
    expect(normalizeName('Abd al-Rahman')).toEqual(['abdrahman'])
    expect(normalizeName('Abdel Rahman')).toEqual(['abdrahman'])
    expect(normalizeName('Abdulrahman')).toEqual(['abdrahman'])
    expect(normalizeName('Abd Allah')).toEqual(normalizeName('Abdullah'))
    expect(normalizeName('Abu Bakr')).toEqual(['abubakr'])
  })

  it('drops son-of and locative particles, but keeps Ben as a first name and a name made only of particles', () => {
    expect(normalizeName('Mohammed bin Salman')).toEqual(['mohammed', 'salman'])
    expect(normalizeName('Ludwig van Beethoven')).toEqual(['beethoven', 'ludwig'])
    expect(normalizeName('Ben Carter')).toEqual(['ben', 'carter'])
    expect(normalizeName('Al')).toEqual(['al'])
  })

  it('keeps a short given name that only looks like a particle elsewhere (Vietnamese An)', () => {
    expect(normalizeName('Nguyen Van An')).toEqual(['an', 'nguyen'])
  })

  it('transliterates Arabic, Cyrillic and Ethiopic script', () => {
    expect(analyzeName('محمد الحسن')).toEqual({
      tokens: ['mhmd', 'hsn'],
      sorted: ['hsn', 'mhmd'],
      isFromAbjad: true,
    })
    expect(normalizeName('Ольга Кузнецова')).toEqual(['kuznetsova', 'olga'])
    expect(normalizeName('አበበ ቢቂላ')).toEqual(['abebe', 'bikila'])
  })

  it('ignores emoji, bidi marks and zero-width joiners', () => {
    expect(normalizeName('\u200fAli\u200d \u{1F600} Reza\u200b')).toEqual(['ali', 'reza'])
  })

  it('returns no tokens for text with no letters', () => {
    expect(normalizeName('')).toEqual([])
    expect(normalizeName('  -- 123 \u{1F600} ')).toEqual([])
  })
})
