/**
 * Which writing system a name is written in, as an ISO 15924 code, so the case list can say "name in Arabic script"
 * without showing the name again. Pure: used by main (the search) and the renderer (the labels) alike.
 */

/** Scripts the app names in words (EN/FR catalogs); any other non-Latin script is 'other'. */
export const NAME_SCRIPTS = [
  'Arab',
  'Cyrl',
  'Ethi',
  'Hebr',
  'Grek',
  'Armn',
  'Geor',
  'Deva',
  'Beng',
  'Taml',
  'Mymr',
  'Khmr',
  'Thai',
  'Hang',
  'Hani',
  'Latn',
  'other',
] as const
export type TNameScript = (typeof NAME_SCRIPTS)[number]

const PATTERNS: readonly (readonly [TNameScript, RegExp])[] = [
  ['Arab', /\p{Script=Arabic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Hani', /\p{Script=Han}/u],
]

/** The first non-Latin script a name uses, 'Latn' for Latin letters only, 'other' for a script not listed. */
export function scriptOfName(name: string): TNameScript {
  for (const [script, pattern] of PATTERNS) if (pattern.test(name)) return script
  if (/[\p{L}]/u.test(name) && !/\p{Script=Latin}/u.test(name)) return 'other'
  return 'Latn'
}
