import type { TDatabase } from '../open-database'

/** One schema step. Append-only: a shipped migration is never edited, only followed by a new one. */
export type TMigration = {
  /** The `PRAGMA user_version` the vault has after this step. */
  version: number
  name: string
  up(db: TDatabase): void
}
