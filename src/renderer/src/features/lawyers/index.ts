/** The roster of volunteer lawyers (/lawyers). */
export { LawyersPage } from './LawyersPage'
