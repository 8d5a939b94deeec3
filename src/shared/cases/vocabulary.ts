/**
 * The case vocabularies. Each value is a stable key: stored in the vault, written in CSV files, and turned into
 * words by the renderer (`vocab.<list>.<key>` in the catalogs). Append new keys at the end; never rename one.
 * docs/intake-csv.md lists them for people moving data in from spreadsheets.
 *
 * The longer lists are kept a few keys to a line (`prettier-ignore`), so the file reads as a table.
 */

export const CASE_STATUSES = ['new', 'screening', 'awaiting_match', 'referred', 'active', 'closed'] as const
export type TCaseStatus = (typeof CASE_STATUSES)[number]

/** Which status may follow which. Closing is possible from anywhere; a closed case can be reopened to screening. */
export const STATUS_TRANSITIONS: Readonly<Record<TCaseStatus, readonly TCaseStatus[]>> = {
  new: ['screening', 'closed'],
  screening: ['awaiting_match', 'new', 'closed'],
  awaiting_match: ['referred', 'screening', 'closed'],
  referred: ['active', 'awaiting_match', 'closed'],
  active: ['referred', 'closed'],
  closed: ['screening'],
}

export const GENDERS = ['woman', 'man', 'non_binary', 'self_described', 'prefer_not_to_say'] as const
export type TGender = (typeof GENDERS)[number]

/** For questions a survivor may not know or may not want to answer. */
export const ANSWERS = ['yes', 'no', 'unknown', 'prefer_not_to_say'] as const
export type TAnswer = (typeof ANSWERS)[number]

// prettier-ignore
export const CONTACT_METHODS = [
  'phone_call', 'text_message', 'email', 'in_person', 'through_trusted_person', 'other',
] as const
export type TContactMethod = (typeof CONTACT_METHODS)[number]

// prettier-ignore
export const PROVINCES = [
  'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT',
] as const
export type TProvince = (typeof PROVINCES)[number]

// prettier-ignore
export const IMMIGRATION_STATUSES = [
  'refugee_claimant', 'protected_person', 'permanent_resident', 'citizen', 'temporary_resident',
  'no_status', 'other', 'unknown', 'prefer_not_to_say',
] as const
export type TImmigrationStatus = (typeof IMMIGRATION_STATUSES)[number]

// prettier-ignore
export const ARRIVAL_ROUTES = [
  'airport', 'land_port_of_entry', 'marine_port', 'through_united_states', 'between_ports', 'resettlement',
  'other', 'unknown', 'prefer_not_to_say',
] as const
export type TArrivalRoute = (typeof ARRIVAL_ROUTES)[number]

// prettier-ignore
export const EXPERIENCES = [
  'torture', 'war_crimes', 'genocide', 'crimes_against_humanity', 'sexual_violence',
  'enforced_disappearance', 'other',
] as const
export type TExperience = (typeof EXPERIENCES)[number]

export const ADVERSE_PARTY_KINDS = ['person', 'unit', 'organization', 'state'] as const
export type TAdversePartyKind = (typeof ADVERSE_PARTY_KINDS)[number]

// prettier-ignore
export const LEGAL_NEEDS = [
  'refugee_claim', 'detention_review', 'removal_prra', 'federal_court', 'family_reunification',
  'criminal_complaint', 'civil_claim', 'airport_support', 'other',
] as const
export type TLegalNeed = (typeof LEGAL_NEEDS)[number]

// prettier-ignore
export const CONSENT_PURPOSES = [
  'share_with_lawyer', 'share_with_organization', 'contact_by_phone', 'contact_by_text',
  'contact_by_email',
] as const
export type TConsentPurpose = (typeof CONSENT_PURPOSES)[number]

export const CONSENT_METHODS = ['verbal', 'verbal_with_interpreter', 'written', 'electronic'] as const
export type TConsentMethod = (typeof CONSENT_METHODS)[number]

export const INTAKE_METHODS = ['in_person', 'phone', 'video', 'other'] as const
export type TIntakeMethod = (typeof INTAKE_METHODS)[number]

/** What can appear on a case's timeline. Notes, calls and meetings are written by staff; the rest by the app. */
// prettier-ignore
export const TIMELINE_KINDS = [
  'note', 'call', 'meeting', 'intake', 'status', 'assignment', 'consent', 'task', 'referral', 'packet', 'edit',
] as const
export type TTimelineKind = (typeof TIMELINE_KINDS)[number]
export const STAFF_TIMELINE_KINDS = ['note', 'call', 'meeting'] as const
export type TStaffTimelineKind = (typeof STAFF_TIMELINE_KINDS)[number]

/** Why a task exists: a person added it, or a hearing or removal date in an intake did. */
export const TASK_ORIGINS = ['manual', 'hearing', 'removal'] as const
export type TTaskOrigin = (typeof TASK_ORIGINS)[number]

/** Case list urgency filter. */
export const URGENCIES = ['urgent', 'not_urgent'] as const
export type TUrgency = (typeof URGENCIES)[number]

/** A removal this close (in days, today included) puts a case at the top of the list. */
export const REMOVAL_URGENT_DAYS = 14

/** The sections of a case that stay collapsed until someone reveals them; each reveal is audited. */
export const SENSITIVE_SECTIONS = ['contact', 'experiences', 'adverse_parties', 'narrative'] as const
export type TSensitiveSection = (typeof SENSITIVE_SECTIONS)[number]
