import type { TOrganizationFields, TResourceFields } from '../../../../shared/roster/directory-schema'

/** One directory entry as a file carries it: its fields and whether it is retired (ids stay in the vault). */
export type TDirectoryEntry =
  | { kind: 'organization'; fields: TOrganizationFields; retired: boolean }
  | { kind: 'resource'; fields: TResourceFields; retired: boolean }

/** What makes two entries the same: an organization's name, a resource's link (else its title), in any case. */
export const entryKeyOf = (entry: TDirectoryEntry): string =>
  entry.kind === 'organization'
    ? `organization:${entry.fields.name.trim().toLowerCase()}`
    : `resource:${(entry.fields.link || entry.fields.title).trim().toLowerCase()}`
