/** The roster of volunteer lawyers (/lawyers), one lawyer's page (/lawyers/:lawyerId), the sign-up import. */
export { LawyersPage } from './LawyersPage'
export { LawyerPage } from './LawyerPage'
export { ImportLawyersPage } from './ImportLawyersPage'
