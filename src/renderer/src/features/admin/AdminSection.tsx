import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TAdminTab } from './AdminTabs'

/** Each tab's heading and lede (the import/export texts live in their own catalog). */
const TEXTS = {
  accounts: { heading: 'admin.accounts.heading', lede: 'admin.accounts.lede' },
  audit: { heading: 'admin.audit.heading', lede: 'admin.audit.lede' },
  backup: { heading: 'admin.backup.heading', lede: 'admin.backup.lede' },
  'import-export': { heading: 'importExport.heading', lede: 'importExport.lede' },
  settings: { heading: 'admin.settings.heading', lede: 'admin.settings.lede' },
  'recovery-key': { heading: 'admin.recoveryKey.heading', lede: 'admin.recoveryKey.lede' },
} as const satisfies Record<TAdminTab, { heading: string; lede: string }>

export type TAdminSectionProps = {
  tab: TAdminTab
  /** Buttons at the end of the header, e.g. "Add staff member". */
  actions?: ReactNode
  children: ReactNode
}

/** One admin tab's page: its h2 (naming the region `admin-<tab>-heading`), the lede, header actions, content. */
export function AdminSection({ tab, actions, children }: TAdminSectionProps) {
  const { t } = useTranslation()
  const id = `admin-${tab}-heading`
  return (
    <section aria-labelledby={id} className="admin-section">
      <div className="admin-section__header">
        <div>
          <h2 id={id} className="admin-section__title">
            {t(TEXTS[tab].heading)}
          </h2>
          <p className="admin-section__lede">{t(TEXTS[tab].lede)}</p>
        </div>
        {actions}
      </div>
      {children}
    </section>
  )
}
