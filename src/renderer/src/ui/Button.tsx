import {
  Button as AriaButton,
  Link as AriaLink,
  type ButtonProps as TAriaButtonProps,
  type LinkProps as TAriaLinkProps,
} from 'react-aria-components'
import './Button.css'

/** `danger`: the primary action when it destroys or replaces something (disable, restore over, replace). */
export type TButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger'

export type TButtonProps = Omit<TAriaButtonProps, 'className'> & {
  variant?: TButtonVariant
  className?: string
}

/** An action on this screen. Wraps React Aria's Button (press, keyboard and focus handling). */
export function Button({ variant = 'secondary', className, ...props }: TButtonProps) {
  return (
    <AriaButton
      {...props}
      className={['ui-button', `ui-button--${variant}`, className].filter(Boolean).join(' ')}
    />
  )
}

export type TLinkButtonProps = Omit<TAriaLinkProps, 'className'> & {
  variant?: TButtonVariant
  className?: string
}

/** Navigation that looks like a button: goes to another screen (in-app `href`s use the app's router). */
export function LinkButton({ variant = 'secondary', className, ...props }: TLinkButtonProps) {
  return (
    <AriaLink
      {...props}
      className={['ui-button', `ui-button--${variant}`, className].filter(Boolean).join(' ')}
    />
  )
}

export type TTextLinkProps = Omit<TAriaLinkProps, 'className'> & { className?: string }

/** An inline text link, underlined so it is never identified by colour alone. */
export function TextLink({ className, ...props }: TTextLinkProps) {
  return <AriaLink {...props} className={['ui-text-link', className].filter(Boolean).join(' ')} />
}
