/**
 * Words that name what kind of body a unit, organization or state is, not which one: "Army", "Brigade",
 * "Ministry", "Police", "of", "the". They are left out of these names, both for the comparison and for the blocking
 * keys (docs/matching.md, "Units, organizations and states"), because
 * - a meeting on them alone says nothing: "1st Homs Brigade" and "1st Hama Brigade" scored 0.67 on "1st" and
 *   "Brigade", and would have been a conflict;
 * - as blocking keys they would fetch most of the roster's 100,000 unit, organization and state names for every
 *   survivor who names a brigade, which is what the ranking must not do.
 *
 * Written as `analyzeName` gives tokens: lowercase Latin, accents and apostrophes folded, Arabic and Cyrillic
 * transliterated the way person matching transliterates them ("الجيش" → "jysh", "Армия" → "armiya"), digits gone
 * ("1st" → "st"). Articles and particles (al, el, de, la, du, le, van…) are dropped by `analyzeName` already. English,
 * French and Spanish (the intake's languages and Latin America's), Arabic and Russian (the perpetrators most often
 * named, and their own spelling of them). A name made only of these words keeps them (`dropTokens`).
 */
// prettier-ignore
const ENGLISH = [
  'the', 'of', 'and', 'for', 'in', 'on',
  // ordinal suffixes once the digits are gone ("1st", "2nd", "3rd", "4th"), and ordinals written out
  'st', 'nd', 'rd', 'th',
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'army', 'armed', 'armies', 'force', 'forces', 'military', 'brigade', 'brigades', 'battalion', 'battalions',
  'division', 'divisions', 'regiment', 'regiments', 'unit', 'units', 'corps', 'company', 'squad', 'squadron',
  'group', 'groups', 'militia', 'militias', 'special', 'guard', 'guards',
  'ministry', 'minister', 'department', 'directorate', 'administration', 'agency', 'bureau', 'office', 'branch',
  'service', 'services', 'police', 'security', 'intelligence', 'detention', 'centre', 'center', 'prison',
  'committee', 'front', 'popular', 'national', 'state', 'states', 'government', 'republic', 'federation',
  'kingdom', 'authority', 'authorities',
]
// prettier-ignore
const FRENCH = [
  'des', 'les', 'et', 'pour', 'en', 'sur', 'aux', 'au',
  'premier', 'premiere', 'deuxieme', 'troisieme', 'quatrieme', 'cinquieme', 'er', 'eme', 'e',
  'armee', 'armees', 'armes', 'brigades', 'bataillon', 'regiment', 'unite', 'unites', 'milice', 'garde',
  'ministere', 'departement', 'direction', 'bureau', 'service', 'securite', 'renseignement', 'centre',
  'comite', 'populaire', 'nationale', 'nationaux', 'etat', 'gouvernement', 'republique', 'royaume',
]
// prettier-ignore
const SPANISH = [
  'del', 'los', 'las', 'y', 'por', 'para',
  'ejercito', 'fuerzas', 'fuerza', 'armadas', 'armada', 'militar', 'brigada', 'batallon', 'division',
  'regimiento', 'unidad', 'grupo', 'milicia', 'ministerio', 'departamento', 'direccion', 'servicio', 'policia',
  'seguridad', 'inteligencia', 'comite', 'frente', 'nacional', 'estado', 'gobierno', 'republica',
]
/** Arabic words in Latin letters as people write them, and as "الجيش", "وزارة"… come out of the transliteration. */
// prettier-ignore
const ARABIC = [
  'jaysh', 'jaish', 'jeish', 'jysh', 'liwa', 'lw', 'firqa', 'firqat', 'frqh', 'katiba', 'ktybh', 'fawj', 'fwj',
  'quwat', 'qwat', 'qwt', 'wizara', 'wizarat', 'wzrh', 'wzrt', 'shurta', 'shrth', 'mukhabarat', 'mkhbrt',
  'amn', 'mn', 'dawla', 'dwlh', 'jumhuriya', 'jmhwryh', 'far', 'fr', 'idara', 'adrh',
]
/** Russian words as transliterated from Cyrillic ("Армия" → "armiya") and as people write them. */
// prettier-ignore
const RUSSIAN = [
  'armiya', 'brigada', 'batalon', 'batalyon', 'diviziya', 'polk', 'voyska', 'voiska', 'sily',
  'ministerstvo', 'politsiya', 'militsiya', 'sluzhba', 'upravlenie', 'otdel', 'bezopasnosti', 'gosudarstvo',
  'respublika', 'federatsiya', 'natsionalnaya', 'federalnaya',
]

export const GENERIC_PARTY_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH,
  ...FRENCH,
  ...SPANISH,
  ...ARABIC,
  ...RUSSIAN,
])
