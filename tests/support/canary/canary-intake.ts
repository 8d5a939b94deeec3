import { randomBytes, randomInt } from 'node:crypto'
import { emptyIntake, ZIntakeSchema, type TIntake } from '../../../src/shared/cases/intake-schema'

/** A value no file should hold: easy to spot, unique to this run, clearly not a person's. */
export const canaryText = (label: string): string =>
  `CANARY${label.replace(/[^A-Za-z]/g, '').toUpperCase()}${randomBytes(6).toString('hex')}`

const randomDate = (fromYear: number, toYear: number): string =>
  `${randomInt(fromYear, toYear + 1)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`

/**
 * Fields with a format of their own (dates, phone, e-mail): each gets a value that fits the format and is unique to
 * the run. Dates are drawn from years no other test value uses, so a match is the field and not a coincidence.
 */
const FORMATTED_CANARIES: Readonly<Record<string, () => string>> = {
  'meta.intakeDate': () => randomDate(1996, 1999),
  'person.dateOfBirth': () => randomDate(1921, 1939),
  'contact.phone': () => `+1 (613) 55${randomInt(10_000_000, 99_999_999)}`,
  'contact.email': () => `${canaryText('email').toLowerCase()}@example.org`,
  'location.arrivalDate': () => randomDate(2001, 2004),
  'needs.removalDate': () => randomDate(2061, 2064),
  'needs.hearingDate': () => randomDate(2066, 2069),
  'consent.0.givenOn': () => randomDate(2006, 2009),
  'consent.0.expiresOn': () => randomDate(2071, 2074),
}

/**
 * An intake with every answer given and one entry in every list, in the shape the wizard saves. Answers taken
 * from a vocabulary (gender, province, language and country codes, …) are filled here and are not canaries: they
 * are the same words for everyone.
 */
function everyAnswerGiven(): TIntake {
  const intake = emptyIntake('')
  intake.meta.method = 'in_person'
  intake.person.aliases = ['']
  intake.person.gender = 'self_described'
  intake.contact.safeMethod = 'phone_call'
  intake.contact.voicemailSafe = 'no'
  intake.languages = { preferred: 'ar', others: ['fr'], interpreterNeeded: 'yes', dialect: '' }
  intake.location.province = 'ON'
  intake.location.countryOfOrigin = 'SY'
  intake.location.immigrationStatus = 'refugee_claimant'
  intake.location.arrivalRoute = 'airport'
  intake.experiences.entries = [{ kind: 'other', otherKind: '', country: 'SY', period: '', place: '' }]
  intake.adverseParties = [{ kind: 'unit', name: '', originalScriptName: '', country: 'SY', notes: '' }]
  intake.needs.needs = ['other']
  intake.needs.detained = 'yes'
  intake.needs.atAirportNow = true
  intake.needs.airportCode = 'YUL'
  intake.consent = [
    { purpose: 'share_with_lawyer', granted: true, method: 'verbal', givenOn: '', expiresOn: '', notes: '' },
  ]
  return intake
}

type TLeaf = { path: string; set(value: string): void }

/** Every text answer left empty in `value`: the fields the canary walk fills. */
function emptyTextLeaves(value: unknown, path: string[] = []): TLeaf[] {
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const childPath = [...path, key]
    if (child === '')
      return [
        {
          path: childPath.join('.'),
          set: (text: string) => ((value as Record<string, unknown>)[key] = text),
        },
      ]
    return emptyTextLeaves(child, childPath)
  })
}

const refusedAt = (intake: TIntake, path: string): boolean =>
  ZIntakeSchema.safeParse(intake).error?.issues.some((issue) => issue.path.join('.') === path) ?? false

/**
 * An intake with a canary in every text field, found by walking the intake rather than listed by hand, so a field
 * added to the schema is covered without anyone remembering to. Free text gets `canaryText`; a field that refuses
 * free text must have a formatted canary above, or this throws and names it.
 */
export function canaryIntake(): { intake: TIntake; canaries: Record<string, string> } {
  const intake = everyAnswerGiven()
  const canaries: Record<string, string> = {}
  for (const leaf of emptyTextLeaves(intake)) {
    const formatted = FORMATTED_CANARIES[leaf.path]
    // Names in their original script are stored and searched as written: put Arabic letters in front.
    const script = leaf.path.endsWith('originalScriptName') ? 'محمد ' : ''
    const value = formatted?.() ?? `${script}${canaryText(leaf.path)}`
    leaf.set(value)
    if (refusedAt(intake, leaf.path)) {
      throw new Error(
        `intake field ${leaf.path} refuses "${value}": give it a formatted canary in canary-intake.ts`,
      )
    }
    canaries[`intake.${leaf.path}`] = value
  }
  const check = ZIntakeSchema.safeParse(intake)
  if (!check.success) throw new Error(`the canary intake does not validate: ${check.error.message}`)
  return { intake, canaries }
}
