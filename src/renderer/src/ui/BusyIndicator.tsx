import { Label, ProgressBar } from 'react-aria-components'
import './BusyIndicator.css'

export type TBusyIndicatorProps = {
  /** What is happening, e.g. "Creating the backup…". */
  label: string
  /** How far it has got, when known; without it the bar is indeterminate. */
  progress?: { done: number; total: number } | null
}

/** A progress bar: determinate when the work reports its size, indeterminate otherwise. */
export function BusyIndicator({ label, progress }: TBusyIndicatorProps) {
  const isDeterminate = progress !== undefined && progress !== null && progress.total > 0
  const percent = isDeterminate ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0
  return (
    <ProgressBar
      isIndeterminate={!isDeterminate}
      value={percent}
      className={isDeterminate ? 'ui-busy ui-busy--determinate' : 'ui-busy'}
    >
      {({ valueText }) => (
        <>
          <span className="ui-busy__header">
            <Label className="ui-busy__label">{label}</Label>
            {isDeterminate ? <span className="ui-busy__value">{valueText}</span> : null}
          </span>
          <div className="ui-busy__track">
            {/* The width is set through the CSSOM (allowed by the CSP), not an inline style attribute. */}
            <div className="ui-busy__fill" style={isDeterminate ? { width: `${percent}%` } : undefined} />
          </div>
        </>
      )}
    </ProgressBar>
  )
}
