import type { ReactNode } from 'react'

export type TLiveRegionProps = {
  /** 'assertive' for errors that block the person, 'polite' for confirmations. */
  politeness?: 'assertive' | 'polite'
  children?: ReactNode
  className?: string
}

/**
 * Always in the DOM, so screen readers announce what appears inside it (a Notice after a failed submit).
 * Mount it with the form and swap its children: a region created together with its text is often not read.
 */
export function LiveRegion({ politeness = 'assertive', children, className }: TLiveRegionProps) {
  return (
    <div aria-live={politeness} aria-atomic="true" className={className}>
      {children}
    </div>
  )
}
