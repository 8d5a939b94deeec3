import type { ReactNode } from 'react'
import { ProductMark } from './icons'
import './AppBar.css'

export type TAppBarProps = {
  /** The product's name, beside its mark. */
  productName: string
  /** A smaller line under it, e.g. the organization's name once the vault is open. */
  subtitle?: string
  markSize?: number
  /** Stays at the top while the page scrolls (the app's banner; the screens before unlock are short). */
  isSticky?: boolean
  /** Device-wide controls at the end: the language, who is signed in, Lock. */
  children: ReactNode
}

/** The banner (header landmark) at the top of every screen, before and after the vault is unlocked. */
export function AppBar({ productName, subtitle, markSize = 32, isSticky = false, children }: TAppBarProps) {
  return (
    <header className={isSticky ? 'ui-app-bar ui-app-bar--sticky' : 'ui-app-bar'}>
      <div className="ui-app-bar__brand">
        <ProductMark size={markSize} />
        <div className="ui-app-bar__names">
          <span className="ui-app-bar__product">{productName}</span>
          {subtitle === undefined ? null : <span className="ui-app-bar__subtitle">{subtitle}</span>}
        </div>
      </div>
      <div className="ui-app-bar__actions">{children}</div>
    </header>
  )
}
