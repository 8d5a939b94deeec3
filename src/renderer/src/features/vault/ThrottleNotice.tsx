import { useTranslation } from 'react-i18next'
import { Notice } from '../../ui'

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
