import { useEffect, useRef, type RefObject } from 'react'
import { useLocation } from 'react-router'

/**
 * After an in-app navigation, moves focus to the new page's h1 so screen readers announce where the person
 * arrived and the next Tab starts in the page. The first load keeps the browser's default focus.
 */
export function useFocusPageTitleOnNavigate(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation()
  const previousPathname = useRef(pathname)

  useEffect(() => {
    if (previousPathname.current === pathname) return
    previousPathname.current = pathname
    const title = mainRef.current?.querySelector<HTMLElement>('[data-page-title]')
    ;(title ?? mainRef.current)?.focus()
  }, [pathname, mainRef])
}
