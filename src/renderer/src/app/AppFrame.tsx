import { useRef } from 'react'
import { RouterProvider as AriaRouterProvider } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import { Outlet, useHref, useNavigate } from 'react-router'
import { AppHeader } from './AppHeader'
import { SideNav } from './SideNav'
import { SkipLink } from './SkipLink'
import { useDocumentTitle } from './useDocumentTitle'
import { useFocusPageTitleOnNavigate } from './useFocusPageTitleOnNavigate'
import './AppFrame.css'

/** The frame around every screen: skip link, header (banner), sidebar (navigation) and the page (main). */
export function AppFrame() {
  const navigate = useNavigate()
  const { t } = useTranslation()
  const mainRef = useRef<HTMLElement>(null)
  useDocumentTitle()
  useFocusPageTitleOnNavigate(mainRef)

  return (
    // React Aria's links (`href="/survivors"`) navigate through react-router instead of reloading.
    <AriaRouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useHref}>
      <div className="app-frame">
        <SkipLink targetRef={mainRef}>{t('frame.skipToMain')}</SkipLink>
        <AppHeader />
        <div className="app-frame__body">
          <SideNav />
          <main id="main" ref={mainRef} tabIndex={-1} className="app-frame__main">
            <div className="app-frame__content">
              <Outlet />
            </div>
          </main>
        </div>
      </div>
    </AriaRouterProvider>
  )
}
