/**
 * Any script to lowercase-able Latin. The heavy lifting is any-ascii (tables maintained upstream for every
 * Unicode script); this file only adds what any-ascii cannot know about names: Arabic-script particles.
 */
import anyAscii from 'any-ascii'

/** Letters of scripts that do not write short vowels (abjads): their Latin form is a consonant skeleton. */
const ABJAD_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u
const ARABIC_LETTERS = '\\p{Script=Arabic}'

/**
 * Arabic-script particles, rewritten to the Latin spelling that normalize.ts recognizes. Without this,
 * "الحسن" becomes "lhsn" (the alef of the article is silent in any-ascii) and "عبد" becomes "`bd".
 */
const ARABIC_PARTICLES: ReadonlyArray<readonly [RegExp, string]> = [
  // The article al- on a word of at least two more letters ("الحسن" → "al حسن"); "ال" alone is left.
  [new RegExp(`(^|[^${ARABIC_LETTERS}])[اأ]ل(?=${ARABIC_LETTERS}{2,})`, 'gu'), '$1al '],
  [new RegExp(`(^|[^${ARABIC_LETTERS}])عبد(?=[^${ARABIC_LETTERS}]|$)`, 'gu'), '$1abd'],
  [new RegExp(`(^|[^${ARABIC_LETTERS}])عبد(?=ال)`, 'gu'), '$1abd '],
  [new RegExp(`(^|[^${ARABIC_LETTERS}])[اأ]بو(?=[^${ARABIC_LETTERS}]|$)`, 'gu'), '$1abu'],
  [new RegExp(`(^|[^${ARABIC_LETTERS}])بنت(?=[^${ARABIC_LETTERS}]|$)`, 'gu'), '$1bint'],
  [new RegExp(`(^|[^${ARABIC_LETTERS}])بن(?=[^${ARABIC_LETTERS}]|$)`, 'gu'), '$1bin'],
]

/** True when the text contains letters of an abjad (Arabic, Persian, Urdu, Hebrew, Syriac, Thaana). */
export const isAbjadText = (text: string): boolean => ABJAD_LETTER.test(text)

/**
 * Transliterates any script to ASCII Latin: "محمد الحسن" → "mhmd al hsn", "Ольга" → "Ol'ga",
 * "አበበ" → "'abebe". Case and apostrophes are kept; normalize.ts folds them.
 */
export const toLatin = (text: string): string => {
  let prepared = text
  if (isAbjadText(prepared)) {
    // Order matters: "عبدالله" must lose its "abd" before the article rule sees "الله".
    const [article, ...others] = ARABIC_PARTICLES
    for (const [pattern, replacement] of others) prepared = prepared.replace(pattern, replacement)
    if (article !== undefined) prepared = prepared.replace(article[0], article[1])
  }
  return anyAscii(prepared)
}
