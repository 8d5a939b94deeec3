import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TOrganizationRankingView } from '../../../../shared/contract/organization-matching'
import type { TReferral } from '../../../../shared/contract/referrals'
import { OPEN_REFERRAL_STATES } from '../../../../shared/referrals/vocabulary'
import { api, callApi } from '../../api'
import { Badge, BusyIndicator, Button } from '../../ui'
import { referralErrorKey, type TReferralErrorKey } from './errors'
import { Reasons } from './Reasons'

type TOrganizationRankingProps = {
  caseId: string
  /** The case's referrals: an organization with one still open is not offered again. */
  referrals: readonly TReferral[]
  onReferred: (message: string) => Promise<void>
  onError: (key: TReferralErrorKey | null) => void
}

/**
 * The Matching section's Organizations part: the directory ranked for this survivor on demand (an audited view of
 * the case), the best ones with their reasons and "Refer" (a proposed organization referral, which never moves the
 * case's status), and the ones left out with why.
 */
export function OrganizationRanking({ caseId, referrals, onReferred, onError }: TOrganizationRankingProps) {
  const { t } = useTranslation()
  const [ranking, setRanking] = useState<TOrganizationRankingView | null>(null)
  const [isRanking, setIsRanking] = useState(false)
  const open = new Set(
    referrals
      .filter((each) => each.recipientKind === 'organization' && OPEN_REFERRAL_STATES.includes(each.state))
      .map((each) => each.recipientId),
  )

  const rank = async () => {
    setIsRanking(true)
    onError(null)
    const result = await callApi(() => api.matching.rankOrganizations({ caseId }))
    setIsRanking(false)
    if (result.ok) setRanking(result.value)
    else onError(referralErrorKey(result.error))
  }
  const refer = async (organizationId: string, name: string) => {
    onError(null)
    const result = await callApi(() =>
      api.referrals.propose({ caseId, recipientKind: 'organization', recipientId: organizationId }),
    )
    if (!result.ok) {
      onError(referralErrorKey(result.error))
      return
    }
    await onReferred(t('referrals.orgMatching.referred', { name }))
  }

  return (
    <section className="referrals-ranking" aria-labelledby="case-organizations-title">
      <div className="referrals-organizations__head">
        <h3 id="case-organizations-title" className="referrals-case__title">
          {t('referrals.orgMatching.title')}
        </h3>
        <Button onPress={() => void rank()} isDisabled={isRanking}>
          {ranking === null ? t('referrals.orgMatching.find') : t('referrals.orgMatching.refresh')}
        </Button>
      </div>
      <p>{t('referrals.orgMatching.lede')}</p>
      {isRanking ? <BusyIndicator label={t('referrals.orgMatching.loading')} /> : null}
      {ranking === null ? null : (
        <>
          <h4 className="referrals-case__title">
            {t('referrals.orgMatching.ranked', { count: ranking.rankedTotal })}
          </h4>
          {ranking.ranked.length === 0 ? (
            <p>{t('referrals.orgMatching.none')}</p>
          ) : (
            <ol className="referrals-ranking__list" aria-label={t('referrals.orgMatching.rankedLabel')}>
              {ranking.ranked.slice(0, 10).map((organization) => (
                <li key={organization.organizationId} className="referrals-ranking__item">
                  <p className="referrals-case__line">
                    <strong dir="auto">{organization.name}</strong>{' '}
                    <span>{t('referrals.matching.score', { score: organization.score })}</span>{' '}
                    {organization.national ? <Badge>{t('referrals.orgMatching.national')}</Badge> : null}
                  </p>
                  <Reasons reasons={organization.reasons} />
                  {open.has(organization.organizationId) ? (
                    <p>{t('referrals.orgMatching.alreadyOpen')}</p>
                  ) : (
                    <Button
                      variant="primary"
                      aria-label={t('referrals.orgMatching.referTo', { name: organization.name })}
                      onPress={() => void refer(organization.organizationId, organization.name)}
                    >
                      {t('referrals.orgMatching.refer')}
                    </Button>
                  )}
                </li>
              ))}
            </ol>
          )}
          <h4 className="referrals-case__title">
            {t('referrals.orgMatching.excluded', { count: ranking.excludedTotal })}
          </h4>
          <ul className="referrals-ranking__list" aria-label={t('referrals.orgMatching.excludedLabel')}>
            {ranking.excluded.slice(0, 20).map((organization) => (
              <li key={organization.organizationId} className="referrals-ranking__item">
                <p className="referrals-case__line">
                  <strong dir="auto">{organization.name}</strong>
                </p>
                <Reasons reasons={organization.reasons} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
