/**
 * A polite live region that outlives page changes, for news that arrives as the person moves to another screen
 * ("Saved as CCIJ-2026-0001" while the case page opens). It is created when this module loads, long before
 * it speaks: a region created together with its text is often not read.
 */
const REGION_ID = 'app-announcer'

function region(): HTMLElement | null {
  if (typeof document === 'undefined') return null
  let element = document.getElementById(REGION_ID)
  if (element === null) {
    element = document.createElement('div')
    element.id = REGION_ID
    element.setAttribute('role', 'status')
    element.setAttribute('aria-live', 'polite')
    element.setAttribute('aria-atomic', 'true')
    element.className = 'visually-hidden'
    document.body.append(element)
  }
  return element
}

if (typeof document !== 'undefined' && document.body !== null) region()

/** Say `message` politely. It stays in the region until the next announcement. */
export function announce(message: string): void {
  const element = region()
  if (element === null) return
  element.textContent = ''
  // A fresh text node a moment later, so the same message twice is still read.
  window.setTimeout(() => {
    element.textContent = message
  }, 50)
}
