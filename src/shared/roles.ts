import { z } from 'zod'

/** Staff roles, from most to least privileged. Checked in main for every channel. */
export const ROLES = ['admin', 'caseworker', 'viewer'] as const
export const ZRoleSchema = z.enum(ROLES)
export type TRole = z.infer<typeof ZRoleSchema>

/** Who may call a channel: anyone (even with the vault locked) or staff in one of the listed roles. */
export type TAccess = 'public' | readonly TRole[]

export const ANY_STAFF: readonly TRole[] = ROLES
export const STAFF_WHO_HANDLE_CASES: readonly TRole[] = ['admin', 'caseworker']
export const ADMIN_ONLY: readonly TRole[] = ['admin']
