import type { TOrganization } from '../../../../shared/contract/directory'
import type { TLawyerListRow } from '../../../../shared/contract/lawyers'
import type { TPacketRecipient } from '../../../../shared/contract/packets'

/** At most six address lines fit the packet's heading. */
const MAX_LINES = 6

const nonEmpty = (lines: readonly string[]): string[] =>
  lines
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, MAX_LINES)

/**
 * A roster lawyer as a packet addresses them: firm, city and province (its postal abbreviation, as Canadian
 * addresses write it in either language), then how to reach them.
 */
export const lawyerRecipient = (lawyer: TLawyerListRow): TPacketRecipient => ({
  name: lawyer.displayName,
  lines: nonEmpty([
    lawyer.firm,
    [lawyer.city, lawyer.province].filter(Boolean).join(' '),
    lawyer.email,
    lawyer.phone,
  ]),
})

/** A directory organization as a packet addresses it: how to reach it. */
export const organizationRecipient = (organization: TOrganization): TPacketRecipient => ({
  name: organization.name,
  lines: nonEmpty([organization.phone, organization.email, organization.website]),
})
