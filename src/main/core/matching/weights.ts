/**
 * Every number the ranking uses, in one place. docs/matching.md explains each one and why it has the size it
 * has; change them together with that page. Points are whole numbers so a reason reads "speaks Arabic +30" and
 * the batch assignment works on exact integer costs.
 */
export const MATCH_WEIGHTS = {
  /** Needs covered by the lawyer's practice areas: this many points × covered / total needs. */
  needsCovered: 40,
  /** The survivor's preferred language is one the lawyer speaks. */
  preferredLanguage: 30,
  /** Not the preferred language, but another language the survivor speaks. */
  otherLanguage: 15,
  /** No language in common: an interpreter will be needed for every meeting. */
  interpreterNeeded: -20,
  /** Lawyer's city is the survivor's city (same province too). */
  sameCity: 15,
  /** Lawyer's province is the survivor's province (city different or unknown). */
  sameProvince: 8,
  /** On call right now at the survivor's airport. Doubled for urgent cases (see urgentMultiplier). */
  onCallNow: 15,
  /** Urgent cases (detained, at an airport, removal within 14 days) weigh availability this many times more. */
  urgentMultiplier: 2,
  /** Urgent cases: this many points × share of the lawyer's places still free (an emptier desk acts sooner). */
  urgentFreeCapacity: 10,
  /** Load: minus this many points × share of capacity already used, so work spreads across volunteers. */
  load: 20,
  /** Experience with one of the survivor's atrocity types (torture, genocide…). */
  atrocityExperience: 10,
  /** Experience with the country where it happened (or the survivor's country of origin). */
  countryExperience: 10,
  /** Fairness: up to this many points for time since the last referral offered, full after fairnessDays. */
  fairness: 10,
  fairnessDays: 30,
} as const

/**
 * A conflict hit is a person-matching score at or above these (docs/matching.md, "Conflict threshold"). Between
 * two people 0.5 (person matching's suggestion) flags every pair that shares one given or family name ("Mohammed
 * Karimi" ~ "Mohammed Hassan" 0.61), which would bury the real hits; every cross-script and transliterated form of
 * the same full name scores 0.85 or more. Units, organizations and states keep 0.5: their names are short, few,
 * and written very differently ("Syrian Arab Republic" ~ "Syria" 0.52).
 */
export const CONFLICT_MIN_SCORE = { person: 0.75, other: 0.5 } as const

/**
 * Every number the organization ranking uses (docs/matching.md, "Organizations"). The same scale as the lawyers'
 * so a caseworker reads both lists alike: needs and language weigh most, then where the organization works, then
 * how recently the directory checked it.
 */
export const ORGANIZATION_WEIGHTS = {
  /** Needs the organization serves: this many points × served / total needs. */
  needsServed: 40,
  /** Survivor support or counselling for a survivor who recorded what they lived through. */
  survivorSupport: 20,
  /** Settlement or housing help for a newcomer (a refugee claim, removal, family reunification). */
  settlement: 10,
  /** Urgent case and the organization supports people in detention: it can act in the next hours. */
  detentionSupport: 15,
  /** Lists the survivor's province: local offices, local knowledge. */
  sameProvince: 10,
  /** National: serves the survivor too, usually from farther away. */
  national: 5,
  /** Same language points as the lawyers'. */
  preferredLanguage: 30,
  otherLanguage: 15,
  interpreterNeeded: -20,
  /** Verified within the directory's twelve months; stale or never verified costs more than fresh earns. */
  verified: 5,
  unverified: -10,
} as const
