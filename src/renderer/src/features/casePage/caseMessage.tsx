import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

/**
 * The page's one confirmation ("Task added: …"), shown by the panel whose action it confirms. A new action
 * anywhere on the page (typing, ticking, choosing) clears it, so an old message never stands beside a new state.
 */
type TCaseMessage = { panel: string; text: string }
type TCaseMessageContext = {
  message: TCaseMessage | null
  setMessage: (message: TCaseMessage | null) => void
}

const CaseMessageContext = createContext<TCaseMessageContext>({ message: null, setMessage: () => undefined })

export function CaseMessageProvider({ children }: { children: (clear: () => void) => ReactNode }) {
  const [message, setMessage] = useState<TCaseMessage | null>(null)
  const value = useMemo(() => ({ message, setMessage }), [message])
  const clear = useCallback(() => setMessage(null), [])
  return <CaseMessageContext.Provider value={value}>{children(clear)}</CaseMessageContext.Provider>
}

/** This panel's confirmation ('' when another panel spoke last or the person has acted since), and its setter. */
export function useCaseMessage(panel: string): [string, (text: string) => void] {
  const { message, setMessage } = useContext(CaseMessageContext)
  const set = useCallback(
    (text: string) => setMessage(text === '' ? null : { panel, text }),
    [panel, setMessage],
  )
  return [message?.panel === panel ? message.text : '', set]
}
