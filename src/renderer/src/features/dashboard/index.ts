/** The start page (/): unfinished intakes and where to begin. */
export { DashboardPage } from './DashboardPage'
