import {
  LAWYER_CSV_FIELDS,
  type TLawyerCsvField,
  type TLawyerCsvMapping,
} from '../../../../shared/contract/lawyers'
import { normalizeHeader } from '../../csv/cells'

/**
 * Header names a sign-up form may use for each field, in English and French, compared after `normalizeHeader`
 * (case, accents, spaces and hyphens do not matter). The field's own name is always accepted.
 */
const HEADER_ALIASES: Readonly<Record<TLawyerCsvField, readonly string[]>> = {
  first_name: ['first', 'given_name', 'given_names', 'prenom', 'prenoms'],
  last_name: ['last', 'surname', 'family_name', 'nom', 'nom_de_famille'],
  email: ['email_address', 'e_mail', 'courriel', 'adresse_courriel'],
  phone: ['phone_number', 'telephone', 'tel', 'numero_de_telephone'],
  firm: ['law_firm', 'organization', 'cabinet', 'etude'],
  law_society_province: ['law_society', 'bar', 'barreau', 'province_du_barreau', 'licensed_in'],
  licence_number: [
    'license_number',
    'licence',
    'license',
    'bar_number',
    'numero_de_membre',
    'numero_de_permis',
  ],
  other_jurisdictions: ['other_law_societies', 'autres_barreaux', 'autres_juridictions'],
  practice_areas: ['areas_of_practice', 'practice_area', 'domaines_de_pratique', 'domaines'],
  languages: ['language', 'langues', 'langue'],
  city: ['ville'],
  province: ['province_of_residence', 'province_de_residence', 'province_ou_territoire'],
  airport_on_call: ['on_call', 'on_call_hours', 'availability', 'disponibilite', 'garde', 'heures_de_garde'],
  airports: ['airport', 'aeroport', 'aeroports'],
  max_active: ['capacity', 'max_referrals', 'capacite', 'dossiers_max'],
  conflicts: ['declared_conflicts', 'conflicts_of_interest', 'conflits', 'conflits_d_interets'],
  status: ['statut'],
  notes: ['note', 'comments', 'commentaires', 'remarques'],
  licence_status: ['license_status', 'statut_du_permis', 'statut_au_barreau'],
  licence_verified_on: ['license_verified_on', 'verified_on', 'verifie_le', 'inscription_verifiee_le'],
  experience_types: ['experience', 'atrocity_experience', 'experience_des_crimes'],
  experience_countries: ['countries', 'pays', 'pays_d_experience'],
}

/** Kept here too: the tests and the template read the French headers beside the aliases that accept them. */
export { FRENCH_LAWYER_HEADERS } from '../../../../shared/roster/lawyer-csv-headers'

const byName = new Map<string, TLawyerCsvField>()
for (const field of LAWYER_CSV_FIELDS) {
  byName.set(field, field)
  for (const alias of HEADER_ALIASES[field]) {
    if (byName.has(alias)) throw new Error(`The lawyer CSV header alias "${alias}" is used twice.`)
    byName.set(alias, field)
  }
}

/** The field a header names, or '' when it names none. */
export const fieldOfHeader = (header: string): TLawyerCsvField | '' =>
  byName.get(normalizeHeader(header)) ?? ''

/**
 * The mapping for a file's headers: what was remembered for a header of the same name, else the field it names.
 * A field is fed by one column at most (the first that claims it).
 */
export function suggestMapping(headers: readonly string[], remembered: TLawyerCsvMapping): TLawyerCsvMapping {
  const rememberedByHeader = new Map(remembered.map((entry) => [normalizeHeader(entry.header), entry.field]))
  const taken = new Set<string>()
  return headers.map((header) => {
    const guess = rememberedByHeader.get(normalizeHeader(header)) ?? fieldOfHeader(header)
    const field = guess !== '' && !taken.has(guess) ? guess : ''
    if (field !== '') taken.add(field)
    return { header, field }
  })
}
