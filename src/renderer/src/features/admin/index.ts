/** The admin console (/admin): staff accounts, the audit trail, backups, import and export, settings, recovery key. */
export { AdminPage } from './AdminPage'
export { adminRoutes } from './routes'
