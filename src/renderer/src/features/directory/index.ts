/** The referral directory: organizations (/directory, /directory/organizations/:id) and resources. */
export { OrganizationsPage as DirectoryPage } from './OrganizationsPage'
export { OrganizationPage } from './OrganizationPage'
export { ResourcesPage } from './ResourcesPage'
