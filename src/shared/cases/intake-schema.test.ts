import { describe, expect, it } from 'vitest'
import { displayNameOf, emptyIntake, isIsoDate, MESSAGES, ZIntakeSchema, type TIntake } from './intake-schema'

const TODAY = new Date().toISOString().slice(0, 10)

function issues(edit: (intake: TIntake) => void): { path: string; message: string }[] {
  const intake = emptyIntake(TODAY)
  intake.person.familyName = 'Testperson'
  edit(intake)
  const result = ZIntakeSchema.safeParse(intake)
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('the intake schema', () => {
  it('needs only a name (any form) and the intake date', () => {
    expect(issues(() => undefined)).toEqual([])
    expect(issues((intake) => (intake.person.familyName = ''))).toEqual([
      { path: 'person.familyName', message: MESSAGES.nameRequired },
    ])
    expect(
      issues((intake) => {
        intake.person.familyName = ''
        intake.person.originalScriptName = 'محمد'
      }),
    ).toEqual([])
    expect(issues((intake) => (intake.meta.intakeDate = ''))).toContainEqual({
      path: 'meta.intakeDate',
      message: MESSAGES.intakeDateRequired,
    })
  })

  it('refuses dates that do not exist or are in the future, with translation keys as messages', () => {
    expect(isIsoDate('1980-02-31')).toBe(false)
    expect(isIsoDate('1980-02-29')).toBe(true)
    expect(issues((intake) => (intake.person.dateOfBirth = '1980-02-31'))).toEqual([
      { path: 'person.dateOfBirth', message: MESSAGES.notADate },
    ])
    const nextYear = `${Number(TODAY.slice(0, 4)) + 1}-01-15`
    expect(issues((intake) => (intake.location.arrivalDate = nextYear))).toEqual([
      { path: 'location.arrivalDate', message: MESSAGES.dateInFuture },
    ])
    expect(
      issues((intake) => {
        intake.person.dateOfBirth = '1990-05-01'
        intake.location.arrivalDate = '1985-01-01'
      }),
    ).toEqual([{ path: 'location.arrivalDate', message: MESSAGES.birthBeforeArrival }])
  })

  it('checks contacts, codes and consent', () => {
    expect(issues((intake) => (intake.contact.email = 'not-an-email'))).toEqual([
      { path: 'contact.email', message: MESSAGES.email },
    ])
    expect(issues((intake) => (intake.contact.phone = 'call me'))).toEqual([
      { path: 'contact.phone', message: MESSAGES.phone },
    ])
    expect(issues((intake) => (intake.location.countryOfOrigin = 'XX'))).toEqual([
      { path: 'location.countryOfOrigin', message: MESSAGES.country },
    ])
    expect(issues((intake) => (intake.languages.preferred = 'zzz'))).toEqual([
      { path: 'languages.preferred', message: MESSAGES.language },
    ])
    expect(issues((intake) => (intake.languages.preferred = 'prs'))).toEqual([])
    expect(issues((intake) => (intake.needs.airportCode = 'YUL'))).toEqual([])
    expect(issues((intake) => ((intake.needs as { airportCode: string }).airportCode = 'XYZ'))).toEqual([
      { path: 'needs.airportCode', message: MESSAGES.choice },
    ])
    expect(
      issues((intake) => {
        intake.consent = [
          {
            purpose: 'share_with_lawyer',
            granted: true,
            method: 'verbal',
            givenOn: '',
            expiresOn: '',
            notes: '',
          },
        ]
      }),
    ).toEqual([{ path: 'consent.0.givenOn', message: MESSAGES.consentDateRequired }])
    expect(
      issues((intake) => {
        intake.consent = [
          { purpose: 'share_with_lawyer', granted: false, method: '', givenOn: '', expiresOn: '', notes: '' },
        ]
      }),
    ).toEqual([])
  })
})

describe('the name a case is shown under', () => {
  const person = (names: Partial<TIntake['person']>) => ({ ...emptyIntake('2026-01-01').person, ...names })

  it('is the full legal name, so two people with the same preferred name can be told apart', () => {
    const first = person({ givenNames: 'Rania', familyName: 'Testhaddad', preferredName: 'Rania' })
    const second = person({ givenNames: 'Rania', familyName: 'Examplesson', preferredName: 'Rania' })
    expect(displayNameOf(first)).toBe('Rania Testhaddad')
    expect(displayNameOf(second)).toBe('Rania Examplesson')
  })

  it('adds the preferred name when it is not part of the legal name', () => {
    expect(
      displayNameOf(person({ givenNames: 'Zorvana', familyName: 'Testfield', preferredName: 'Zori' })),
    ).toBe('Zorvana Testfield (Zori)')
    expect(
      displayNameOf(person({ givenNames: 'Rania', familyName: 'Testhaddad', preferredName: 'rania' })),
    ).toBe('Rania Testhaddad')
  })

  it('falls back to the preferred name, then an alias or the original-script name', () => {
    expect(displayNameOf(person({ preferredName: 'Zori' }))).toBe('Zori')
    expect(displayNameOf(person({ aliases: ['Zora Testfield'] }))).toBe('Zora Testfield')
    expect(displayNameOf(person({ originalScriptName: 'زورفانا تست' }))).toBe('زورفانا تست')
  })
})
