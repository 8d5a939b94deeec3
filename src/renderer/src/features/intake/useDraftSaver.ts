import { useCallback, useEffect, useRef, useState } from 'react'
import type { TIntakeStepId } from '../../../../shared/cases/intake-schema'
import { api } from '../../api'
import { registerBeforeLock } from '../vault'

const AUTOSAVE_DELAY_MS = 2000

export type TDraftSaver = {
  draftId: string | undefined
  /** ISO 8601 of the last successful save. */
  savedAt: string | null
  failed: boolean
  /** Save now (at a step change); later calls wait for earlier ones, so the first save's id is reused. */
  saveNow: (step: TIntakeStepId) => Promise<void>
  /** Save after a pause in typing. */
  schedule: (step: TIntakeStepId) => void
  /** Wait for pending saves and stop saving (before submit or discard, so no save brings a draft back). */
  stop: () => Promise<void>
  /** Save again after a refused submit. */
  resume: () => void
}

/**
 * Keeps the wizard's answers in an encrypted draft in main, so a lock (idle, Ctrl+L, sleep) loses nothing.
 * Nothing is saved until something was typed. The first save's id goes into the address
 * (`#/survivors/new/<id>`) with history.replaceState: the page stays as it is and focus stays where it was.
 */
export function useDraftSaver(
  getData: () => Record<string, unknown>,
  initialDraftId: string | undefined,
  hasChanges: () => boolean,
): TDraftSaver {
  const [draftId, setDraftId] = useState(initialDraftId)
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const idRef = useRef(initialDraftId)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const timer = useRef<number | undefined>(undefined)
  /** The step of an autosave that is waiting for a pause in typing; null when none is. */
  const pendingStep = useRef<TIntakeStepId | null>(null)
  const stopped = useRef(false)
  const mounted = useRef(true)

  // Leaving the wizard during the pause after typing (another section, Back) saves what is waiting instead of
  // dropping it with the timer: a name typed and left within two seconds used to be lost without a word.
  const saveOnLeave = useRef<(step: TIntakeStepId) => Promise<void>>(() => Promise.resolve())
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      window.clearTimeout(timer.current)
      const step = pendingStep.current
      if (step !== null && !stopped.current) void saveOnLeave.current(step)
    }
  }, [])

  const run = useCallback(
    async (step: TIntakeStepId) => {
      if (stopped.current) return
      if (idRef.current === undefined && !hasChanges()) return
      try {
        const result = await api.intake.saveDraft({
          ...(idRef.current === undefined ? {} : { id: idRef.current }),
          step,
          data: getData(),
        })
        if (!mounted.current) return
        if (!result.ok) {
          setFailed(true)
          return
        }
        if (idRef.current === undefined) {
          idRef.current = result.value.id
          setDraftId(result.value.id)
          window.history.replaceState(window.history.state, '', `#/survivors/new/${result.value.id}`)
        }
        setSavedAt(result.value.updatedAt)
        setFailed(false)
      } catch {
        if (mounted.current) setFailed(true)
      }
    },
    [getData, hasChanges],
  )

  const saveNow = useCallback(
    (step: TIntakeStepId) => {
      window.clearTimeout(timer.current)
      pendingStep.current = null
      chain.current = chain.current.then(() => run(step))
      return chain.current
    },
    [run],
  )

  useEffect(() => {
    saveOnLeave.current = saveNow
  }, [saveNow])

  const schedule = useCallback(
    (step: TIntakeStepId) => {
      if (stopped.current) return
      window.clearTimeout(timer.current)
      pendingStep.current = step
      timer.current = window.setTimeout(() => void saveNow(step), AUTOSAVE_DELAY_MS)
    },
    [saveNow],
  )

  // Ctrl+L or the Lock button right after typing: save what is waiting before the vault closes.
  useEffect(
    () =>
      registerBeforeLock(async () => {
        const step = pendingStep.current
        if (step !== null) await saveNow(step)
        else await chain.current
      }),
    [saveNow],
  )

  const stop = useCallback(async () => {
    stopped.current = true
    window.clearTimeout(timer.current)
    await chain.current
  }, [])

  const resume = useCallback(() => {
    stopped.current = false
  }, [])

  return { draftId, savedAt, failed, saveNow, schedule, stop, resume }
}
