/**
 * Every figure `npm run bench` reports, in the order of the JSON object and the table: its key, what it is, its
 * unit and its target at full scale on the team's 2-core machine (issue 13). A figure no module measures yet is
 * null, with `pending` saying which feature brings it.
 */

export type TFigureUnit = 'ms' | 'per_s' | 'bytes' | 'ratio'

export type TFigure = {
  readonly label: string
  readonly unit: TFigureUnit
  /** The target at full scale: at most (`max`) or at least (`min`) this; `about` is a cost chosen elsewhere. */
  readonly target?: { readonly max: number } | { readonly min: number } | { readonly about: number }
  /** The feature that brings this figure, while it has not landed. */
  readonly pending?: string
}

export const FIGURES = {
  unlock_ms: { label: 'unlock (production KDF, open, audit)', unit: 'ms', target: { about: 1_000 } },
  open_ms: { label: 'open to first query, key known', unit: 'ms' },
  insert_per_s: { label: 'cases imported per second', unit: 'per_s' },
  db_bytes: { label: 'vault size on disk', unit: 'bytes' },
  list_p50_ms: { label: 'case list first page, p50', unit: 'ms' },
  list_p95_ms: { label: 'case list first page, p95', unit: 'ms', target: { max: 10 } },
  filter_first_page_p95_ms: { label: 'new filter, first page, p95', unit: 'ms', target: { max: 15 } },
  search_p50_ms: { label: 'search, first page, p50', unit: 'ms' },
  search_p95_ms: { label: 'search, first page, p95', unit: 'ms', target: { max: 25 } },
  duplicate_check_p95_ms: { label: 'duplicate check on save, p95', unit: 'ms' },
  rank_p50_ms: { label: 'rank lawyers for a survivor, p50', unit: 'ms', pending: 'matching (issue 11)' },
  rank_p95_ms: {
    label: 'rank lawyers for a survivor, p95',
    unit: 'ms',
    target: { max: 50 },
    pending: 'matching (issue 11)',
  },
  batch_assign_ms: {
    label: 'batch assignment, 1,000 survivors',
    unit: 'ms',
    target: { max: 5_000 },
    pending: 'matching (issue 11)',
  },
  packet_pdf_ms: {
    label: 'one packet to PDF',
    unit: 'ms',
    target: { max: 1_500 },
  },
  import_10k_lawyers_ms: {
    label: 'import 10,000 lawyers (dry run + commit)',
    unit: 'ms',
    target: { max: 3_000 },
    pending: 'the roster (issue 10)',
  },
  list_first_render_ms: { label: 'case list first render (headless)', unit: 'ms', target: { max: 300 } },
  renderer_memory_bytes: { label: 'renderer memory with the list open', unit: 'bytes' },
  main_rss_bytes: { label: 'main process memory (bridge host)', unit: 'bytes' },
  encrypted_vs_plain_reads: { label: 'encrypted ÷ plain, reads', unit: 'ratio', target: { max: 1.25 } },
  encrypted_vs_plain_writes: { label: 'encrypted ÷ plain, writes', unit: 'ratio', target: { max: 1.5 } },
  list_vs_floor: { label: 'case list ÷ bare SQL floor', unit: 'ratio', target: { max: 2 } },
  search_vs_floor: { label: 'search ÷ bare SQL floor', unit: 'ratio', target: { max: 2 } },
} as const satisfies Record<string, TFigure>

export type TFigureKey = keyof typeof FIGURES

export const FIGURE_KEYS = Object.keys(FIGURES) as TFigureKey[]

/** Measured values; null when not measured (the run's notes say why). */
export type TFigureValues = Record<TFigureKey, number | null>

/** True when `value` meets the figure's target; null when there is no pass/fail target or no value. */
export function meetsTarget(key: TFigureKey, value: number | null): boolean | null {
  const figure: TFigure = FIGURES[key]
  if (value === null || figure.target === undefined || 'about' in figure.target) return null
  return 'max' in figure.target ? value <= figure.target.max : value >= figure.target.min
}
