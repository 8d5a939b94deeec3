import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TCaseRankingView, TMatchReason, TReferral } from '../../../../shared/contract/referrals'
import { api, callApi } from '../../api'
import { useApiQuery } from '../../lib/useApiQuery'
import { BusyIndicator, Button, LiveRegion, Notice, Section } from '../../ui'
import { CaseReferrals } from './CaseReferrals'
import { ConflictReviewDialog, type TConflictHitView } from './ConflictReviewDialog'
import { referralErrorKey, type TReferralErrorKey } from './errors'
import { OrganizationRanking } from './OrganizationRanking'
import { Reasons } from './Reasons'
import './referrals.css'

/** Kept here too: the batch page imports it from this file. */
export { Reasons }

const isConflict = (reason: TMatchReason) =>
  reason.key === 'excluded.conflict' || reason.key === 'excluded.conflict_confirmed'

const hitOf = (lawyerId: string, lawyerDisplayName: string, reason: TMatchReason): TConflictHitView => {
  const { params } = reason
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return {
    lawyerId,
    lawyerDisplayName,
    hitKey: text(params['hitKey']),
    survivorName: text(params['survivorName']),
    lawyerName: text(params['lawyerName']),
    source: text(params['source']),
    score: typeof params['score'] === 'number' ? params['score'] : 0,
    evidence: Array.isArray(params['evidence']) ? params['evidence'].map(String) : [],
  }
}

/**
 * The case page's Matching section: the ranking on demand (reading it is an audited view of the case), the best
 * lawyers with their reasons and "Propose referral", the excluded ones with why (conflicts to review first), and
 * the case's referrals with their next steps.
 */
export function MatchingSection({ caseId, onChanged }: { caseId: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation()
  const [ranking, setRanking] = useState<TCaseRankingView | null>(null)
  const [isRanking, setIsRanking] = useState(false)
  const [errorKey, setErrorKey] = useState<TReferralErrorKey | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [hit, setHit] = useState<TConflictHitView | null>(null)
  const listReferrals = useCallback(() => api.referrals.list({ caseId, limit: 200 }), [caseId])
  const referrals = useApiQuery(listReferrals)
  const caseReferrals: TReferral[] = referrals.load.state === 'ready' ? referrals.load.value.rows : []

  const rank = async () => {
    setIsRanking(true)
    setErrorKey(null)
    const result = await callApi(() => api.matching.rank({ caseId }))
    setIsRanking(false)
    if (result.ok) setRanking(result.value)
    else setErrorKey(referralErrorKey(result.error))
  }
  const afterChange = async (message: string) => {
    setAnnouncement(message)
    referrals.reload()
    await onChanged()
    if (ranking !== null) await rank()
  }
  const propose = async (lawyerId: string, name: string) => {
    setErrorKey(null)
    const result = await callApi(() =>
      api.referrals.propose({ caseId, recipientKind: 'lawyer', recipientId: lawyerId }),
    )
    if (!result.ok) {
      setErrorKey(referralErrorKey(result.error))
      return
    }
    await afterChange(t('referrals.matching.proposed', { name }))
  }

  return (
    <Section
      id="case-matching-title"
      title={t('referrals.matching.title')}
      lede={t('referrals.matching.lede')}
      action={
        <Button onPress={() => void rank()} isDisabled={isRanking}>
          {ranking === null ? t('referrals.matching.find') : t('referrals.matching.refresh')}
        </Button>
      }
    >
      <LiveRegion>{announcement}</LiveRegion>
      {errorKey === null ? null : (
        <Notice tone="danger" live="alert">
          {t(`referrals.errors.${errorKey}`)}
        </Notice>
      )}
      <CaseReferrals referrals={caseReferrals} onChanged={afterChange} />
      {isRanking ? <BusyIndicator label={t('referrals.matching.loading')} /> : null}
      {ranking === null ? null : (
        <div className="referrals-ranking">
          <h3 className="referrals-case__title">
            {t('referrals.matching.ranked', { count: ranking.rankedTotal })}
          </h3>
          {ranking.ranked.length === 0 ? (
            <p>{t('referrals.matching.none')}</p>
          ) : (
            <ol className="referrals-ranking__list" aria-label={t('referrals.matching.rankedLabel')}>
              {ranking.ranked.slice(0, 10).map((lawyer) => (
                <li key={lawyer.lawyerId} className="referrals-ranking__item">
                  <p className="referrals-case__line">
                    <strong>{lawyer.name}</strong>{' '}
                    <span>{t('referrals.matching.score', { score: lawyer.score })}</span>
                  </p>
                  <Reasons reasons={lawyer.reasons} />
                  <Button
                    variant="primary"
                    aria-label={t('referrals.matching.proposeTo', { name: lawyer.name })}
                    onPress={() => void propose(lawyer.lawyerId, lawyer.name)}
                  >
                    {t('referrals.matching.propose')}
                  </Button>
                </li>
              ))}
            </ol>
          )}
          <h3 className="referrals-case__title">
            {t('referrals.matching.excluded', { count: ranking.excludedTotal })}
          </h3>
          <ul className="referrals-ranking__list" aria-label={t('referrals.matching.excludedLabel')}>
            {ranking.excluded.slice(0, 20).map((lawyer) => {
              const conflict = lawyer.reasons.find((reason) => reason.key === 'excluded.conflict')
              return (
                <li key={lawyer.lawyerId} className="referrals-ranking__item">
                  <p className="referrals-case__line">
                    <strong>{lawyer.name}</strong>
                  </p>
                  <Reasons reasons={lawyer.reasons} />
                  {conflict === undefined || !lawyer.reasons.some(isConflict) ? null : (
                    <Button
                      aria-label={t('referrals.matching.reviewWith', { name: lawyer.name })}
                      onPress={() => setHit(hitOf(lawyer.lawyerId, lawyer.name, conflict))}
                    >
                      {t('referrals.matching.review')}
                    </Button>
                  )}
                </li>
              )
            })}
          </ul>
        </div>
      )}
      <OrganizationRanking
        caseId={caseId}
        referrals={caseReferrals}
        onReferred={afterChange}
        onError={setErrorKey}
      />
      <ConflictReviewDialog
        caseId={caseId}
        hit={hit}
        onClose={() => setHit(null)}
        onReviewed={async (message) => {
          setHit(null)
          await afterChange(message)
        }}
      />
    </Section>
  )
}
