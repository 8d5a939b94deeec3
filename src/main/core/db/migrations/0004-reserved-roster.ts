import type { TMigration } from './migration'

/**
 * Reserved for the lawyer roster and referral directory (developed in parallel): their tables live in vault.db,
 * readable by every role. This placeholder keeps the list gapless until that migration replaces it.
 */
export const migration0004ReservedRoster: TMigration = {
  version: 4,
  name: 'reserved-roster',
  up() {},
}
