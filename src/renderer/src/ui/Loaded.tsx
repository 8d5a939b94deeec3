import type { ReactNode } from 'react'
import { BusyIndicator } from './BusyIndicator'
import { Notice } from './Notice'

/** Something a screen reads when it shows: on its way, refused (`error` is the refusal, or null), or here. */
export type TLoad<T, E = unknown> =
  { state: 'loading' } | { state: 'failed'; error: E } | { state: 'ready'; value: T }

export type TLoadedProps<T, E> = {
  load: TLoad<T, E>
  /** What is being read, e.g. "Loading the accounts…". */
  loadingLabel: string
  /** Why it could not be read, in words. */
  failedText: (error: E) => string
  children: (value: T) => ReactNode
}

/** A progress bar while something loads, an announced notice if it could not be read, then the content. */
export function Loaded<T, E>({ load, loadingLabel, failedText, children }: TLoadedProps<T, E>) {
  if (load.state === 'loading') return <BusyIndicator label={loadingLabel} />
  if (load.state === 'failed') {
    return (
      <Notice tone="danger" live="alert">
        {failedText(load.error)}
      </Notice>
    )
  }
  return <>{children(load.value)}</>
}
