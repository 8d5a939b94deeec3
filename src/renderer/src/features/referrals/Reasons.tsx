import type { TMatchReason } from '../../../../shared/contract/referrals'
import { useReasonText } from './reasonText'

/** A ranking's reasons in words, one a line (lawyers and organizations alike). */
export function Reasons({ reasons }: { reasons: readonly TMatchReason[] }) {
  const reasonText = useReasonText()
  return (
    <ul className="referrals-reasons">
      {reasons.map((reason, index) => (
        <li key={`${reason.key}-${index}`} dir="auto">
          {reasonText(reason)}
        </li>
      ))}
    </ul>
  )
}
