import { scaleBand, scaleLinear } from 'd3-scale'
import { useId, type ReactNode } from 'react'
import './BarChart.css'

/** One bar: its label and value, already translated and formatted; value null draws a withheld marker. */
export type TBar = { key: string; label: string; value: number | null; valueText: string }

export type TBarChartProps = {
  title: string
  bars: readonly TBar[]
  /** The table's column headers, e.g. "Province" and "Cases". */
  categoryHeader: string
  valueHeader: string
  /** The summary that opens the table, e.g. "Show as a table". */
  tableLabel: string
  /** Shown instead of a chart when there are no bars. */
  emptyText: string
  /** A fuller table of the same numbers (more columns, links), shown instead of the two-column one. */
  table?: ReactNode
}

// The drawing's own units (the SVG scales to its box): labels on the left, bars, then the value.
const WIDTH = 640
const LABEL_WIDTH = 210
const VALUE_WIDTH = 70
const BAR_HEIGHT = 26
/** The stub drawn for a withheld count: long enough to see, short enough not to suggest a size. */
const WITHHELD_WIDTH = 14

/**
 * A horizontal bar chart drawn by React from d3 scales (no inline styles, no generated CSS: the app's CSP allows
 * neither), with its text alternatives: the figure's accessible name lists every bar, and a table with the same
 * numbers opens under it. Colours come from the stylesheet; the bars are ordered as given.
 */
export function BarChart({
  title,
  bars,
  categoryHeader,
  valueHeader,
  tableLabel,
  emptyText,
  table,
}: TBarChartProps) {
  const titleId = useId()
  if (bars.length === 0) {
    return (
      <figure className="ui-bar-chart" aria-labelledby={titleId}>
        <figcaption id={titleId} className="ui-bar-chart__title">
          {title}
        </figcaption>
        <p className="ui-bar-chart__empty">{emptyText}</p>
      </figure>
    )
  }
  const height = bars.length * BAR_HEIGHT
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0))
  const x = scaleLinear()
    .domain([0, max])
    .range([0, WIDTH - LABEL_WIDTH - VALUE_WIDTH])
    .nice()
  const y = scaleBand()
    .domain(bars.map((bar) => bar.key))
    .range([0, height])
    .padding(0.25)
  const summary = `${title}: ${bars.map((bar) => `${bar.label} ${bar.valueText}`).join(', ')}`
  return (
    <figure className="ui-bar-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="ui-bar-chart__title">
        {title}
      </figcaption>
      <svg
        className="ui-bar-chart__drawing"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar) => {
          const top = y(bar.key) ?? 0
          const middle = top + y.bandwidth() / 2
          const width = bar.value === null ? WITHHELD_WIDTH : x(bar.value)
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={middle} className="ui-bar-chart__label" textAnchor="end">
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={top}
                width={width}
                height={y.bandwidth()}
                className={
                  bar.value === null ? 'ui-bar-chart__bar ui-bar-chart__bar--withheld' : 'ui-bar-chart__bar'
                }
              />
              <text x={LABEL_WIDTH + width + 6} y={middle} className="ui-bar-chart__value">
                {bar.valueText}
              </text>
            </g>
          )
        })}
      </svg>
      <details className="ui-bar-chart__numbers">
        <summary>{tableLabel}</summary>
        {table ?? (
          <table className="ui-bar-chart__table">
            <thead>
              <tr>
                <th scope="col">{categoryHeader}</th>
                <th scope="col">{valueHeader}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.key}>
                  <th scope="row">{bar.label}</th>
                  <td>{bar.valueText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  )
}
