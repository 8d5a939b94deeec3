import type { TMigration } from './migration'

/**
 * Kept for the roster and directory's next step (this wave's reserved number); it changes nothing. Versions must
 * run 1, 2, 3 … with no gap, and the packets' step that follows is number 7.
 */
export const migration0006ReservedRosterDirectory: TMigration = {
  version: 6,
  name: 'reserved-roster-directory',
  up() {},
}
