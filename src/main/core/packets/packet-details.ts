import type { TIntake } from '../../../shared/cases/intake-schema'
import type { TPacketField, TPacketLanguage } from '../../../shared/packets/vocabulary'
import { fillText, type TPacketTexts } from '../../../shared/packets/packet-texts'
import type { TContactRecord, TNeedsRecord, TProfile } from '../cases/case-records'

/** What a packet can say about a survivor: the case file and its intakes, as stored. */
export type TSurvivorFacts = {
  displayName: string
  profile: TProfile
  contact: TContactRecord
  needs: TNeedsRecord
  intakes: readonly TIntake[]
}

const locale = (language: TPacketLanguage): string => (language === 'fr' ? 'fr-CA' : 'en-CA')

/** Language and country names in the packet's language, from the ICU data Node and Chromium ship. */
export function nameOf(kind: 'language' | 'region', code: string, language: TPacketLanguage): string {
  if (code === '') return ''
  try {
    return new Intl.DisplayNames([locale(language)], { type: kind, fallback: 'code' }).of(code) ?? code
  } catch {
    return code
  }
}

const lookup = <K extends string>(table: Record<K, string>, key: string): string =>
  key in table ? table[key as K] : key

const nonEmpty = (lines: readonly string[]): string[] => lines.filter((line) => line.trim() !== '')

/**
 * Every field's printed lines, in the packet's language. Pure; which fields print is the consent gate's decision,
 * so this only words what is there (an empty list means the case holds nothing for the field).
 */
export function detailLines(
  facts: TSurvivorFacts,
  field: TPacketField,
  texts: TPacketTexts,
  language: TPacketLanguage,
): string[] {
  const { person, languages, location } = facts.profile
  const { needs, contact } = facts
  switch (field) {
    case 'name': {
      const legal = [person.givenNames, person.familyName].filter(Boolean).join(' ')
      const preferred =
        person.preferredName !== '' && person.preferredName !== legal
          ? `${person.preferredName} (${texts.preferred})`
          : ''
      return nonEmpty([legal === '' ? facts.displayName : legal, preferred, ...person.aliases])
    }
    case 'original_script_name':
      return nonEmpty([person.originalScriptName])
    case 'date_of_birth':
      return nonEmpty([
        person.dateOfBirth !== ''
          ? person.dateOfBirth
          : person.approximateAge === null
            ? ''
            : fillText(texts.age, { age: String(person.approximateAge) }),
      ])
    case 'gender_pronouns':
      return nonEmpty([
        person.gender === 'self_described'
          ? person.genderSelfDescribed
          : person.gender === ''
            ? ''
            : lookup(texts.gender, person.gender),
        person.pronouns,
      ])
    case 'country_of_origin':
      return nonEmpty([nameOf('region', location.countryOfOrigin, language)])
    case 'location':
      return nonEmpty([
        [location.city, location.province === '' ? '' : lookup(texts.province, location.province)]
          .filter(Boolean)
          .join(', '),
      ])
    case 'immigration_status':
      return nonEmpty([
        location.immigrationStatus === '' ? '' : lookup(texts.immigrationStatus, location.immigrationStatus),
      ])
    case 'languages': {
      const preferred =
        languages.preferred === ''
          ? ''
          : `${nameOf('language', languages.preferred, language)} (${texts.preferred})`
      const dialect = languages.dialect === '' ? '' : `${texts.dialect}${texts.colon}${languages.dialect}`
      return nonEmpty([
        [preferred, ...languages.others.map((code) => nameOf('language', code, language))]
          .filter(Boolean)
          .join(', '),
        dialect,
        languages.interpreterNeeded === 'yes' ? texts.interpreterNeeded : '',
      ])
    }
    case 'legal_needs':
      return nonEmpty([
        ...needs.needs.filter((need) => need !== 'other').map((need) => lookup(texts.legalNeed, need)),
        needs.needs.includes('other') ? `${texts.legalNeed.other}${texts.colon}${needs.otherNeed}` : '',
      ])
    case 'key_dates':
      return nonEmpty([
        needs.hearingDate === '' ? '' : fillText(texts.hearingDate, { date: needs.hearingDate }),
        needs.removalDate === '' ? '' : fillText(texts.removalDate, { date: needs.removalDate }),
        needs.detained === 'yes'
          ? needs.detentionPlace === ''
            ? texts.detained
            : fillText(texts.detainedAt, { place: needs.detentionPlace })
          : '',
        needs.atAirportNow ? [texts.atAirport, needs.airport].filter(Boolean).join(' · ') : '',
      ])
    case 'phone':
      return nonEmpty([contact.phone])
    case 'email':
      return nonEmpty([contact.email])
    case 'safe_contact':
      return nonEmpty([
        contact.safeMethod === '' ? '' : lookup(texts.contactMethod, contact.safeMethod),
        contact.safeTimes === '' ? '' : fillText(texts.safeTimes, { times: contact.safeTimes }),
        contact.voicemailSafe === ''
          ? ''
          : fillText(texts.voicemail, { answer: lookup(texts.answer, contact.voicemailSafe) }),
        contact.safetyNotes,
      ])
    case 'experiences':
      return facts.intakes.flatMap((intake) =>
        intake.experiences.entries.map((entry) =>
          [
            entry.kind === 'other' && entry.otherKind !== ''
              ? entry.otherKind
              : lookup(texts.experience, entry.kind),
            entry.country === '' ? '' : nameOf('region', entry.country, language),
            entry.place === '' ? '' : fillText(texts.where, { where: entry.place }),
            entry.period === '' ? '' : fillText(texts.when, { when: entry.period }),
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      )
    case 'adverse_parties':
      return facts.intakes.flatMap((intake) =>
        intake.adverseParties.map((party) =>
          [
            lookup(texts.adversePartyKind, party.kind),
            [party.name, party.originalScriptName].filter(Boolean).join(' / '),
            party.country === '' ? '' : nameOf('region', party.country, language),
            party.notes,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      )
    case 'narrative':
      return facts.intakes.flatMap((intake) => nonEmpty([intake.experiences.narrative]))
  }
}
