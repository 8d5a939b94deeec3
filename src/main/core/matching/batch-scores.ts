/**
 * A batch's scores: every survivor against every lawyer as numbers only. Ranking one survivor builds a reason
 * object for every factor of every lawyer, which is what a caseworker reads on the case page but, for 1,000
 * survivors over 10,000 lawyers, ten million pairs of garbage nobody reads. The roster's columns and the walk over
 * them are the case page's own (rank-columns.ts, one numeric copy of the rules); here a survivor walks only the
 * smallest group of open lawyers its jurisdiction rule allows. The reasons are built afterwards, for the chosen pairs
 * only, by the ranking itself. A property test holds this scorer to `rankWithConflicts` pair by pair
 * (batch-scores.test.ts).
 */
import { PROVINCES } from '../../../shared/cases/vocabulary'
import { AIRPORTS } from '../../../shared/roster/airports'
import type { TExclusionReason, TScoreReason } from '../../../shared/matching/reasons'
import type { TConflictFindings } from './conflicts'
import { eligibilityOfFactsFor } from './eligibility'
import { columnsQueryOf, leftOutOf, rosterColumnsOf, walkColumns, type TRosterColumns } from './rank-columns'
import { softFactorsOfFactsFor } from './soft-factors'
import type { TLawyerProfile, TRankContext, TSurvivorProfile } from './types'

/**
 * The roster's columns for one batch, read at one instant (on call now, days since the last offer), with the open
 * lawyers as groups, each in roster order: all of them, those licensed anywhere, those licensed in each province (by
 * its bit), those covering each airport (by its bit). A survivor walks only the smallest group its jurisdiction rule
 * allows (a civil claim in PE: the few licensed there), not the whole roster.
 */
export type TBatchRoster = {
  lawyers: readonly TLawyerProfile[]
  columns: TRosterColumns
  nowMs: number
  openAll: Int32Array
  openLicensed: Int32Array
  openInProvince: ReadonlyMap<number, Int32Array>
  openAtAirport: ReadonlyMap<number, Int32Array>
}

/** The open lawyers' positions whose `column` has each of the first `bits` bits, one group per bit. */
const groupsByBit = (open: readonly number[], column: Int32Array, bits: number): Map<number, Int32Array> => {
  const groups = new Map<number, Int32Array>()
  for (let at = 0; at < bits; at++) {
    const bit = 1 << at
    groups.set(bit, Int32Array.from(open.filter((position) => (column[position]! & bit) !== 0)))
  }
  return groups
}

export const batchRosterOf = (lawyers: readonly TLawyerProfile[], context: TRankContext): TBatchRoster => {
  const columns = rosterColumnsOf(lawyers)
  const open: number[] = []
  for (let position = 0; position < columns.open.length; position++)
    if (columns.open[position] === 1) open.push(position)
  return {
    lawyers,
    columns,
    nowMs: context.now.getTime(),
    openAll: Int32Array.from(open),
    openLicensed: Int32Array.from(open.filter((position) => columns.licensedAnywhere[position] === 1)),
    openInProvince: groupsByBit(open, columns.licensed, PROVINCES.length),
    openAtAirport: groupsByBit(open, columns.covers, AIRPORTS.length),
  }
}

/**
 * The open lawyers a survivor's jurisdiction rules leave (each still tested in full): the smallest of the groups
 * every eligible lawyer belongs to.
 */
const groupFor = (
  roster: TBatchRoster,
  needsProvince: number,
  needsAirport: number,
  needsLicence: boolean,
): Int32Array => {
  const groups: Int32Array[] = [needsLicence ? roster.openLicensed : roster.openAll]
  const none = new Int32Array(0)
  if (needsProvince !== -1) groups.push(roster.openInProvince.get(needsProvince) ?? none)
  if (needsAirport !== -1) groups.push(roster.openAtAirport.get(needsAirport) ?? none)
  return groups.reduce((smallest, group) => (group.length < smallest.length ? group : smallest))
}

/** One survivor's eligible lawyers (positions in the roster) and their scores, in roster order. */
export type TSurvivorScores = { lawyers: Int32Array; scores: Float64Array }

const NOBODY: TSurvivorScores = { lawyers: new Int32Array(0), scores: new Float64Array(0) }

/**
 * A survivor the columns cannot decide for (a code outside a closed vocabulary: never in practice) scored through the
 * rules' own functions over every lawyer, as the case page ranks them (rank.ts, `walkByRules`), so the batch never
 * proposes nobody where the page ranks someone.
 */
const scoreByRules = (
  roster: TBatchRoster,
  survivor: TSurvivorProfile,
  conflicts: TConflictFindings,
): TSurvivorScores => {
  const { facts } = roster.columns
  const eligibilityOf = eligibilityOfFactsFor(survivor)
  const scoreOf = softFactorsOfFactsFor(survivor, { now: new Date(roster.nowMs) })
  // Declined and blocked lawyers, by position (every position holding their id).
  const leftOut = new Set(leftOutOf(roster.columns, survivor, conflicts))
  const lawyers: number[] = []
  const scores: number[] = []
  const exclusions: TExclusionReason[] = []
  const reasons: TScoreReason[] = []
  facts.forEach((lawyerFacts, position) => {
    exclusions.length = 0
    reasons.length = 0
    eligibilityOf(lawyerFacts, false, exclusions, reasons)
    if (exclusions.length > 0 || leftOut.has(position)) return
    reasons.length = 0
    scoreOf(lawyerFacts, reasons)
    lawyers.push(position)
    scores.push(reasons.reduce((sum, reason) => sum + reason.points, 0))
  })
  return { lawyers: Int32Array.from(lawyers), scores: Float64Array.from(scores) }
}

/** Scores one survivor over the batch's roster; `conflicts` excludes the lawyers it blocks. */
export const scoreSurvivor = (
  roster: TBatchRoster,
  survivor: TSurvivorProfile,
  conflicts: TConflictFindings,
): TSurvivorScores => {
  const { columns } = roster
  const query = columnsQueryOf(survivor)
  if (query.everyone) return { lawyers: new Int32Array(0), scores: new Float64Array(0) }
  if (!query.decidable) return scoreByRules(roster, survivor, conflicts)
  const group = groupFor(roster, query.needsProvince, query.needsAirport, query.needsLicence)
  const kept = walkColumns(columns, query, roster.nowMs, group, leftOutOf(columns, survivor, conflicts))
  if (kept === 0) return NOBODY
  return { lawyers: columns.keptLawyers.slice(0, kept), scores: columns.keptScores.slice(0, kept) }
}
