/** Referrals of survivors to lawyers and organizations, and their follow-ups (/referrals). */
export { ReferralsPage } from './ReferralsPage'
