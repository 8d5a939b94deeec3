import { useCallback, useEffect, useState } from 'react'
import { createHashRouter, RouterProvider } from 'react-router'
import type { TVaultStatusResponse } from '../../../shared/contract/vault'
import type { TIpcError } from '../../../shared/result'
import { api } from '../api'
import { FirstRunPage } from '../features/vault/FirstRunPage'
import { GateErrorScreen } from '../features/vault/GateErrorScreen'
import { OpeningScreen } from '../features/vault/OpeningScreen'
import { RecoveryPage } from '../features/vault/RecoveryPage'
import { VaultSessionContext, type TVaultSession } from '../features/vault/session'
import { UnlockPage } from '../features/vault/UnlockPage'
import { useUnlockedSessionGuards } from '../features/vault/useUnlockedSessionGuards'
import { LanguageSwitch } from './LanguageSwitch'
import { routes } from './routes'

type TGate =
  | { kind: 'opening' }
  | { kind: 'error'; error: TIpcError }
  | { kind: 'no-vault' }
  | { kind: 'locked'; accounts: TVaultStatusResponse['accounts']; view: 'unlock' | 'recovery' }
  | { kind: 'unlocked'; session: TVaultSession }

const UNREADABLE: TIpcError = { code: 'INTERNAL', message: 'status unavailable' }

function gateFor(status: TVaultStatusResponse): TGate {
  if (status.state === 'no-vault') return { kind: 'no-vault' }
  if (status.state === 'locked' || status.staff === null) {
    return { kind: 'locked', accounts: status.accounts, view: 'unlock' }
  }
  return { kind: 'unlocked', session: { staff: status.staff, organizationName: status.organizationName } }
}

/**
 * The renderer's root, and the vault's gate: nothing but the first-run, unlock or recovery screen renders until
 * main says the vault is unlocked. Locking reloads the page, so the shell and everything it loaded are gone.
 */
export function App() {
  const [gate, setGate] = useState<TGate>({ kind: 'opening' })

  const readStatus = useCallback(async (): Promise<TGate> => {
    try {
      const result = await api.vault.status()
      return result.ok ? gateFor(result.value) : { kind: 'error', error: result.error }
    } catch {
      return { kind: 'error', error: UNREADABLE }
    }
  }, [])

  useEffect(() => {
    let isCurrent = true
    void readStatus().then((next) => {
      if (isCurrent) setGate(next)
    })
    return () => {
      isCurrent = false
    }
  }, [readStatus])

  const retry = () => {
    setGate({ kind: 'opening' })
    void readStatus().then(setGate)
  }
  // A fresh unlock starts at the dashboard, whoever used the app before.
  const openShell = () => {
    window.history.replaceState(null, '', '#/')
    void readStatus().then(setGate)
  }

  const languageSwitch = <LanguageSwitch />
  switch (gate.kind) {
    case 'opening':
      return <OpeningScreen />
    case 'error':
      return <GateErrorScreen error={gate.error} languageSwitch={languageSwitch} onRetry={retry} />
    case 'no-vault':
      return <FirstRunPage languageSwitch={languageSwitch} onFinished={openShell} />
    case 'locked':
      return gate.view === 'unlock' ? (
        <UnlockPage
          languageSwitch={languageSwitch}
          accounts={gate.accounts}
          onUnlocked={openShell}
          onUseRecoveryKey={() => setGate({ ...gate, view: 'recovery' })}
        />
      ) : (
        <RecoveryPage
          languageSwitch={languageSwitch}
          accounts={gate.accounts}
          onUnlocked={openShell}
          onBack={() => setGate({ ...gate, view: 'unlock' })}
        />
      )
    case 'unlocked':
      return (
        <VaultSessionContext.Provider value={gate.session}>
          <Shell />
        </VaultSessionContext.Provider>
      )
  }
}

/** The app itself. The router is created per mount, so nothing of a previous session's screens survives. */
function Shell() {
  const [router] = useState(() => createHashRouter(routes))
  useUnlockedSessionGuards()
  return <RouterProvider router={router} />
}
