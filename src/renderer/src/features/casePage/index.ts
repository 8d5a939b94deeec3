/** A survivor's case (/survivors/:caseId): summary, audited reveals, consent, timeline, tasks, status. */
export { CasePage } from './CasePage'
