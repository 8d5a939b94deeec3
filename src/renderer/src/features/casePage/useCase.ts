import { useCallback, useEffect, useState } from 'react'
import type { TCaseDetail } from '../../../../shared/contract/cases'
import { api, callApi } from '../../api'
import { caseErrorKey, type TCaseErrorKey } from './errors'

export type TCaseState =
  | { state: 'loading' }
  | { state: 'failed'; errorKey: TCaseErrorKey }
  | { state: 'ready'; detail: TCaseDetail }

/**
 * The case without its sensitive sections. `reload()` fetches it again after a change (the timeline and the next
 * statuses are main's to compute) and keeps showing the current copy meanwhile, so the page does not flash.
 */
export function useCase(caseId: string): { current: TCaseState; reload: () => Promise<void> } {
  const [current, setCurrent] = useState<TCaseState>({ state: 'loading' })
  const [loadedId, setLoadedId] = useState(caseId)
  if (loadedId !== caseId) {
    // Another case: drop what the previous one showed before anything renders.
    setLoadedId(caseId)
    setCurrent({ state: 'loading' })
  }

  const fetchCase = useCallback(async (): Promise<TCaseState> => {
    const result = await callApi(() => api.cases.get({ caseId }))
    return result.ok
      ? { state: 'ready', detail: result.value }
      : { state: 'failed', errorKey: caseErrorKey(result.error) }
  }, [caseId])

  useEffect(() => {
    let isCurrent = true
    void fetchCase().then((next) => {
      if (isCurrent) setCurrent(next)
    })
    return () => {
      isCurrent = false
    }
  }, [fetchCase])

  const reload = useCallback(async () => {
    const next = await fetchCase()
    setCurrent((previous) =>
      // A failed refresh keeps the page; the action that asked for it already reported its own outcome.
      next.state === 'failed' && previous.state === 'ready' ? previous : next,
    )
  }, [fetchCase])

  return { current, reload }
}
