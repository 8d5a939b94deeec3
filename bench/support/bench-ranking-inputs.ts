/**
 * The inputs of the matching bench's ranking (bench/matching.bench.ts, and `bench/measure-bench-ranking.ts` over the
 * same seeds): the roster (`syntheticRoster`), its declared conflict names as the imported roster's
 * (`syntheticRosterLawyers`: half people, half units, organizations and states, in four scripts, as issue 11's
 * target names them; `syntheticRoster`'s own are people only) and the survivors with imported intakes' parties.
 */
import {
  seededRandom,
  syntheticImportRows,
  syntheticRoster,
  syntheticRosterLawyers,
  syntheticSurvivors,
} from '#test-support/synthetic'
import { intakeNames } from '../../src/shared/cases/intake-schema'
import type {
  TLawyerPartyName,
  TLawyerProfile,
  TSurvivorParty,
  TSurvivorProfile,
} from '../../src/main/core/matching'
import type { TScale } from '../scale'

/** The declared conflicts of the roster the import screen brings, as matching.bench.ts builds them. */
export const rosterConflictNames = (lawyers: number, seed: number, each: number): TLawyerPartyName[] =>
  syntheticRosterLawyers(lawyers, seed, each).flatMap((lawyer, index) =>
    lawyer.conflicts.map((conflict): TLawyerPartyName => ({
      lawyerId: `lawyer-${index}`,
      source: 'declared',
      kind: conflict.kind,
      names: [conflict.name],
    })),
  )

/** Each survivor's names and adverse parties as imported intakes hold them, as matching.bench.ts builds them. */
export const withIntakeParties = (survivors: TSurvivorProfile[], seed: number): TSurvivorProfile[] => {
  const intakes = syntheticImportRows(survivors.length, seed, new Date('2026-11-30T15:00:00Z'))
  return survivors.map((survivor, index) => {
    const intake = intakes[index]?.intake
    if (intake === undefined) return survivor
    const parties: TSurvivorParty[] = [
      { role: 'survivor', kind: 'person', names: intakeNames(intake.person) },
    ]
    for (const party of intake.adverseParties) {
      const names = [party.name, party.originalScriptName].filter((name) => name.trim() !== '')
      if (names.length > 0) parties.push({ role: 'adverse_party', kind: party.kind, names })
    }
    return { ...survivor, parties }
  })
}

export type TBenchRankingInputs = {
  lawyers: TLawyerProfile[]
  conflictNames: TLawyerPartyName[]
  survivors: TSurvivorProfile[]
}

/** The roster, its declared names and the survivors of matching.bench.ts at `scale` and `seed` (its defaults: 42). */
export const benchRankingInputs = (scale: TScale, seed: number): TBenchRankingInputs => {
  const conflictsPerLawyer = Math.max(1, Math.round(scale.conflictNames / scale.lawyers))
  const { lawyers } = syntheticRoster(seededRandom(seed + 11), scale.lawyers, conflictsPerLawyer)
  const conflictNames = rosterConflictNames(scale.lawyers, seed + 13, conflictsPerLawyer)
  const survivors = withIntakeParties(
    syntheticSurvivors(seededRandom(seed + 12), scale.runs.batchSurvivors),
    seed + 14,
  )
  return { lawyers, conflictNames, survivors }
}
