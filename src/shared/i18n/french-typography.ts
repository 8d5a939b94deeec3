/*
 * The house rules for French text, checked over every catalog (the renderer's and those main and the admin CLI
 * print from): curly apostrophes, a no-break space before : and inside « », a narrow no-break space before ; ? !
 * (either no-break space is accepted), and staff roles in their inclusive forms (Administrateur·rice,
 * Intervenant·e, Lecteur·rice) or as doublets, never the masculine alone.
 */

/** The words, without placeholders ({{count}}, {version}) and markup. */
const prose = (text: string): string =>
  text
    .replace(/\{\{[^}]*\}\}/g, 'X')
    .replace(/\{\w+\}/g, 'X')
    .replace(/<[^>]*>/g, '')

/** A sign ending a phrase (followed by a space or the end) right after a plain space, a letter or a closing sign. */
const LOOSE_PUNCTUATION = /(?:[ \p{L})»]|^)[:;?!](?=\s|$)/u
const LOOSE_QUOTES = /«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/u
/**
 * A staff role in the masculine alone ("intervenant", "administrateurs"), not "intervenant·e" nor a doublet
 * ("un administrateur ou une administratrice"). "Nom d’utilisateur" is the interface's fixed term and stays.
 */
const MASCULINE_ROLES: ReadonlyArray<[RegExp, RegExp]> = [
  [/\badministrateurs?\b(?!·)/iu, /administratrice/iu],
  [/\bintervenants?\b(?!·)/iu, /intervenante/iu],
  [/\blecteurs?\b(?!·)/iu, /lectrice/iu],
]
const isMasculineOnly = (words: string): boolean =>
  MASCULINE_ROLES.some(([masculine, feminine]) => masculine.test(words) && !feminine.test(words))

export type TFrenchProblem = { key: string; rule: 'apostrophe' | 'spacing' | 'role'; text: string }

/** Every rule each text breaks; `literalApostrophe` names texts that show a straight apostrophe on purpose. */
export function frenchTypographyProblems(
  texts: Iterable<readonly [string, string]>,
  literalApostrophe: ReadonlySet<string> = new Set(),
): TFrenchProblem[] {
  const problems: TFrenchProblem[] = []
  for (const [key, text] of texts) {
    const words = prose(text)
    if (!literalApostrophe.has(key) && words.includes("'")) problems.push({ key, rule: 'apostrophe', text })
    if (LOOSE_PUNCTUATION.test(words) || LOOSE_QUOTES.test(words))
      problems.push({ key, rule: 'spacing', text })
    if (isMasculineOnly(words)) problems.push({ key, rule: 'role', text })
  }
  return problems
}

/** Nested catalogs flattened to `a.b.c` → text (functions and non-strings left out). */
export function flattenTexts(catalog: unknown, prefix = ''): Array<[string, string]> {
  if (typeof catalog === 'string') return [[prefix, catalog]]
  if (typeof catalog !== 'object' || catalog === null) return []
  return Object.entries(catalog).flatMap(([key, value]) =>
    flattenTexts(value, prefix ? `${prefix}.${key}` : key),
  )
}
