import type { TFigureKey, TFigureValues } from './figures'
import type { TScale } from './scale'
import type { TCaseload } from './support/caseload'

/**
 * What a feature adds to `npm run bench`: one module, in `bench/<feature>.bench.ts`, listed in `bench/modules.ts`.
 *
 *   export const rosterBench: TBenchModule = {
 *     name: 'roster',
 *     figures: ['import_10k_lawyers_ms'],
 *     async run(bench) {
 *       const lawyers = syntheticLawyers(bench.scale.lawyers, bench.seed)
 *       const { roster } = bench.caseload.vault.services
 *       const elapsed = time(() => roster.importLawyers(lawyers, { dryRun: false }))
 *       return { import_10k_lawyers_ms: ms(elapsed) }
 *     },
 *   }
 *
 * Modules run one after another in the order of `modules.ts`, over one caseload; what a module leaves in the vault
 * (the roster's lawyers) is there for the modules after it (matching). A figure a module does not return, or
 * returns as null, is reported as null; say why with `bench.note`. A module that throws has its figures reported
 * as null and fails the run.
 */
export type TBenchModule = {
  /** What it measures, in progress lines ("case list"). */
  readonly name: string
  /** The figures it reports. Each figure belongs to one module. */
  readonly figures: readonly TFigureKey[]
  run(bench: TBench): Promise<Partial<TFigureValues>>
}

export type TBench = {
  readonly scale: TScale
  /** The seed of every generator this run (the same seed gives the same data). */
  readonly seed: number
  /** The survivors' caseload, in the encrypted vault and in its unencrypted twin. */
  readonly caseload: TCaseload
  /** A line of progress (stderr only, so `--json` keeps stdout to the one object). */
  progress(line: string): void
  /** Why a figure is null, or what it measured exactly; printed on stderr and under the table. */
  note(key: TFigureKey, text: string): void
  /** A fresh folder for the module's own files, removed when the run ends. */
  scratchFolder(name: string): string
}
