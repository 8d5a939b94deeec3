/*
 * The house rules for French text, checked over every catalog (the renderer's and those main and the admin CLI
 * print from): curly apostrophes, a no-break space before : and inside « », a narrow no-break space before ; ? !
 * (either no-break space is accepted), « » guillemets rather than English quotes, and people named in the
 * house's inclusive short form: a middle dot before the feminine ending (avocat·e, avocat·es, administrateur·rices,
 * demandeur·euse, actif·ves) — one dot even in the plural, never « ·e·s », « (e) » or « /e ». Staff roles may
 * also be written as doublets, never in the masculine alone. And one word for each thing. See docs/french.md.
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

/** English quotes (straight or curly) where French takes « ». */
const ENGLISH_QUOTES = /["“”]/u
/**
 * Inclusive forms other than the house's: the long plural (avocat·e·s), parentheses (avocat(e)s), slashes
 * (avocat/e), and people named in the masculine alone where the app speaks of anyone (avocat, avocats, auteurs,
 * demandeur d’asile, résident permanent, citoyen, survivant). « survivant » also gives way to « personne
 * survivante ».
 */
const OTHER_INCLUSIVE_FORMS: readonly RegExp[] = [
  /\p{L}·\p{L}+·s\b/u,
  /\p{L}\((?:e|es|ne|se|rice|euse)\)/u,
  /\p{L}\/(?:e|es|ne|rice|euse)\b/u,
  /\bavocats?\b(?!·)/iu,
  /\bauteurs?\b(?!·)/iu,
  /\bdemandeurs?\b(?!·)/iu,
  /\brésidents?\b(?!·)/iu,
  /\bcitoyens?\b(?!·)/iu,
  /\bsurvivant(?:s|·e|·es)?\b(?!·)/iu,
]

/**
 * One word for each thing the app names (docs/french.md): a referral is an « aiguillage » (never « orientation »,
 * nor « dossier de référence », a calque), its packet a « trousse d’aiguillage »; a sign-in name is a « nom de
 * connexion »; the Centre is the CCJI (CCIJ stays in reference numbers and the app's name, CCIJ Caseworker).
 */
const OTHER_WORDS: readonly RegExp[] = [
  /\borient(?:ation|ations|é|ée|és|ées|er)\b/iu,
  /\bdossiers? de référence\b|\btrousses? d’orientation\b/iu,
  /\bnoms? d’utilisateur/iu,
  /\bCCIJ\b(?!-| Caseworker)/u,
]

export type TFrenchProblem = {
  key: string
  rule: 'apostrophe' | 'spacing' | 'role' | 'quotes' | 'inclusive' | 'vocabulary'
  text: string
}

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
    if (ENGLISH_QUOTES.test(words)) problems.push({ key, rule: 'quotes', text })
    if (OTHER_INCLUSIVE_FORMS.some((form) => form.test(words)))
      problems.push({ key, rule: 'inclusive', text })
    if (OTHER_WORDS.some((word) => word.test(words))) problems.push({ key, rule: 'vocabulary', text })
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
