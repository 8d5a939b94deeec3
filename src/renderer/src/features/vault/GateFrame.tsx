import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AppBar } from '../../ui'
import './vault.css'

type TGateFrameProps = {
  /** The language switch, passed in by the app so this feature does not import the app frame. */
  languageSwitch: ReactNode
  /** Short page name for the window title, e.g. "Unlock". */
  documentTitle: string
  children: ReactNode
  /** A wider column for the first-run form and the recovery key. */
  width?: 'narrow' | 'wide'
}

/**
 * The calm frame around the screens shown before the vault is open: a top bar with the product name and the
 * language switch, and one centred column. No navigation: nothing else exists until the vault is unlocked.
 */
export function GateFrame({ languageSwitch, documentTitle, children, width = 'narrow' }: TGateFrameProps) {
  const { t } = useTranslation()
  const mainRef = useRef<HTMLElement>(null)

  useEffect(() => {
    document.title = t('app.documentTitle', { page: documentTitle })
  }, [t, documentTitle])

  return (
    <div className="vault-gate">
      <AppBar productName={t('app.name')} markSize={28}>
        {languageSwitch}
      </AppBar>
      <main ref={mainRef} className={`vault-gate__main vault-gate__main--${width}`}>
        {children}
      </main>
    </div>
  )
}

/** Moves focus to the screen's h1 when a step changes, so screen readers announce the new step. */
export function useFocusHeadingOnChange(
  headingRef: React.RefObject<HTMLHeadingElement | null>,
  key: string,
): void {
  const previous = useRef(key)
  useEffect(() => {
    if (previous.current === key) return
    previous.current = key
    headingRef.current?.focus()
  }, [key, headingRef])
}
