import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TReferral } from '../../../../shared/contract/referrals'
import type { TReferralAction } from '../../../../shared/referrals/vocabulary'
import { formatDay } from '../../lib/dates'
import { Badge, Button } from '../../ui'
import { ReferralActionDialog } from './ReferralActionDialog'

/** A referral's follow-up in words: due by a day, or overdue since it. */
export function FollowUp({ referral }: { referral: TReferral }) {
  const { t, i18n } = useTranslation()
  if (referral.followUpOn === null) return null
  const date = formatDay(referral.followUpOn, i18n.language)
  return referral.isOverdue ? (
    <span className="referrals-overdue">
      <span aria-hidden="true">! </span>
      {t('referrals.list.overdue', { date })}
    </span>
  ) : (
    <span>{t('referrals.list.followUp', { date })}</span>
  )
}

/** The referrals of one case, each with the steps staff may record next. */
export function CaseReferrals({
  referrals,
  onChanged,
}: {
  referrals: readonly TReferral[]
  onChanged: (message: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [target, setTarget] = useState<{ referral: TReferral; action: TReferralAction } | null>(null)
  return (
    <div className="referrals-case">
      <h3 className="referrals-case__title">{t('referrals.matching.referralsTitle')}</h3>
      {referrals.length === 0 ? (
        <p className="referrals-muted">{t('referrals.matching.noReferrals')}</p>
      ) : (
        <ul className="referrals-case__list">
          {referrals.map((referral) => (
            <li key={referral.id} className="referrals-case__item">
              <p className="referrals-case__line">
                <strong>{referral.recipientName}</strong>{' '}
                <Badge tone="indigo">{t(`referrals.kind.${referral.recipientKind}`)}</Badge>{' '}
                <Badge tone={referral.state === 'accepted' ? 'accent' : 'neutral'}>
                  {t(`referrals.state.${referral.state}`)}
                </Badge>{' '}
                <FollowUp referral={referral} />
              </p>
              {referral.note === '' ? null : (
                <p className="referrals-muted" dir="auto">
                  {referral.note}
                </p>
              )}
              {referral.actions.length === 0 ? null : (
                <div className="referrals-case__actions">
                  {referral.actions.map((action) => (
                    <Button key={action} onPress={() => setTarget({ referral, action })}>
                      {t(`referrals.action.${action}`)}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ReferralActionDialog
        target={target}
        onClose={() => setTarget(null)}
        onDone={async (message) => {
          setTarget(null)
          await onChanged(message)
        }}
      />
    </div>
  )
}
