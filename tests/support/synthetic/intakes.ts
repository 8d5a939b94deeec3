/**
 * Invented survivors for tests, benchmarks and demos. Names are built from syllables so they look like names to the
 * search and matching code without being anyone's. Deterministic for a given seed.
 */
import { emptyIntake, type TIntake } from '../../../src/shared/cases/intake-schema'
import { COMMON_LANGUAGES } from '../../../src/shared/cases/codes'
import {
  CONTACT_METHODS,
  EXPERIENCES,
  IMMIGRATION_STATUSES,
  LEGAL_NEEDS,
  PROVINCES,
} from '../../../src/shared/cases/vocabulary'
import { seededRandom } from './random'

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
const COUNTRIES = [
  'SY',
  'AF',
  'ER',
  'ET',
  'SD',
  'SS',
  'CD',
  'IQ',
  'IR',
  'YE',
  'MM',
  'UA',
  'RW',
  'SO',
  'CO',
  'VE',
  'HT',
]

export const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T

export function syllableName(random: () => number): string {
  const syllables = 2 + Math.floor(random() * 2)
  let name = ''
  for (let index = 0; index < syllables; index++) name += pick(random, ONSETS) + pick(random, VOWELS)
  name += pick(random, CODAS)
  return name.charAt(0).toUpperCase() + name.slice(1)
}

export function abjadName(random: () => number): string {
  const word = () => {
    let text = ''
    const length = 3 + Math.floor(random() * 3)
    for (let index = 0; index < length; index++)
      text += ARABIC_LETTERS[Math.floor(random() * ARABIC_LETTERS.length)]
    return text
  }
  return `${word()} ${word()}`
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10)

/** Reusable pools, so the caseload has common and rare names like a real one. */
export function syntheticNamePools(random: () => number, size = 400): { given: string[]; family: string[] } {
  return {
    given: Array.from({ length: size }, () => syllableName(random)),
    family: Array.from({ length: size * 2 }, () => syllableName(random)),
  }
}

/** One invented intake; `today` anchors dates so urgent cases exist relative to it. */
export function syntheticIntake(
  random: () => number,
  today: Date,
  pools: { given: string[]; family: string[] } = syntheticNamePools(random, 50),
): TIntake {
  const intakeDate = new Date(today.getTime() - Math.floor(random() * 3 * 365) * 86_400_000)
  const intake = emptyIntake(isoDate(intakeDate))
  // Zipf-ish: a few names are very common.
  const skewed = <T>(values: readonly T[]) => values[Math.floor(random() ** 2.5 * values.length)] as T
  intake.person.givenNames = skewed(pools.given)
  intake.person.familyName = skewed(pools.family)
  if (random() < 0.3) intake.person.aliases = [`${skewed(pools.given)} ${intake.person.familyName}`]
  if (random() < 0.25) intake.person.originalScriptName = abjadName(random)
  if (random() < 0.8) {
    const birth = new Date(
      Date.UTC(1950 + Math.floor(random() * 55), Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    )
    intake.person.dateOfBirth = isoDate(birth)
  } else intake.person.approximateAge = 18 + Math.floor(random() * 50)
  intake.person.gender = pick(random, ['woman', 'man', 'non_binary', 'prefer_not_to_say', ''] as const)
  if (random() < 0.7)
    intake.contact.phone = `+1 555 ${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`
  intake.contact.safeMethod = pick(random, ['', ...CONTACT_METHODS] as const)
  intake.languages.preferred = skewed(COMMON_LANGUAGES.slice(2))
  if (random() < 0.4) intake.languages.others = [pick(random, COMMON_LANGUAGES)]
  intake.languages.interpreterNeeded = pick(random, ['yes', 'no', ''] as const)
  intake.location.province = skewed(['ON', 'QC', 'BC', 'AB', 'MB', ...PROVINCES] as const)
  intake.location.city = syllableName(random) + 'ville'
  intake.location.countryOfOrigin = pick(random, COUNTRIES)
  intake.location.immigrationStatus = pick(random, IMMIGRATION_STATUSES)
  const experienceCount = Math.floor(random() * 3)
  intake.experiences.entries = Array.from({ length: experienceCount }, () => ({
    kind: pick(random, EXPERIENCES),
    otherKind: '',
    country: intake.location.countryOfOrigin,
    period: String(2000 + Math.floor(random() * 24)),
    place: syllableName(random),
  }))
  if (random() < 0.6) {
    intake.experiences.narrative = `Synthetic narrative ${Math.floor(random() * 1e6)}: detained near ${syllableName(random)}, travelled through ${syllableName(random)}.`
  }
  if (random() < 0.3) {
    intake.adverseParties = [
      {
        kind: 'unit',
        name: `${syllableName(random)} Brigade`,
        originalScriptName: '',
        country: intake.location.countryOfOrigin,
        notes: '',
      },
    ]
  }
  const needCount = 1 + Math.floor(random() * 2)
  intake.needs.needs = [...new Set(Array.from({ length: needCount }, () => skewed(LEGAL_NEEDS)))]
  const roll = random()
  if (roll < 0.01) intake.needs.detained = 'yes'
  else if (roll < 0.015) intake.needs.atAirportNow = true
  if (random() < 0.05)
    intake.needs.removalDate = isoDate(
      new Date(today.getTime() + Math.floor(random() * 120 - 10) * 86_400_000),
    )
  if (random() < 0.1)
    intake.needs.hearingDate = isoDate(new Date(today.getTime() + Math.floor(random() * 200) * 86_400_000))
  if (random() < 0.7) intake.consent = [lawyerConsent(intake.meta.intakeDate)]
  return intake
}

/** Consent to share with a referred lawyer, given verbally on `givenOn`, with no expiry. */
export const lawyerConsent = (givenOn: string): TIntake['consent'][number] => ({
  purpose: 'share_with_lawyer',
  granted: true,
  method: 'verbal',
  givenOn,
  expiresOn: '',
  notes: '',
})

/** `count` invented intakes, ready for the case transfer service's `importIntakes`. */
export function syntheticImportRows(
  count: number,
  seed = 1,
  today = new Date(),
): { line: number; intake: TIntake }[] {
  const random = seededRandom(seed)
  const pools = syntheticNamePools(random)
  return Array.from({ length: count }, (_, index) => ({
    line: index + 2,
    intake: syntheticIntake(random, today, pools),
  }))
}
