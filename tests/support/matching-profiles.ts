/**
 * Plain matching profiles for tests and the bench: a survivor and a lawyer with neutral defaults, so each test
 * states only what its story is about. Names are clearly invented.
 */
import type { TLawyerProfile, TRankContext, TSurvivorProfile } from '../../src/main/core/matching'

/** Monday 2026-11-30 15:00 UTC, 10:00 in Montréal and Toronto. */
export const MATCH_NOW = new Date('2026-11-30T15:00:00Z')

export const matchContext = (now: Date = MATCH_NOW): TRankContext => ({ now })

export const survivorProfile = (overrides: Partial<TSurvivorProfile> = {}): TSurvivorProfile => ({
  caseId: 'case-1',
  needs: ['refugee_claim'],
  province: 'ON',
  city: 'Toronto',
  airport: null,
  preferredLanguage: 'ar',
  otherLanguages: [],
  urgent: false,
  experiences: [],
  countries: [],
  parties: [],
  ...overrides,
})

export const lawyerProfile = (overrides: Partial<TLawyerProfile> = {}): TLawyerProfile => ({
  id: 'lawyer-1',
  name: 'Testlawyer Example',
  email: 'testlawyer@example.org',
  status: 'active',
  licensedProvinces: ['ON'],
  practiceAreas: ['refugee_claim'],
  languages: ['en'],
  city: 'Ottawa',
  province: 'ON',
  airports: [],
  onCallWindows: [],
  capacity: 5,
  activeReferrals: 0,
  experiences: [],
  countries: [],
  lastOfferedAt: null,
  ...overrides,
})
