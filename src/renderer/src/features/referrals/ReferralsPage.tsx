import { UpcomingSection } from '../../lib/UpcomingSection'
import { ReferralsIcon } from '../../ui'

/** Referrals to lawyers and organizations, and the packets printed for them. Empty until matching arrives. */
export function ReferralsPage() {
  return <UpcomingSection section="referrals" icon={<ReferralsIcon size={32} />} />
}
