import { useState } from 'react'

/**
 * An import card's state, and a count that gives each outcome a fresh FocusedResult (a new key), so focus moves to
 * it even when it repeats. `setStatusOnly` redraws (a progress step) without moving focus.
 */
export function useImportStatus<TState>(initial: TState) {
  const [status, setStatusOnly] = useState<TState>(initial)
  const [outcome, setOutcome] = useState(0)
  const setStatus = (next: TState) => {
    setStatusOnly(next)
    setOutcome((count) => count + 1)
  }
  return { status, outcome, setStatus, setStatusOnly }
}
