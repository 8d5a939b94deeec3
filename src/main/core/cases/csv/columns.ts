/**
 * The columns of an intakes CSV file (docs/intake-csv.md), in the order exports write them, and the other
 * header names imports accept for each. Header names are compared after `normalizeHeader`, so case, accents,
 * spaces, hyphens and apostrophes do not matter ("Date of birth", "date-of-birth" and "DATE_OF_BIRTH" are one).
 */
import { normalizeHeader } from '../../csv/cells'

export { normalizeHeader }

export const CSV_COLUMNS = [
  'reference',
  'family_name',
  'given_names',
  'aliases',
  'name_original_script',
  'date_of_birth',
  'gender',
  'preferred_language',
  'other_languages',
  'interpreter_needed',
  'phone',
  'email',
  'safe_contact_notes',
  'province',
  'city',
  'country_of_origin',
  'immigration_status',
  'legal_needs',
  'detained',
  'removal_date',
  'hearing_date',
  'at_airport',
  'airport',
  'adverse_parties',
  'experiences',
  'narrative',
  'consent_share_lawyer',
  'consent_share_org',
  'intake_date',
  'notes',
] as const
export type TCsvColumn = (typeof CSV_COLUMNS)[number]

/** Other names for each column (already normalized), English and French. Never two columns share one. */
export const CSV_COLUMN_ALIASES: Readonly<Record<TCsvColumn, readonly string[]>> = {
  reference: ['ref', 'case_reference', 'case_number', 'case_no', 'numero_de_dossier', 'dossier'],
  family_name: ['surname', 'last_name', 'lastname', 'nom', 'nom_de_famille'],
  given_names: [
    'given_name',
    'first_name',
    'first_names',
    'firstname',
    'forename',
    'forenames',
    'prenom',
    'prenoms',
  ],
  aliases: ['alias', 'other_names', 'also_known_as', 'aka', 'autres_noms'],
  name_original_script: [
    'original_script_name',
    'name_in_original_script',
    'original_script',
    'nom_ecriture_originale',
    'nom_dans_l_ecriture_d_origine',
  ],
  date_of_birth: ['dob', 'birth_date', 'birthdate', 'date_de_naissance', 'naissance'],
  gender: ['genre'],
  preferred_language: ['language', 'first_language', 'langue', 'langue_preferee'],
  other_languages: ['additional_languages', 'autres_langues'],
  interpreter_needed: ['interpreter', 'needs_interpreter', 'interprete', 'besoin_d_interprete'],
  phone: ['telephone', 'phone_number', 'tel', 'mobile'],
  email: ['e_mail', 'email_address', 'courriel', 'adresse_courriel'],
  safe_contact_notes: ['contact_notes', 'safety_notes', 'safe_contact', 'notes_de_contact'],
  province: ['province_code', 'prov', 'province_territory', 'province_ou_territoire'],
  city: ['town', 'municipality', 'ville'],
  country_of_origin: ['origin_country', 'country', 'pays', 'pays_d_origine'],
  immigration_status: ['status_in_canada', 'statut_d_immigration', 'statut_au_canada'],
  legal_needs: ['needs', 'besoins', 'besoins_juridiques'],
  detained: ['in_detention', 'detenu', 'detenue', 'en_detention'],
  removal_date: ['date_of_removal', 'date_de_renvoi'],
  hearing_date: ['date_of_hearing', 'date_d_audience'],
  at_airport: ['at_airport_now', 'a_l_aeroport'],
  airport: ['airport_code', 'iata', 'aeroport', 'code_d_aeroport'],
  adverse_parties: ['perpetrators', 'alleged_perpetrators', 'parties_adverses', 'auteurs'],
  experiences: ['experience', 'violations', 'experiences_vecues', 'vecu'],
  narrative: ['story', 'recit'],
  consent_share_lawyer: ['consent_lawyer', 'share_with_lawyer', 'consentement_avocat'],
  consent_share_org: [
    'consent_share_organization',
    'consent_org',
    'consent_organization',
    'share_with_organization',
    'consentement_organisme',
  ],
  intake_date: ['date_of_intake', 'date', 'date_d_accueil', 'date_de_l_accueil'],
  notes: ['note', 'comments', 'remarks', 'remarques', 'commentaires'],
}

/** The columns that hold a name: a file needs at least one of them, since an intake needs a name. */
export const NAME_COLUMNS: readonly TCsvColumn[] = [
  'family_name',
  'given_names',
  'aliases',
  'name_original_script',
]

const byName = new Map<string, TCsvColumn>()
for (const column of CSV_COLUMNS) {
  byName.set(column, column)
  for (const alias of CSV_COLUMN_ALIASES[column]) {
    if (byName.has(alias)) throw new Error(`The CSV header alias "${alias}" is used twice.`)
    byName.set(alias, column)
  }
}

/** The canonical column a header names, or null when it names none. */
export function columnOf(header: string): TCsvColumn | null {
  return byName.get(normalizeHeader(header)) ?? null
}
