import type { TIntake } from '../../../src/shared/cases/intake-schema'
import type { TAdversePartyKind } from '../../../src/shared/cases/vocabulary'
import { NAME_TRADITIONS, nativeOf, spelling, type TTraditionName } from './names'
import { ORIGINS } from './origins'
import type { TNamePopulation } from './people'
import { between, chance, pick, weighted, type TRandom } from './random'

export type TAdverseParty = TIntake['adverseParties'][number]

/**
 * Alleged perpetrators per country of origin: people (often with a rank), military units, security and
 * intelligence bodies, and states. Each country has a pool, and survivors draw from it with a skew, because one
 * unit or prison harms many people: the conflict checks of matching must meet the same names again and again.
 */
export type TPartyPools = Readonly<Record<string, readonly TAdverseParty[]>>

const RANKS = ['Colonel', 'Major', 'General', 'Captain', 'Commander', 'Lieutenant', 'Warden']
const UNITS = ['Brigade', 'Battalion', 'Division', 'Regiment', 'Militia', 'Special Forces Group']
const ORGANIZATIONS = [
  (name: string) => `${name} Intelligence Directorate`,
  (name: string) => `${name} Detention Centre`,
  (name: string) => `${name} Liberation Front`,
  (name: string) => `${name} Security Service`,
  (name: string) => `${name} Popular Committee`,
  (name: string) => `Branch ${name}`,
]
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '7th', '9th', '11th', '14th', '25th', '101st']
const STATE_FORMS = ['Government of', 'Armed Forces of', 'National Police of', 'State Security of']

const countryName = new Intl.DisplayNames(['en'], { type: 'region' })

const partyKinds: Record<TAdversePartyKind, number> = { person: 40, unit: 25, organization: 22, state: 13 }

function party(random: TRandom, population: TNamePopulation, country: string): TAdverseParty {
  const origin = ORIGINS[country]
  const traditionName = weighted<TTraditionName>(random, origin?.traditions ?? { arabic: 1 })
  const tradition = NAME_TRADITIONS[traditionName]
  const pools = population[traditionName]
  const root = pick(random, pools.family)
  const base = { country, notes: chance(random, 0.15) ? 'Synthetic: named in the first interview.' : '' }
  switch (weighted(random, partyKinds)) {
    case 'person': {
      const given = pick(random, pools.given.man)
      const latin = `${spelling(given, random)} ${spelling(root, random)}`
      const native =
        tradition.script !== 'Latn' && origin?.latinOnly !== true && chance(random, 0.5)
          ? [nativeOf(given), nativeOf(root)].join(tradition.nativeSeparator)
          : ''
      return {
        ...base,
        kind: 'person',
        name: chance(random, 0.3) ? `${pick(random, RANKS)} ${latin}` : latin,
        originalScriptName: native,
      }
    }
    case 'unit': {
      const word = spelling(root, random, 0.1)
      const unit = pick(random, UNITS)
      const name = unit === 'Militia' ? `${word} Militia` : `${pick(random, ORDINALS)} ${word} ${unit}`
      return { ...base, kind: 'unit', name, originalScriptName: '' }
    }
    case 'organization': {
      const word = chance(random, 0.2) ? String(between(random, 200, 299)) : spelling(root, random, 0.1)
      return {
        ...base,
        kind: 'organization',
        name: pick(random, ORGANIZATIONS)(word),
        originalScriptName: '',
      }
    }
    default:
      return {
        ...base,
        kind: 'state',
        name: `${pick(random, STATE_FORMS)} ${countryName.of(country) ?? country}`,
        originalScriptName: '',
      }
  }
}

export function partyPools(random: TRandom, population: TNamePopulation, perCountry = 80): TPartyPools {
  return Object.fromEntries(
    Object.keys(ORIGINS).map((country) => [
      country,
      Array.from({ length: perCountry }, () => party(random, population, country)),
    ]),
  )
}

/** `kind:name`, as intake adverse parties and lawyers' declared conflicts are written in CSV files. */
export const partyKey = (party: TAdverseParty): string =>
  `${party.kind}:${party.name || party.originalScriptName}`
