import { between, chance, seededRandom, subSeed, weighted } from './random'

/*
 * Invented referrals of survivors to lawyers and organizations, in every state the referral workflow knows, for
 * the dashboard's follow-ups, fairness ("not offered recently") and their benchmarks. Cases and recipients are
 * indexes into the caseload and lawyer/organization lists made with the same seed.
 *
 * PROVISIONAL SHAPE: matching (issue 11) defines referrals and their statuses; until it lands this follows the
 * issue's words, and then returns that type.
 */

export const SYNTHETIC_REFERRAL_STATUSES = [
  'proposed',
  'conflict_cleared',
  'sent',
  'accepted',
  'declined',
  'no_response',
  'closed',
] as const
export type TSyntheticReferralStatus = (typeof SYNTHETIC_REFERRAL_STATUSES)[number]

export type TSyntheticReferral = {
  caseIndex: number
  to: { kind: 'lawyer'; lawyerIndex: number } | { kind: 'organization'; organizationIndex: number }
  status: TSyntheticReferralStatus
  /** 'YYYY-MM-DD'. */
  proposedOn: string
  /** When staff should check on it; '' once it is settled. */
  followUpOn: string
}

const STATUS_WEIGHTS: Record<TSyntheticReferralStatus, number> = {
  proposed: 8,
  conflict_cleared: 5,
  sent: 12,
  accepted: 30,
  declined: 15,
  no_response: 10,
  closed: 20,
}

const SETTLED: readonly TSyntheticReferralStatus[] = ['accepted', 'declined', 'closed']

const DAY_MS = 86_400_000

/**
 * `count` referrals over `cases` cases, `lawyers` lawyers and `organizations` organizations. The first seven are
 * one of each status, so every state is present at any size.
 */
export function syntheticReferrals(
  count: number,
  population: { cases: number; lawyers: number; organizations: number },
  seed = 1,
  today = new Date(),
): TSyntheticReferral[] {
  const random = seededRandom(subSeed(seed, 4))
  return Array.from({ length: count }, (_, index) => {
    const status = SYNTHETIC_REFERRAL_STATUSES[index] ?? weighted(random, STATUS_WEIGHTS)
    const proposed = new Date(today.getTime() - between(random, 0, 400) * DAY_MS)
    const toLawyer = population.organizations === 0 || chance(random, 0.8)
    return {
      caseIndex: between(random, 0, population.cases - 1),
      to: toLawyer
        ? { kind: 'lawyer', lawyerIndex: between(random, 0, population.lawyers - 1) }
        : { kind: 'organization', organizationIndex: between(random, 0, population.organizations - 1) },
      status,
      proposedOn: proposed.toISOString().slice(0, 10),
      followUpOn: SETTLED.includes(status)
        ? ''
        : new Date(proposed.getTime() + between(random, 1, 3) * DAY_MS).toISOString().slice(0, 10),
    }
  })
}
