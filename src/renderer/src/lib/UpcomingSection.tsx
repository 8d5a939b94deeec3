import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge, EmptyState, PageHeader } from '../ui'

/**
 * A section of the app whose screens are still to come: its page title, and what will be here. Its texts are
 * the section's own catalog (`<section>.title`, `.lede`, `.emptyTitle`, `.emptyBody`, `.emptyNote`).
 */
export function UpcomingSection({
  section,
  icon,
}: {
  section: 'lawyers' | 'directory' | 'referrals'
  icon: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t(`${section}.title`)} description={t(`${section}.lede`)} />
      <EmptyState
        icon={icon}
        title={t(`${section}.emptyTitle`)}
        badge={<Badge tone="indigo">{t('common.inDevelopment')}</Badge>}
        body={t(`${section}.emptyBody`)}
        note={t(`${section}.emptyNote`)}
      />
    </>
  )
}
