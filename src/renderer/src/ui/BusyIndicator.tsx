import { Label, ProgressBar } from 'react-aria-components'
import './BusyIndicator.css'

export type TBusyIndicatorProps = {
  /** What is happening, e.g. "Creating the backup…". */
  label: string
}

/** An indeterminate progress bar for work whose length is unknown. */
export function BusyIndicator({ label }: TBusyIndicatorProps) {
  return (
    <ProgressBar isIndeterminate className="ui-busy">
      <Label className="ui-busy__label">{label}</Label>
      <div className="ui-busy__track">
        <div className="ui-busy__fill" />
      </div>
    </ProgressBar>
  )
}
