import type { MouseEvent, ReactNode, RefObject } from 'react'

type TSkipLinkProps = {
  targetRef: RefObject<HTMLElement | null>
  children: ReactNode
}

/**
 * The first stop for keyboard users. A native link to `#main`, but it moves focus itself: with hash routing,
 * letting the browser follow `#main` would be read as a route change.
 */
export function SkipLink({ targetRef, children }: TSkipLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    targetRef.current?.focus()
  }
  return (
    <a className="app-skip-link" href="#main" onClick={onClick}>
      {children}
    </a>
  )
}
