import {
  canonicalSpelling,
  NAME_TRADITIONS,
  nativeOf,
  spelling,
  type TGender,
  type TName,
  type TTraditionName,
} from './names'
import { chance, skewed, type TRandom } from './random'

/**
 * The names a population draws from: per tradition, pools of given names (by gender) and family names, so that
 * some names are common and most are rare, as in a real caseload. Built once per seed.
 */
export type TNamePopulation = Readonly<
  Record<TTraditionName, { given: Record<TGender, readonly TName[]>; family: readonly TName[] }>
>

export function namePopulation(random: TRandom, givenPerGender = 250, families = 1_200): TNamePopulation {
  const entries = Object.entries(NAME_TRADITIONS).map(([name, tradition]) => [
    name,
    {
      given: {
        woman: Array.from({ length: givenPerGender }, () => tradition.given(random, 'woman')),
        man: Array.from({ length: givenPerGender }, () => tradition.given(random, 'man')),
      },
      family: Array.from({ length: families }, () => tradition.family(random, 'man')),
    },
  ])
  return Object.fromEntries(entries) as TNamePopulation
}

/** A person's names as an intake records them. */
export type TPersonNames = {
  givenNames: string
  familyName: string
  preferredName: string
  aliases: string[]
  originalScriptName: string
}

/** A name in the tradition's order: family first for Chinese. */
const fullName = (given: string, family: string, familyFirst: boolean, separator = ' '): string =>
  [familyFirst ? family : given, familyFirst ? given : family].filter(Boolean).join(separator)

/**
 * Names for one person of `tradition`: a Latin spelling in the name fields, often the name in its own script,
 * sometimes other spellings of the same name as aliases (what another document or officer wrote), rarely only
 * the original script.
 */
export function personNames(
  random: TRandom,
  population: TNamePopulation,
  traditionName: TTraditionName,
  gender: TGender,
  options: { latinOnly?: boolean } = {},
): TPersonNames {
  const tradition = NAME_TRADITIONS[traditionName]
  const pools = population[traditionName]
  const given = skewed(random, pools.given[gender])
  const family = skewed(random, pools.family)
  const hasScript = tradition.script !== 'Latn' && options.latinOnly !== true
  const native = hasScript
    ? fullName(nativeOf(given), nativeOf(family), tradition.familyFirst, tradition.nativeSeparator)
    : ''
  if (hasScript && chance(random, 0.04)) {
    return { givenNames: '', familyName: '', preferredName: '', aliases: [], originalScriptName: native }
  }
  const givenNames = spelling(given, random, 0.25)
  const familyName = spelling(family, random, 0.25)
  const aliases = new Set<string>()
  if (chance(random, 0.25)) aliases.add(`${spelling(given, random, 0.9)} ${spelling(family, random, 0.9)}`)
  // Officials who put the family name first, or wrote it the commonest way.
  if (chance(random, 0.07)) aliases.add(`${canonicalSpelling(family)} ${canonicalSpelling(given)}`)
  aliases.delete(fullName(givenNames, familyName, false))
  return {
    givenNames,
    familyName,
    preferredName: chance(random, 0.06) ? givenNames.slice(0, Math.max(3, givenNames.length - 3)) : '',
    aliases: [...aliases],
    originalScriptName: hasScript && chance(random, 0.6) ? native : '',
  }
}

/** A place, person or unit name in a tradition's commonest Latin spelling (for places and parties). */
export const wordOf = (random: TRandom, population: TNamePopulation, traditionName: TTraditionName): string =>
  canonicalSpelling(skewed(random, population[traditionName].family, 1.5))
