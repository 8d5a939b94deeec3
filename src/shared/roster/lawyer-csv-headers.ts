import type { TLawyerCsvField } from '../contract/lawyers'

/**
 * The sign-up file's default columns (issue 10's list, in the form's order): what the sign-up template holds. The
 * import also reads the four columns `export lawyers` adds (licence status and date, experience), which a sign-up
 * form does not ask for.
 */
// prettier-ignore
export const LAWYER_SIGN_UP_COLUMNS = [
  'first_name', 'last_name', 'email', 'phone', 'firm', 'law_society_province', 'licence_number',
  'other_jurisdictions', 'practice_areas', 'languages', 'city', 'province', 'airport_on_call', 'airports',
  'max_active', 'conflicts', 'status', 'notes',
] as const satisfies readonly TLawyerCsvField[]

/**
 * The French header of each field, as a French sign-up form would name it: each one a header alias the import
 * accepts (lawyer-csv-columns.ts, tested there), so a file with these headers maps to the same fields as one with
 * the English names. The French sign-up template and the screen's column list in French use them.
 */
export const FRENCH_LAWYER_HEADERS: Readonly<Record<TLawyerCsvField, string>> = {
  first_name: 'prenom',
  last_name: 'nom_de_famille',
  email: 'courriel',
  phone: 'telephone',
  firm: 'cabinet',
  law_society_province: 'barreau',
  licence_number: 'numero_de_membre',
  other_jurisdictions: 'autres_barreaux',
  practice_areas: 'domaines_de_pratique',
  languages: 'langues',
  city: 'ville',
  province: 'province_ou_territoire',
  airport_on_call: 'heures_de_garde',
  airports: 'aeroports',
  max_active: 'capacite',
  conflicts: 'conflits_d_interets',
  status: 'statut',
  notes: 'remarques',
  licence_status: 'statut_au_barreau',
  licence_verified_on: 'inscription_verifiee_le',
  experience_types: 'experience_des_crimes',
  experience_countries: 'pays_d_experience',
}

/** The header a file in `language` gives a field: its own name in English, its French header in French. */
export const lawyerCsvHeader = (field: TLawyerCsvField, language: 'en' | 'fr'): string =>
  language === 'fr' ? FRENCH_LAWYER_HEADERS[field] : field
