import { useEffect, useRef, type ReactNode } from 'react'

/**
 * The outcome of an action the person just took. It takes focus when it appears, so keyboard and
 * screen-reader users land on the result (not on <body>, where focus goes when the button they pressed
 * is disabled or removed). Mount a new one for each new outcome (a fresh `key` if need be).
 */
export function FocusedResult({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <div ref={ref} tabIndex={-1} className="admin-result">
      {children}
    </div>
  )
}
