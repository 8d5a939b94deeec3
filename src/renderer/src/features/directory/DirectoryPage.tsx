import { UpcomingSection } from '../../lib/UpcomingSection'
import { DirectoryIcon } from '../../ui'

/** The referral directory of organizations and legal services. Empty until the directory arrives. */
export function DirectoryPage() {
  return <UpcomingSection section="directory" icon={<DirectoryIcon size={32} />} />
}
