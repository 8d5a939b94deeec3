/** Referrals of survivors to lawyers and organizations, and their follow-ups (/referrals); matching on the case page. */
export { ReferralsPage } from './ReferralsPage'
export { MatchingSection } from './MatchingSection'
export { BatchMatchingPage } from './BatchMatchingPage'
