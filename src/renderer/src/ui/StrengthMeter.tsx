import { Label, Meter } from 'react-aria-components'
import './status-tokens.css'
import './StrengthMeter.css'

export type TStrengthMeterProps = {
  label: string
  /** 0 (trivial) to 4 (very strong). */
  score: number
  /** The score in words ("Strong enough"); read by screen readers as the meter's value. */
  valueText: string
  /** Whether the passphrase meets the rule; colours the bar, the words carry the meaning. */
  isAcceptable: boolean
  /** Nothing typed yet: a neutral, empty bar rather than a red one. */
  isEmpty?: boolean
}

/** How hard a passphrase is to guess, as a meter whose value is spoken in words. */
export function StrengthMeter({
  label,
  score,
  valueText,
  isAcceptable,
  isEmpty = false,
}: TStrengthMeterProps) {
  const tone = isEmpty ? 'neutral' : isAcceptable ? 'ok' : score >= 2 ? 'fair' : 'weak'
  return (
    <Meter value={score} minValue={0} maxValue={4} valueLabel={valueText} className="ui-strength-meter">
      {({ percentage }) => (
        <>
          <div className="ui-strength-meter__text">
            <Label className="ui-strength-meter__label">{label}</Label>
            <span className={`ui-strength-meter__value ui-strength-meter__value--${tone}`}>{valueText}</span>
          </div>
          <div className="ui-strength-meter__track">
            <div
              className={`ui-strength-meter__fill ui-strength-meter__fill--${tone} ui-strength-meter__fill--${isEmpty ? 'empty' : Math.round(percentage / 25)}`}
            />
          </div>
        </>
      )}
    </Meter>
  )
}
