import { stringify } from 'csv-stringify/sync'
import { emptyIntake } from '../../../../shared/cases/intake-schema'
import type { TIntakeCsvTemplate, TTemplateLanguage } from '../../../../shared/contract/intake-csv'
import { neutralize } from '../../csv/cells'
import { CSV_COLUMNS, columnOf, type TCsvColumn } from './columns'
import { intakeCells } from './serialize-intakes-csv'

/**
 * French headers for the French template: each one an alias the import already accepts (columnOf checks it), so the
 * French file reads back. Every column has one: a French template has no English header left.
 */
const FRENCH_HEADERS: Readonly<Record<TCsvColumn, string>> = {
  reference: 'numero_de_dossier',
  family_name: 'nom_de_famille',
  given_names: 'prenoms',
  aliases: 'autres_noms',
  name_original_script: 'nom_ecriture_originale',
  date_of_birth: 'date_de_naissance',
  gender: 'genre',
  preferred_language: 'langue_preferee',
  other_languages: 'autres_langues',
  interpreter_needed: 'besoin_d_interprete',
  phone: 'telephone',
  email: 'courriel',
  safe_contact_notes: 'notes_de_contact',
  province: 'province_ou_territoire',
  city: 'ville',
  country_of_origin: 'pays_d_origine',
  immigration_status: 'statut_d_immigration',
  legal_needs: 'besoins_juridiques',
  detained: 'en_detention',
  removal_date: 'date_de_renvoi',
  hearing_date: 'date_d_audience',
  at_airport: 'a_l_aeroport',
  airport: 'aeroport',
  adverse_parties: 'parties_adverses',
  experiences: 'experiences_vecues',
  narrative: 'recit',
  consent_share_lawyer: 'consentement_avocat',
  consent_share_org: 'consentement_organisme',
  intake_date: 'date_de_l_accueil',
  notes: 'remarques',
}

/** The header a template in `language` gives a column. */
export function templateHeader(column: TCsvColumn, language: TTemplateLanguage): string {
  const french = language === 'fr' ? FRENCH_HEADERS[column] : undefined
  // A French header the import would not read back falls back to the column's own name (and fails its test).
  return french !== undefined && columnOf(french) === column ? french : column
}

/** The example row: an obviously invented person, every kind of cell filled the way the import reads it. */
function exampleRow(language: TTemplateLanguage): Record<TCsvColumn, string> {
  const intake = emptyIntake('2026-01-15')
  intake.person.familyName = language === 'fr' ? 'Exemple' : 'Example'
  intake.person.givenNames = 'Sam'
  intake.person.aliases = ['Sami']
  intake.person.dateOfBirth = '1990-04-12'
  intake.person.gender = 'prefer_not_to_say'
  intake.languages.preferred = 'ar'
  intake.languages.others = ['en', 'fr']
  intake.languages.interpreterNeeded = 'yes'
  intake.contact.phone = '+1 514 555 0100'
  intake.contact.email = 'sam.example@example.org'
  intake.contact.safetyNotes = language === 'fr' ? 'Appeler après 18 h' : 'Call after 6 p.m.'
  intake.location.province = 'QC'
  intake.location.city = 'Montréal'
  intake.location.countryOfOrigin = 'SY'
  intake.location.immigrationStatus = 'refugee_claimant'
  intake.needs.needs = ['refugee_claim', 'detention_review']
  intake.needs.detained = 'no'
  intake.needs.hearingDate = '2026-06-01'
  intake.adverseParties = [
    { kind: 'unit', name: 'Example Unit 12', originalScriptName: '', country: '', notes: '' },
  ]
  intake.experiences.entries = [{ kind: 'torture', otherKind: '', country: '', period: '', place: '' }]
  intake.experiences.narrative =
    language === 'fr' ? 'Exemple inventé\u00a0: à effacer.' : 'Invented example: delete this row.'
  intake.consent = [
    {
      purpose: 'share_with_lawyer',
      granted: true,
      method: '',
      givenOn: '2026-01-15',
      expiresOn: '',
      notes: '',
    },
  ]
  return intakeCells({ reference: '', intake, notes: [] })
}

/**
 * A blank intakes CSV to fill in: the header line (in English or French) and one invented example row, written as
 * the export writes (BOM, CRLF, every cell quoted), so that importing it unchanged is accepted.
 */
export function intakeCsvTemplate(language: TTemplateLanguage): TIntakeCsvTemplate {
  const headers = CSV_COLUMNS.map((column) => templateHeader(column, language))
  const example = exampleRow(language)
  const csv = stringify([headers, CSV_COLUMNS.map((column) => neutralize(example[column]))], {
    bom: false,
    record_delimiter: 'windows',
    quoted: true,
    quoted_empty: true,
  })
  return {
    fileName: language === 'fr' ? 'modele-accueils.csv' : 'intakes-template.csv',
    csv,
    columns: CSV_COLUMNS.map((column) => ({ column, header: templateHeader(column, language) })),
  }
}
