import { useCallback, useEffect, useRef, useState } from 'react'
import { I18nProvider } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { createHashRouter, RouterProvider } from 'react-router'
import type { TVaultStatusResponse } from '../../../shared/contract/vault'
import type { TIpcError } from '../../../shared/result'
import { api } from '../api'
import { localeTag } from '../lib/dates'
import {
  FirstPassphrasePage,
  FirstRunPage,
  GateErrorScreen,
  OpeningScreen,
  RecoveryKeyUnconfirmedPage,
  RecoveryPage,
  UnlockPage,
  useUnlockedSessionGuards,
  VaultSessionContext,
  type TVaultSession,
} from '../features/vault'
import { LanguageSwitch } from './LanguageSwitch'
import { returnPathOf } from './returnPath'
import { routes } from './routes'

type TGate =
  | { kind: 'opening' }
  | { kind: 'error'; error: TIpcError }
  | { kind: 'no-vault' }
  | {
      kind: 'locked'
      accounts: TVaultStatusResponse['accounts']
      lastLockReason: TVaultStatusResponse['lastLockReason']
      view: 'unlock' | 'recovery'
    }
  | { kind: 'recovery-unconfirmed'; session: TVaultSession; reason: 'unconfirmed' | 'used' }
  /** Unlocked with a passphrase an admin chose: main refuses everything until the person chooses their own. */
  | { kind: 'first-passphrase'; session: TVaultSession }
  /** `isFromGate`: opened by a gate screen (not a reload), so the shell moves focus to the page's h1. */
  | { kind: 'unlocked'; session: TVaultSession; isFromGate: boolean }

/** How the vault came to be open: by a gate screen, by the recovery key, or it already was (a reload). */
type TArrival = 'reload' | 'gate' | 'recovery'

const UNREADABLE: TIpcError = { code: 'INTERNAL', message: 'status unavailable' }

function gateFor(status: TVaultStatusResponse, arrival: TArrival): TGate {
  if (status.state === 'no-vault') return { kind: 'no-vault' }
  if (status.state === 'locked' || status.staff === null) {
    return {
      kind: 'locked',
      accounts: status.accounts,
      lastLockReason: status.lastLockReason,
      view: 'unlock',
    }
  }
  const session = { staff: status.staff, organizationName: status.organizationName }
  if (status.staff.mustChangePassphrase === true) return { kind: 'first-passphrase', session }
  // An admin cannot go on while the recovery key may be lost or was just used: only they can issue a new one.
  if (status.staff.role === 'admin' && status.recoveryKeyConfirmed === false) {
    return { kind: 'recovery-unconfirmed', session, reason: arrival === 'recovery' ? 'used' : 'unconfirmed' }
  }
  return { kind: 'unlocked', session, isFromGate: arrival !== 'reload' }
}

/**
 * The renderer's root, and the vault's gate: nothing but the first-run, unlock or recovery screen renders until
 * main says the vault is unlocked. Locking reloads the page, so the shell and everything it loaded are gone.
 */
export function App() {
  const { i18n } = useTranslation()
  // React Aria's dates and numbers follow the app's language, in their Canadian forms.
  return (
    <I18nProvider locale={localeTag(i18n.language)}>
      <VaultGate />
    </I18nProvider>
  )
}

function VaultGate() {
  const [gate, setGate] = useState<TGate>({ kind: 'opening' })

  const readStatus = useCallback(async (arrival: TArrival = 'reload'): Promise<TGate> => {
    try {
      const result = await api.vault.status()
      return result.ok ? gateFor(result.value, arrival) : { kind: 'error', error: result.error }
    } catch {
      return { kind: 'error', error: UNREADABLE }
    }
  }, [])

  // The page the vault was locked on: the unlock returns there. While locked the address keeps only its path.
  const returnPath = useRef<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    void readStatus().then((next) => {
      if (!isCurrent) return
      if (next.kind === 'locked') {
        returnPath.current = returnPathOf(window.location.hash)
        window.history.replaceState(null, '', `#${returnPath.current ?? '/'}`)
      }
      setGate(next)
    })
    return () => {
      isCurrent = false
    }
  }, [readStatus])

  const retry = () => {
    setGate({ kind: 'opening' })
    void readStatus('reload').then(setGate)
  }
  // The shell opens at the dashboard, except that an unlock returns to the page the vault was locked on (its
  // path only; the screen loads its data afresh, so nothing of it was kept while locked). The path is kept until
  // the shell itself opens: a screen between the unlock and the app (choosing one's own passphrase, confirming
  // the recovery key) still leads back there.
  const openShell = (arrival: TArrival = 'gate', path: string | null = null) => {
    window.history.replaceState(null, '', `#${path ?? '/'}`)
    void readStatus(arrival).then((next) => {
      if (next.kind === 'unlocked') returnPath.current = null
      setGate(next)
    })
  }

  const languageSwitch = <LanguageSwitch />
  switch (gate.kind) {
    case 'opening':
      return <OpeningScreen />
    case 'error':
      return <GateErrorScreen error={gate.error} languageSwitch={languageSwitch} onRetry={retry} />
    case 'no-vault':
      return <FirstRunPage languageSwitch={languageSwitch} onFinished={() => openShell('gate')} />
    case 'locked':
      return gate.view === 'unlock' ? (
        <UnlockPage
          languageSwitch={languageSwitch}
          accounts={gate.accounts}
          lastLockReason={gate.lastLockReason}
          onUnlocked={() => openShell('gate', returnPath.current)}
          onUseRecoveryKey={() => setGate({ ...gate, view: 'recovery' })}
        />
      ) : (
        <RecoveryPage
          languageSwitch={languageSwitch}
          accounts={gate.accounts}
          onUnlocked={() => openShell('recovery')}
          onBack={() => setGate({ ...gate, view: 'unlock' })}
        />
      )
    case 'recovery-unconfirmed':
      return (
        <RecoveryKeyUnconfirmedPage
          languageSwitch={languageSwitch}
          organizationName={gate.session.organizationName}
          reason={gate.reason}
          onFinished={() => openShell('gate', returnPath.current)}
        />
      )
    case 'first-passphrase':
      return (
        <VaultSessionContext.Provider value={gate.session}>
          <FirstPassphrasePage
            languageSwitch={languageSwitch}
            onFinished={() => openShell('gate', returnPath.current)}
          />
        </VaultSessionContext.Provider>
      )
    case 'unlocked':
      return (
        <VaultSessionContext.Provider value={gate.session}>
          <Shell isFromGate={gate.isFromGate} />
        </VaultSessionContext.Provider>
      )
  }
}

/** The app itself. The router is created per mount, so nothing of a previous session's screens survives. */
function Shell({ isFromGate }: { isFromGate: boolean }) {
  const [router] = useState(() => createHashRouter(routes))
  useUnlockedSessionGuards()
  useFocusPageTitleOnOpen(isFromGate)
  return <RouterProvider router={router} />
}

/**
 * After a gate screen (the recovery key's Continue, unlock, recovery) the shell opens at the top with focus on the
 * page's h1, as after any in-app navigation (useFocusPageTitleOnNavigate), instead of on <body> and scrolled down
 * as far as the gate screen was. A reload keeps the browser's default focus.
 */
function useFocusPageTitleOnOpen(isEnabled: boolean): void {
  useEffect(() => {
    if (!isEnabled) return
    let frame = 0
    let attempts = 0
    const focusTitle = () => {
      window.scrollTo(0, 0)
      const main = document.getElementById('main')
      main?.scrollTo(0, 0)
      const title = main?.querySelector<HTMLElement>('[data-page-title]')
      if (title) title.focus({ preventScroll: true })
      else if (attempts++ < 30) frame = window.requestAnimationFrame(focusTitle)
      else main?.focus({ preventScroll: true })
    }
    focusTitle()
    return () => window.cancelAnimationFrame(frame)
  }, [isEnabled])
}
