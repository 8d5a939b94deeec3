import { describe, expect, it } from 'vitest'
import { consonantSkeleton, phoneticKeys } from './phonetic'

describe('phonetic keys and consonant skeletons', () => {
  it('gives Latin spellings of one sound the same Double Metaphone key', () => {
    expect(phoneticKeys('mohammed')).toEqual(phoneticKeys('muhammad'))
    expect(phoneticKeys('yusuf')).toEqual(phoneticKeys('yousef'))
    expect(phoneticKeys('')).toEqual([])
  })

  it('reduces a vowelled Latin name and its Arabic-script transliteration to the same skeleton', () => {
    expect(consonantSkeleton('mohammed')).toBe(consonantSkeleton('mhmd'))
    expect(consonantSkeleton('hassan')).toBe(consonantSkeleton('hsn'))
    expect(consonantSkeleton('yousef')).toBe(consonantSkeleton('ywsf'))
    expect(consonantSkeleton('khalid')).toBe(consonantSkeleton('khld'))
    expect(consonantSkeleton('fatima')).toBe(consonantSkeleton('ftmh'))
    expect(consonantSkeleton('zahra')).toBe(consonantSkeleton('zhr'))
  })

  it('folds romanizations that disagree: Gamal/Jamal, Qasim/Kasim', () => {
    expect(consonantSkeleton('gamal')).toBe(consonantSkeleton('jamal'))
    expect(consonantSkeleton('qasim')).toBe(consonantSkeleton('kasim'))
  })
})
