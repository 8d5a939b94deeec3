import { UpcomingSection } from '../../lib/UpcomingSection'
import { LawyersIcon } from '../../ui'

/** The roster of volunteer lawyers. Empty until roster editing arrives. */
export function LawyersPage() {
  return <UpcomingSection section="lawyers" icon={<LawyersIcon size={32} />} />
}
