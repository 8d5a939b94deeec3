import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import { LiveRegion, Notice, type TLiveRegionProps } from '../../ui'
import type { TThrottle } from './useThrottle'

/**
 * "Too many attempts. Try again in N seconds." The sentence is announced once when it appears; the number then
 * counts down on screen without being read out every second (aria-live="off" on the part that changes).
 */
export function ThrottleNotice({ seconds }: { seconds: number }) {
  const { t } = useTranslation()
  const [before, after] = t('vault.unlock.throttled', { count: seconds }).split(String(seconds))
  return (
    <Notice tone="warning">
      {before}
      <span aria-live="off">{seconds}</span>
      {after}
    </Notice>
  )
}

/** A gate form's announced outcome: while throttled, the countdown; otherwise `children` (a refusal or none). */
export function AttemptOutcome({
  throttle,
  politeness,
  children,
}: {
  throttle: TThrottle
  politeness?: TLiveRegionProps['politeness']
  children: ReactNode
}) {
  return (
    <LiveRegion {...(politeness === undefined ? {} : { politeness })}>
      {throttle.isWaiting ? <ThrottleNotice seconds={throttle.secondsLeft} /> : children}
    </LiveRegion>
  )
}
