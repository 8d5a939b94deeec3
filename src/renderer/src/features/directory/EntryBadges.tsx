import { useTranslation } from 'react-i18next'
import { Badge } from '../../ui'

export type TEntryBadgesProps = {
  lastVerifiedOn: string
  isStale: boolean
  retiredAt: string | null
  national?: boolean
}

/**
 * How far to trust a directory entry at a glance: never verified, or verified more than twelve months ago, and
 * retired. Words, not colour alone.
 */
export function EntryBadges({ lastVerifiedOn, isStale, retiredAt, national = false }: TEntryBadgesProps) {
  const { t } = useTranslation()
  return (
    <span className="directory-page__badges">
      {national ? <Badge tone="indigo">{t('directory.badges.national')}</Badge> : null}
      {isStale ? (
        <Badge tone="accent">
          {lastVerifiedOn === ''
            ? t('directory.badges.neverVerified')
            : t('directory.badges.stale', { date: lastVerifiedOn })}
        </Badge>
      ) : null}
      {retiredAt === null ? null : <Badge>{t('directory.badges.retired')}</Badge>}
    </span>
  )
}
