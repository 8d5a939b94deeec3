import type { ReactNode } from 'react'
import type { TIpcError } from '../../../../shared/result'
import { BusyIndicator, Notice, type TBusyIndicatorProps, type TNoticeProps } from '../../ui'
import { FocusedResult } from './FocusedResult'
import type { TFileAction } from './useFileAction'

/** What an action came to, as a notice: `id` tells outcomes apart, so a new one takes focus again. */
export type TOutcome = {
  id: string | number
  tone: TNoticeProps['tone']
  title?: string
  text: ReactNode
  /** Below the notice, inside the focused result: a next step, or the details. */
  after?: ReactNode
}

export type TActionOutcomeProps = {
  /** While the action runs: its progress bar (announced politely). */
  busy: TBusyIndicatorProps | null
  outcome: TOutcome | null
  /** The status region's class; inside an admin card it takes no room while empty. */
  regionClassName?: string
}

/**
 * The progress and outcome of an admin action (verify, back up, restore, import, export, save): a status
 * region for the progress bar, then the outcome, which takes focus because the button that started the action
 * is disabled while it runs.
 */
export function ActionOutcome({
  busy,
  outcome,
  regionClassName = 'admin-card__result',
}: TActionOutcomeProps) {
  return (
    <>
      <div role="status" className={regionClassName}>
        {busy === null ? null : <BusyIndicator {...busy} />}
      </div>
      {outcome === null ? null : (
        <FocusedResult key={outcome.id}>
          <Notice tone={outcome.tone} {...(outcome.title === undefined ? {} : { title: outcome.title })}>
            {outcome.text}
          </Notice>
          {outcome.after}
        </FocusedResult>
      )}
    </>
  )
}

/** A file action's outcome in words: what was done, that it was cancelled, or why it was refused. */
export function fileActionOutcome<T>(
  action: TFileAction<T>,
  words: {
    done: (value: T, at: Date) => Omit<TOutcome, 'id'>
    cancelled: string
    failed: (error: TIpcError | null) => string
  },
): TOutcome | null {
  switch (action.state) {
    case 'done':
      return { id: 'done', ...words.done(action.value, action.at) }
    case 'cancelled':
      return { id: 'cancelled', tone: 'info', text: words.cancelled }
    case 'failed':
      return { id: 'failed', tone: 'danger', text: words.failed(action.error) }
    default:
      return null
  }
}
