/**
 * The roster at scale: a sign-up file of `scale.lawyers` invented lawyers (every column, ~20 declared conflicts
 * each, as `export lawyers` writes it) sent as the import screen sends it (an upload in slices), then the dry run
 * and the all-or-nothing commit of that upload. Then the roster's filters over what was imported.
 */
import { syntheticLawyerCsv } from '#test-support/synthetic'
import type { TBenchModule } from './module'
import { median, ms, Series } from './support/measure'
import { importSignUpsAsTheScreenDoes } from './support/sign-up-import'

const FILTERS = [
  { province: 'QC' as const },
  { language: 'fr' },
  { practiceArea: 'refugee_claim' as const },
  { airport: 'YUL' as const, onCallNow: true },
  { hasCapacity: true },
  { search: 'inv' },
]

export const rosterBench: TBenchModule = {
  name: 'roster',
  figures: ['import_10k_lawyers_ms'],
  async run(bench) {
    const { roster } = bench.caseload.vault.services
    const csv = syntheticLawyerCsv(bench.scale.lawyers, bench.seed)
    const { dryRun, commit, rows, result } = await importSignUpsAsTheScreenDoes(
      bench.caseload.vault.services,
      csv,
    )
    const [checkMs = 0, commitMs = 0] = [dryRun.wall[0], commit.wall[0]]
    const added = result.added
    if (added !== rows) throw new Error(`${added} of ${rows} lawyers were added`)

    const filtered = new Series()
    for (let round = 0; round < 5; round++)
      for (const filter of FILTERS) filtered.time(() => roster.list({ ...filter, offset: 0, limit: 100 }))
    bench.note(
      'import_10k_lawyers_ms',
      `${added.toLocaleString('en')} lawyers (${(csv.length / 1e6).toFixed(1)} MB) sent as the screen does: upload and dry run ${ms(checkMs)} ms (CPU ${ms(dryRun.cpu[0] ?? 0)}) + commit ${ms(commitMs)} ms (CPU ${ms(commit.cpu[0] ?? 0)}); roster filters over them: p50 ${ms(median(filtered.wall))} ms over ${filtered.wall.length} first pages (${filtered.cpuSummary()})`,
    )
    return { import_10k_lawyers_ms: ms(checkMs + commitMs) }
  },
}
