import { useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TBatchCase, TBatchProposal } from '../../../../shared/contract/batch-matching'
import { api, callApi } from '../../api'
import { usePolledProgress, type TPolledProgress } from '../../lib/usePolledProgress'
import {
  Badge,
  BusyIndicator,
  Button,
  Checkbox,
  LinkButton,
  LiveRegion,
  Notice,
  PageHeader,
  Section,
  TextLink,
} from '../../ui'
import { referralErrorKey, type TReferralErrorKey } from './errors'
import { Reasons } from './MatchingSection'
import './referrals.css'

/** Exclusion keys the batch explains in words; any other reads as "another reason". */
const WHY_KEYS = [
  'excluded.paused',
  'excluded.full',
  'excluded.conflict',
  'excluded.conflict_confirmed',
  'excluded.licence_province',
  'excluded.province_unknown',
  'excluded.licence_canada',
  'excluded.airport_not_covered',
  'excluded.airport_unknown',
  'excluded.declined',
] as const
type TWhyKey = (typeof WHY_KEYS)[number]
const whyKey = (key: string): TWhyKey | 'other' =>
  (WHY_KEYS as readonly string[]).includes(key) ? (key as TWhyKey) : 'other'

const readBatchProgress = async (): Promise<TPolledProgress | null> => {
  const result = await api.matching.batchProgress({})
  return result.ok && result.value !== null
    ? { done: result.value.casesRanked, total: result.value.cases }
    : null
}

const pairOf = (each: TBatchCase) =>
  each.proposal === null ? [] : [{ caseId: each.caseId, lawyerId: each.proposal.lawyerId }]

/** Why a case got nobody: no eligible lawyer (the commonest reasons), or the places went to other cases. */
function WhyNobody({ item }: { item: TBatchCase }) {
  const { t } = useTranslation()
  if (item.eligible > 0) return <p>{t('referrals.batch.placesTaken', { count: item.eligible })}</p>
  return (
    <>
      <p>{t('referrals.batch.noEligible')}</p>
      <ul className="referrals-reasons">
        {item.excludedBy.map(({ key, lawyers }) => (
          <li key={key}>
            {t(`referrals.batch.why.${whyKey(key).replace('excluded.', '')}` as 'referrals.batch.why.other', {
              count: lawyers,
            })}
          </li>
        ))}
      </ul>
    </>
  )
}

/**
 * What the proposal is doing: ranking the cases ("n of N"), then, once all are ranked, the solves (which, with the
 * conflicts checked between them, take most of a large batch while the bar sits at N of N).
 */
const batchLabel = (t: TFunction, ranking: TPolledProgress | null): string => {
  if (ranking === null) return t('referrals.batch.proposing')
  if (ranking.total > 0 && ranking.done >= ranking.total)
    return t('referrals.batch.solving', { count: ranking.total })
  return t('referrals.batch.ranked', { count: ranking.total, done: ranking.done })
}

/**
 * Every case awaiting a match at once: the proven-optimal proposal (urgent cases first), each pair with its
 * reasons and each case left over with why; staff approve all or some, and only then are referrals proposed.
 */
export function BatchMatchingPage() {
  const { t } = useTranslation()
  const [proposal, setProposal] = useState<TBatchProposal | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState<'proposing' | 'approving' | null>(null)
  const [errorKey, setErrorKey] = useState<TReferralErrorKey | null>(null)
  const [done, setDone] = useState<number | null>(null)
  const [stopped, setStopped] = useState(false)
  const [stopping, setStopping] = useState(false)
  const ranking = usePolledProgress(busy === 'proposing', readBatchProgress)

  const run = async () => {
    setBusy('proposing')
    setErrorKey(null)
    setDone(null)
    setStopped(false)
    setStopping(false)
    const result = await callApi(() => api.matching.batchPropose({}))
    setBusy(null)
    setStopping(false)
    if (!result.ok) {
      // Stopped on request: the earlier proposal (if any) is still on screen and still valid to approve.
      if (result.error?.code === 'CANCELLED') setStopped(true)
      else setErrorKey(referralErrorKey(result.error))
      return
    }
    setProposal(result.value)
    setSelected(new Set(result.value.cases.flatMap((each) => (each.proposal === null ? [] : [each.caseId]))))
  }
  const approve = async () => {
    if (proposal === null) return
    const pairs = proposal.cases.filter((each) => selected.has(each.caseId)).flatMap(pairOf)
    if (pairs.length === 0) return
    setBusy('approving')
    setErrorKey(null)
    const result = await callApi(() => api.matching.batchApprove({ pairs }))
    setBusy(null)
    if (!result.ok) {
      setErrorKey(referralErrorKey(result.error))
      return
    }
    // Approved pairs are referrals now: the proposal is spent, so it cannot be approved twice.
    setProposal(null)
    setSelected(new Set())
    setDone(result.value.created)
  }
  const stop = async () => {
    setStopping(true)
    const result = await callApi(() => api.matching.batchCancel({}))
    if (!result.ok || !result.value.cancelled) setStopping(false)
  }
  const toggle = (caseId: string, on: boolean) =>
    setSelected((before) => {
      const next = new Set(before)
      if (on) next.add(caseId)
      else next.delete(caseId)
      return next
    })

  const proposed = proposal?.cases.filter((each) => each.proposal !== null) ?? []
  const leftOver = proposal?.cases.filter((each) => each.proposal === null) ?? []
  const chosen = proposed.filter((each) => selected.has(each.caseId)).length

  return (
    <div className="referrals-page">
      <PageHeader
        title={t('referrals.batch.title')}
        description={t('referrals.batch.lede')}
        actions={<LinkButton href="/referrals">{t('referrals.batch.back')}</LinkButton>}
      />
      <LiveRegion>
        {done === null ? '' : t('referrals.batch.approved', { count: done })}
        {busy === 'proposing' ? t('referrals.batch.proposing') : ''}
        {stopped ? t('referrals.batch.stopped') : ''}
      </LiveRegion>
      {errorKey === null ? null : (
        <Notice tone="danger" live="alert">
          {t(`referrals.errors.${errorKey}`)}
        </Notice>
      )}
      {done === null ? null : (
        <Notice tone="success">
          {t('referrals.batch.approved', { count: done })}{' '}
          <TextLink href="/referrals?state=proposed">{t('referrals.batch.seeProposed')}</TextLink>
        </Notice>
      )}
      <div className="referrals-case__actions">
        <Button
          variant={proposal === null ? 'primary' : 'secondary'}
          onPress={() => void run()}
          isDisabled={busy !== null}
        >
          {proposal === null ? t('referrals.batch.propose') : t('referrals.batch.proposeAgain')}
        </Button>
      </div>
      {stopped ? <Notice tone="info">{t('referrals.batch.stopped')}</Notice> : null}
      {busy === 'approving' ? <BusyIndicator label={t('referrals.batch.approving')} /> : null}
      {busy === 'proposing' ? (
        <div className="referrals-batch__progress">
          <BusyIndicator label={batchLabel(t, ranking)} progress={ranking} />
          <Button onPress={() => void stop()} isDisabled={stopping}>
            {stopping ? t('referrals.batch.stopping') : t('referrals.batch.stop')}
          </Button>
        </div>
      ) : null}
      {proposal === null ? null : (
        <>
          <p role="status">
            {t('referrals.batch.summary', {
              count: proposal.cases.length,
              assigned: proposal.assigned,
              urgent: proposal.urgentAssigned,
              lawyers: proposal.lawyers,
            })}{' '}
            {proposal.proven
              ? t('referrals.batch.proven', {
                  pairs: proposal.pairsUsed,
                  eligible: proposal.pairsEligible,
                  ms: proposal.elapsedMs,
                })
              : null}
          </p>
          <Section
            id="batch-proposed-title"
            title={t('referrals.batch.proposedTitle', { count: proposed.length })}
          >
            {proposed.length === 0 ? (
              <p>{t('referrals.batch.noneProposed')}</p>
            ) : (
              <>
                <div className="referrals-case__actions">
                  <Button onPress={() => setSelected(new Set(proposed.map((each) => each.caseId)))}>
                    {t('referrals.batch.selectAll')}
                  </Button>
                  <Button onPress={() => setSelected(new Set())}>{t('referrals.batch.selectNone')}</Button>
                </div>
                <ul className="referrals-ranking__list" aria-label={t('referrals.batch.proposedLabel')}>
                  {proposed.map((each) => (
                    <li key={each.caseId} className="referrals-ranking__item">
                      <Checkbox
                        isSelected={selected.has(each.caseId)}
                        onChange={(on) => toggle(each.caseId, on)}
                      >
                        {t('referrals.batch.pair', {
                          reference: each.reference,
                          name: each.proposal?.lawyerName ?? '',
                        })}
                      </Checkbox>
                      <p className="referrals-case__line">
                        <TextLink href={`/survivors/${each.caseId}`}>{each.reference}</TextLink>{' '}
                        {each.urgent ? <Badge tone="indigo">{t('referrals.list.urgent')}</Badge> : null}{' '}
                        <span>{t('referrals.matching.score', { score: each.proposal?.score ?? 0 })}</span>
                      </p>
                      <Reasons reasons={each.proposal?.reasons ?? []} />
                    </li>
                  ))}
                </ul>
                <div className="referrals-case__actions">
                  <Button
                    variant="primary"
                    onPress={() => void approve()}
                    isDisabled={chosen === 0 || busy !== null}
                  >
                    {t('referrals.batch.approve', { count: chosen })}
                  </Button>
                </div>
              </>
            )}
          </Section>
          <Section id="batch-left-title" title={t('referrals.batch.leftTitle', { count: leftOver.length })}>
            {leftOver.length === 0 ? (
              <p>{t('referrals.batch.noneLeft')}</p>
            ) : (
              <ul className="referrals-ranking__list" aria-label={t('referrals.batch.leftLabel')}>
                {leftOver.map((each) => (
                  <li key={each.caseId} className="referrals-ranking__item">
                    <p className="referrals-case__line">
                      <TextLink href={`/survivors/${each.caseId}`}>{each.reference}</TextLink>{' '}
                      {each.urgent ? <Badge tone="indigo">{t('referrals.list.urgent')}</Badge> : null}
                    </p>
                    <WhyNobody item={each} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </div>
  )
}
