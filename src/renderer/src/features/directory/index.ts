/** The referral directory of organizations and resources (/directory). */
export { DirectoryPage } from './DirectoryPage'
