/** The roster of volunteer lawyers (/lawyers) and one lawyer's page (/lawyers/:lawyerId). */
export { LawyersPage } from './LawyersPage'
export { LawyerPage } from './LawyerPage'
