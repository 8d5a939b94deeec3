import type { TMigration } from '../migrations/migration'

/**
 * casework.db, version 2: referrals of a survivor to a lawyer or an organization, and staff's reviews of conflict
 * hits. Survivor data (who was referred to whom, and why a conflict was cleared), so it lives under the case key.
 * Lawyers and organizations are in vault.db: no foreign key crosses databases, the referral service checks them.
 */
export const caseworkMigration0002Referrals: TMigration = {
  version: 2,
  name: 'referrals',
  up(db) {
    db.exec(`
      CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('lawyer', 'organization')),
        recipient_id TEXT NOT NULL,
        -- The name when proposed: the list still reads right after the roster entry is renamed or removed.
        recipient_name TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('proposed', 'conflict_cleared', 'sent', 'accepted', 'declined',
          'no_response', 'closed')),
        -- 1 while the referral holds one of the lawyer's places (proposed, conflict cleared, sent, accepted).
        holds_place INTEGER NOT NULL CHECK (holds_place IN (0, 1)),
        urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
        -- The ranking's score and reasons when proposed (keys and parameters, JSON), for "why this lawyer?".
        score INTEGER,
        reasons TEXT NOT NULL DEFAULT '[]',
        follow_up_on TEXT,
        -- The lawyer's own "no conflict" confirmation: when and how staff received it.
        conflict_confirmed_at TEXT,
        conflict_confirmation TEXT NOT NULL DEFAULT '',
        sent_at TEXT,
        responded_at TEXT,
        closed_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        proposed_by TEXT,
        proposed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referrals_by_case ON referrals (case_id, proposed_at DESC);
      -- A lawyer's places in use and their last offer, read for every lawyer of a ranking.
      CREATE INDEX referrals_by_recipient ON referrals (recipient_kind, recipient_id, holds_place, proposed_at);
      -- The referrals list, newest first, and the follow-ups due.
      CREATE INDEX referrals_list ON referrals (updated_at DESC, state, recipient_kind);
      CREATE INDEX referrals_follow_up ON referrals (follow_up_on) WHERE follow_up_on IS NOT NULL;

      -- Reviews are never overwritten: a new decision on the same hit is a new row, the latest counts.
      CREATE TABLE conflict_reviews (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        lawyer_id TEXT NOT NULL,
        hit_key TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('cleared', 'confirmed')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        reviewed_by TEXT,
        reviewed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX conflict_reviews_by_case ON conflict_reviews (case_id, lawyer_id, hit_key, reviewed_at);
    `)
  },
}
