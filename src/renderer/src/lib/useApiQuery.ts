import { useCallback, useEffect, useState } from 'react'
import type { TIpcError, TIpcResult } from '../../../shared/result'
import { callApi } from '../api'
import type { TLoad } from '../ui'

export type TApiLoad<T> = TLoad<T, TIpcError | null>

/**
 * Reads something from main when the screen shows, again when `call` changes (make it with useCallback from
 * what it depends on, or define it outside the component) and on `reload()`. A reload keeps showing what was
 * read until the new answer arrives, so the screen does not flash; an answer for a screen that moved on is
 * dropped. `error` is null when the call itself failed.
 */
export function useApiQuery<T>(call: () => Promise<TIpcResult<T>>): {
  load: TApiLoad<T>
  reload: () => void
} {
  const [load, setLoad] = useState<TApiLoad<T>>({ state: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let isCurrent = true
    void callApi(call).then((result) => {
      if (!isCurrent) return
      setLoad(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error })
    })
    return () => {
      isCurrent = false
    }
  }, [call, version])
  const reload = useCallback(() => setVersion((count) => count + 1), [])
  return { load, reload }
}
