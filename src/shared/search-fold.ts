/**
 * Text as the roster's and the directory's search boxes compare it: lower case, accents and other marks removed,
 * runs of spaces made one ('Montréal' and 'montreal' are the same word). Stored folded, and queries folded the same way.
 */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

/** The words of a search box, folded: each must appear in the entry's folded text. */
export const searchWords = (search: string): string[] =>
  foldForSearch(search)
    .split(' ')
    .filter((word) => word !== '')
    .slice(0, 8)
