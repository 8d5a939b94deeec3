import { createApi, type TCcijApi } from '../../shared/api'
import type { TChannelName } from '../../shared/contract'
import type { TIpcError, TIpcResult } from '../../shared/result'

type TAnyCall = (request?: unknown) => Promise<unknown>

const isLockedAnswer = (answer: unknown): boolean =>
  typeof answer === 'object' &&
  answer !== null &&
  'ok' in answer &&
  answer.ok === false &&
  'error' in answer &&
  typeof answer.error === 'object' &&
  answer.error !== null &&
  'code' in answer.error &&
  answer.error.code === 'LOCKED'

/**
 * Drops everything the renderer holds: the page, React state, the DOM and any survivor data in them.
 * The app then starts again at the unlock screen. The one way the renderer forgets, used by every lock path.
 */
export function forgetEverything(): void {
  window.location.reload()
}

/**
 * `window.api` with the one rule every caller needs: an answer that says the vault is LOCKED (idle lock, OS
 * suspend, a lock from the menu) reloads the page at once, so no screen keeps showing what it had loaded.
 * Screens import this instead of reaching for `window.api`.
 */
export const api: TCcijApi = createApi(async (channel: TChannelName, request: unknown) => {
  const [feature, verb] = channel.split(':') as [string, string]
  const call = (window.api as unknown as Record<string, Record<string, TAnyCall>>)[feature]?.[verb]
  if (call === undefined) throw new Error(`window.api has no ${channel}`)
  const answer = await call(request)
  if (isLockedAnswer(answer)) forgetEverything()
  return answer
})

/** An answer from main, or `error: null` when the call itself failed (the transport threw). */
export type TApiResult<T> = { ok: true; value: T } | { ok: false; error: TIpcError | null }

/**
 * Calls main and turns a thrown transport failure into the same shape as a refused request, so a screen handles
 * one kind of failure: `const result = await callApi(() => api.cases.get({ caseId }))`.
 */
export async function callApi<T>(call: () => Promise<TIpcResult<T>>): Promise<TApiResult<T>> {
  try {
    return await call()
  } catch {
    return { ok: false, error: null }
  }
}
