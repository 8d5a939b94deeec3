import { useCallback, useState } from 'react'
import type { TIpcError, TIpcResult } from '../../../../shared/result'
import { callApi } from '../../api'

/**
 * An admin action on a file the person chooses in main's native dialog (back up, restore, export): it runs,
 * then is done (with main's answer and when), cancelled (the dialog was closed), or refused.
 */
export type TFileAction<T> =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; value: T; at: Date }
  | { state: 'cancelled' }
  | { state: 'failed'; error: TIpcError | null }

/** Runs `call`; `isDone(answer)` says whether a file was written or read, or the person cancelled. */
export function useFileAction<T>(
  call: () => Promise<TIpcResult<T>>,
  isDone: (answer: T) => boolean,
): { action: TFileAction<T>; run: () => Promise<void> } {
  const [action, setAction] = useState<TFileAction<T>>({ state: 'idle' })
  const run = useCallback(async () => {
    setAction({ state: 'running' })
    const result = await callApi(call)
    if (!result.ok) setAction({ state: 'failed', error: result.error })
    else if (!isDone(result.value)) setAction({ state: 'cancelled' })
    else setAction({ state: 'done', value: result.value, at: new Date() })
  }, [call, isDone])
  return { action, run }
}
