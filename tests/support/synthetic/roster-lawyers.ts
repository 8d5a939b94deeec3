import { COMMON_LANGUAGES } from '../../../src/shared/cases/codes'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES } from '../../../src/shared/cases/vocabulary'
import { AIRPORTS } from '../../../src/shared/roster/airports'
import { emptyLawyerFields, type TLawyerFields } from '../../../src/shared/roster/lawyer-schema'
import { lawyerCells, LAWYER_CSV_HEADER } from '../../../src/main/core/roster/csv/serialize-lawyer-csv'
import { formatCsvRows } from '../../../src/main/core/csv/csv-file-writer'
import { seededRandom } from './random'

/* Syllable names (the roster's own small generator: its tests want plain, unique-looking names). */
const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T
const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'r',
  's',
  't',
  'v',
  'z',
  'sh',
  'kh',
  'y',
  'j',
  'q',
  'w',
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ei', 'ou']
const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 's', 'd', 'k']
const ARABIC_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'

function syllableName(random: () => number): string {
  const syllables = 2 + Math.floor(random() * 2)
  let name = ''
  for (let index = 0; index < syllables; index++) name += pick(random, ONSETS) + pick(random, VOWELS)
  name += pick(random, CODAS)
  return name.charAt(0).toUpperCase() + name.slice(1)
}

function abjadName(random: () => number): string {
  let text = ''
  const length = 3 + Math.floor(random() * 3)
  for (let index = 0; index < length; index++)
    text += ARABIC_LETTERS[Math.floor(random() * ARABIC_LETTERS.length)]
  return text
}

/*
 * Invented volunteer lawyers: syllable names (and a share of declared conflicts written in Arabic, Cyrillic and
 * Ethiopic script), example.org emails, 555 phone numbers. Deterministic for a seed, like the survivors generator.
 */

const CYRILLIC = 'бвгдзклмнпрстфхцчш'
const CYRILLIC_VOWELS = 'аеиоую'
const ETHIOPIC = 'ሀለሐመሠረሰቀበተኀነአከወዐዘየደገጠጰጸፀፈ'

function cyrillicName(random: () => number): string {
  let name = ''
  for (let index = 0; index < 3; index += 1)
    name += pick(random, [...CYRILLIC]) + pick(random, [...CYRILLIC_VOWELS])
  return name.charAt(0).toUpperCase() + name.slice(1)
}
const ethiopicName = (random: () => number): string =>
  Array.from({ length: 3 }, () => pick(random, [...ETHIOPIC])).join('')

/** A conflict name in one of four scripts: most in Latin letters, as a sign-up form would hold them. */
function conflictName(random: () => number): string {
  const roll = random()
  if (roll < 0.7) return `${syllableName(random)} ${syllableName(random)}`
  if (roll < 0.85) return `${abjadName(random)} ${abjadName(random)}`
  if (roll < 0.95) return `${cyrillicName(random)} ${cyrillicName(random)}`
  return `${ethiopicName(random)} ${ethiopicName(random)}`
}

const pickSome = <T>(random: () => number, values: readonly T[], most: number): T[] => {
  const count = 1 + Math.floor(random() * most)
  return [...new Set(Array.from({ length: count }, () => pick(random, values)))]
}

/** One invented lawyer; `index` keeps emails and licence numbers unique within a generated roster. */
export function syntheticRosterLawyer(
  random: () => number,
  index: number,
  conflictsEach = 20,
): TLawyerFields {
  const lawyer = emptyLawyerFields()
  lawyer.firstName = syllableName(random)
  lawyer.lastName = syllableName(random)
  lawyer.email = `lawyer${index}@example.org`
  lawyer.phone = `+1 555 ${String(1_000_000 + index).padStart(7, '0')}`
  lawyer.firm = `${syllableName(random)} Legal (synthetic)`
  const home = pick(random, PROVINCES)
  lawyer.province = home
  lawyer.city = `${syllableName(random)}ville`
  lawyer.memberships = [
    { province: home, licenceNumber: `SYN-${index}`, status: 'practising', verifiedOn: '2026-01-15' },
  ]
  if (random() < 0.2) {
    const other = pick(
      random,
      PROVINCES.filter((province) => province !== home),
    )
    lawyer.memberships.push({
      province: other,
      licenceNumber: `ALT-${index}`,
      status: 'unverified',
      verifiedOn: '',
    })
  }
  lawyer.practiceAreas = pickSome(random, LEGAL_NEEDS, 4)
  lawyer.experienceTypes = random() < 0.5 ? pickSome(random, EXPERIENCES, 2) : []
  lawyer.experienceCountries = random() < 0.5 ? pickSome(random, ['SY', 'AF', 'ER', 'CD', 'UA', 'MM'], 2) : []
  lawyer.languages = ['en', ...pickSome(random, COMMON_LANGUAGES, 2)].filter(
    (code, i, all) => all.indexOf(code) === i,
  )
  if (random() < 0.3) {
    lawyer.airports = pickSome(random, AIRPORTS.slice(0, 8), 2)
    lawyer.onCallWindows = [
      pick(random, [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '23:00' },
        { days: ['sat', 'sun'], start: '00:00', end: '24:00' },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '22:00', end: '06:00' },
      ] as const),
    ].map((window) => ({ ...window, days: [...window.days] }))
  }
  lawyer.maxActive = Math.floor(random() * 6)
  lawyer.conflicts = Array.from({ length: conflictsEach }, () => ({
    kind: pick(random, ['person', 'person', 'person', 'unit', 'organization', 'state'] as const),
    name: conflictName(random),
  }))
  lawyer.status = random() < 0.9 ? 'active' : 'paused'
  return lawyer
}

/** `count` invented lawyers for a seed. */
export function syntheticRosterLawyers(count: number, seed = 7, conflictsEach = 20): TLawyerFields[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, (_, index) => syntheticRosterLawyer(random, index, conflictsEach))
}

/** The same lawyers as a roster CSV file (every column), as `export lawyers` writes it. */
export function syntheticLawyerCsv(count: number, seed = 7, conflictsEach = 20): string {
  return formatCsvRows(
    [LAWYER_CSV_HEADER, ...syntheticRosterLawyers(count, seed, conflictsEach).map(lawyerCells)],
    true,
  )
}
