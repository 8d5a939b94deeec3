import {
  FIGURE_KEYS,
  FIGURES,
  meetsTarget,
  type TFigure,
  type TFigureKey,
  type TFigureValues,
} from '../figures'
import type { TScale } from '../scale'
import type { TMachine } from './machine'

export type TNote = { key: TFigureKey; text: string }

export type TRun = {
  scale: TScale
  seed: number
  machine: TMachine
  values: TFigureValues
  notes: readonly TNote[]
  seconds: number
}

/** The one flat object of `--json`: `scale`, `machine`, then every figure (null when not measured). */
export function runAsJson(run: TRun): Record<string, unknown> {
  return { scale: run.scale.name, machine: run.machine, ...run.values }
}

const number = (value: number, digits = 0): string =>
  value.toLocaleString('en-CA', { minimumFractionDigits: digits, maximumFractionDigits: digits })

function formatValue(unit: TFigure['unit'], value: number): string {
  switch (unit) {
    case 'ms':
      return `${number(value, value < 100 ? 2 : 0)} ms`
    case 'per_s':
      return `${number(value)} /s`
    case 'bytes':
      return `${number(value / 1_048_576, 1)} MiB`
    default:
      return `${number(value, 2)}×`
  }
}

function formatTarget(figure: TFigure): string {
  if (figure.target === undefined) return ''
  if ('about' in figure.target) return `≈ ${formatValue(figure.unit, figure.target.about)}`
  return 'max' in figure.target
    ? `≤ ${formatValue(figure.unit, figure.target.max)}`
    : `≥ ${formatValue(figure.unit, figure.target.min)}`
}

/** The figures as a table, with the machine, its load and every note, for people. */
export function runAsTable(run: TRun): string {
  const { machine } = run
  const lines = [
    `CCIJ Caseworker bench: ${run.scale.name} scale (${number(run.scale.cases)} cases), seed ${run.seed}, ${number(run.seconds)} s`,
    `${machine.cpu} · ${machine.cores} cores · ${number(machine.memory_bytes / 1_073_741_824, 1)} GiB · ${machine.os}`,
    `Node ${machine.node} · SQLite ${machine.sqlite} · ${machine.cipher}`,
    `load average (1, 5, 15 min): ${machine.load_start.join(' ')} at the start, ${machine.load_end?.join(' ') ?? '?'} at the end`,
    '',
  ]
  const rows = FIGURE_KEYS.map((key) => {
    const figure: TFigure = FIGURES[key]
    const value = run.values[key]
    const verdict = meetsTarget(key, value)
    return [
      key,
      figure.label,
      value === null ? '—' : formatValue(figure.unit, value),
      formatTarget(figure),
      verdict === null ? '' : run.scale.name !== 'full' ? '(full scale)' : verdict ? 'met' : 'MISSED',
    ]
  })
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)))
  for (const row of rows) {
    lines.push(
      row
        .map((cell, column) =>
          column === 2 ? cell.padStart(widths[2] ?? 0) : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
  }
  if (run.notes.length > 0)
    lines.push('', 'Notes:', ...run.notes.map((note) => `  ${note.key}: ${note.text}`))
  return lines.join('\n') + '\n'
}
