/**
 * How big a run is. `full` is the default and the published figures (issue 13's 100,000 survivors, 10,000 lawyers
 * with 200,000 declared conflict names); `small` finishes in under a minute for a quick look; `tiny` is what the
 * test that keeps the bench from rotting runs. Repetition counts shrink with the data, so small runs say less.
 */
export type TScaleName = 'tiny' | 'small' | 'full'

export type TScale = {
  readonly name: TScaleName
  /** Survivors' cases in the vault. */
  readonly cases: number
  /** Caseworker accounts the cases are assigned among. */
  readonly caseworkers: number
  /** Cases per import (one transaction each). */
  readonly importBatch: number
  /** For the roster and matching figures: lawyers, their declared conflict names, directory organizations. */
  readonly lawyers: number
  readonly conflictNames: number
  readonly organizations: number
  readonly referrals: number
  /** How many times each timed thing is done. */
  readonly runs: {
    readonly unlock: number
    readonly open: number
    readonly list: number
    /** Rounds over the filter set (each filter once per round). */
    readonly filterRounds: number
    readonly searches: number
    readonly duplicateChecks: number
    /** Rounds of the encrypted / plain / bare-SQL comparison. */
    readonly floorRounds: number
    readonly render: number
    /** Survivors ranked one at a time over the roster; survivors in one batch assignment. */
    readonly rank: number
    readonly batchSurvivors: number
    /** Packets printed by a running Chromium. */
    readonly packets: number
  }
}

export const SCALES: Readonly<Record<TScaleName, TScale>> = {
  full: {
    name: 'full',
    cases: 100_000,
    caseworkers: 8,
    importBatch: 2_000,
    lawyers: 10_000,
    conflictNames: 200_000,
    organizations: 500,
    referrals: 20_000,
    runs: {
      unlock: 5,
      open: 20,
      list: 40,
      filterRounds: 3,
      searches: 240,
      duplicateChecks: 60,
      floorRounds: 7,
      render: 10,
      rank: 100,
      batchSurvivors: 1_000,
      packets: 7,
    },
  },
  small: {
    name: 'small',
    cases: 3_000,
    caseworkers: 3,
    importBatch: 1_000,
    lawyers: 1_000,
    conflictNames: 20_000,
    organizations: 100,
    referrals: 1_000,
    runs: {
      unlock: 3,
      open: 10,
      list: 20,
      filterRounds: 2,
      searches: 80,
      duplicateChecks: 20,
      floorRounds: 4,
      render: 5,
      rank: 40,
      batchSurvivors: 200,
      packets: 5,
    },
  },
  tiny: {
    name: 'tiny',
    cases: 300,
    caseworkers: 2,
    importBatch: 150,
    lawyers: 100,
    conflictNames: 2_000,
    organizations: 20,
    referrals: 100,
    runs: {
      unlock: 1,
      open: 3,
      list: 5,
      filterRounds: 1,
      searches: 16,
      duplicateChecks: 5,
      floorRounds: 2,
      render: 2,
      rank: 8,
      batchSurvivors: 30,
      packets: 2,
    },
  },
}

export const isScaleName = (name: string): name is TScaleName => name in SCALES
