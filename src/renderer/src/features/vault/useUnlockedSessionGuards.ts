import { useEffect } from 'react'
import { api, forgetEverything } from '../../api'
import { lockNow } from './lock'

const STATUS_POLL_MS = 20_000
const ACTIVITY_PING_MS = 30_000

/**
 * While the shell is shown: Ctrl/Cmd+L locks (in Electron the menu accelerator does too, in main); a status poll
 * catches a lock that happened elsewhere (idle timer, OS suspend) and forgets the page; typing, pointing and
 * scrolling tell main the person is still here, at most once every 30 seconds.
 */
export function useUnlockedSessionGuards(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isShortcut =
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'l'
      if (!isShortcut) return
      event.preventDefault()
      void lockNow('shortcut')
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])

  useEffect(() => {
    const timer = window.setInterval(() => {
      void api.vault
        .status()
        .then((result) => {
          if (result.ok && result.value.state !== 'unlocked') forgetEverything()
        })
        .catch(() => undefined)
    }, STATUS_POLL_MS)
    return () => window.clearInterval(timer)
  }, [])

  useActivityPing(true)
}

/** Tells main "still here" on input, throttled, so the idle lock waits while someone is working. */
export function useActivityPing(isEnabled: boolean): void {
  useEffect(() => {
    if (!isEnabled) return
    let lastPing = 0
    const onActivity = () => {
      const now = Date.now()
      if (now - lastPing < ACTIVITY_PING_MS) return
      lastPing = now
      void api.app.activity().catch(() => undefined)
    }
    const events = ['keydown', 'pointerdown', 'wheel'] as const
    for (const name of events) window.addEventListener(name, onActivity, { passive: true, capture: true })
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity, { capture: true })
    }
  }, [isEnabled])
}
