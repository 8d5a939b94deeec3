/** The survivors' case list (/survivors): urgent first, one search box, filters. */
export { CaseListPage } from './CaseListPage'
