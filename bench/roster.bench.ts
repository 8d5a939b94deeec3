/**
 * The roster at scale: a sign-up file of `scale.lawyers` invented lawyers (every column, ~20 declared conflicts
 * each, as `export lawyers` writes it) through the same service the import screen and the CLI call: the dry run,
 * then the all-or-nothing commit. Then the roster's filters over what was imported.
 */
import { syntheticLawyerCsv } from '#test-support/synthetic'
import type { TBenchModule } from './module'
import { median, ms, Series, time } from './support/measure'

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
    const { lawyerImport, roster } = bench.caseload.vault.services
    const csv = syntheticLawyerCsv(bench.scale.lawyers, bench.seed)
    const { mapping } = lawyerImport.inspect(csv)
    let checkedRows = 0
    const checkMs = time(() => {
      const check = lawyerImport.check(csv, mapping)
      if (!check.accepted) throw new Error(`the synthetic roster has ${check.problemCount} problems`)
      checkedRows = check.rows
    })
    let added = 0
    const commitMs = time(() => {
      const outcome = lawyerImport.commit(csv, mapping, 'skip')
      if (!outcome.imported) throw new Error('the synthetic roster was refused')
      added = outcome.result.added
    })
    if (added !== checkedRows) throw new Error(`${added} of ${checkedRows} lawyers were added`)

    const filtered = new Series()
    for (let round = 0; round < 5; round++)
      for (const filter of FILTERS) filtered.time(() => roster.list({ ...filter, offset: 0, limit: 100 }))
    bench.note(
      'import_10k_lawyers_ms',
      `${added.toLocaleString('en')} lawyers (${(csv.length / 1e6).toFixed(1)} MB): dry run ${ms(checkMs)} ms + commit ${ms(commitMs)} ms; roster filters over them: p50 ${ms(median(filtered.wall))} ms over ${filtered.wall.length} first pages (${filtered.cpuSummary()})`,
    )
    return { import_10k_lawyers_ms: ms(checkMs + commitMs) }
  },
}
