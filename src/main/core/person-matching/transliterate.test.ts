import { describe, expect, it } from 'vitest'
import { isAbjadText, toLatin } from './transliterate'

describe('toLatin: any script to Latin letters', () => {
  it.each([
    ['Ольга Кузнецова', "Ol'ga Kuznetsova"],
    ['Γιώργος', 'Giorgos'],
    ['राहुल', 'rahul'],
    ['Nguyễn', 'Nguyen'],
  ])('%s → %s', (written, latin) => {
    expect(toLatin(written)).toBe(latin)
  })

  it('writes Arabic without short vowels, and marks the article and servant-of particles', () => {
    expect(toLatin('محمد الحسن')).toBe('mhmd al hsn')
    expect(toLatin('عبد الرحمن')).toBe('abd al rhmn')
    expect(toLatin('عبدالرحمن')).toBe('abd al rhmn')
    expect(toLatin('محمد بن سلمان')).toBe('mhmd bin slmn')
  })

  it('transliterates Persian, Hebrew, Ethiopic, Chinese and Korean to something non-empty', () => {
    for (const written of ['محمدرضا تهرانی', 'דוד כהן', 'ኃይለ ሥላሴ', '王小明', '김민준']) {
      expect(toLatin(written)).toMatch(/^[\x20-\x7e]+$/)
    }
  })

  it('knows which scripts omit short vowels', () => {
    expect(isAbjadText('محمد')).toBe(true)
    expect(isAbjadText('דוד')).toBe(true)
    expect(isAbjadText('Ольга')).toBe(false)
  })
})
