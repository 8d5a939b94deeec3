import type { BaseSyntheticEvent, ReactNode, RefObject } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { Form } from '../../ui'
import { useFieldErrorText } from './fieldErrors'

type TGateIntroProps = {
  /** A short line above the title ("First start on this computer"). */
  eyebrow?: string
  title: string
  lede: ReactNode
  /** Given when the page moves focus to its title (a new step). */
  headingRef?: RefObject<HTMLHeadingElement | null>
  /** 1 on a gate screen; 2 inside the app, under the page's own h1. */
  level?: 1 | 2
  isCentered?: boolean
  /** The title the app focuses when the screen replaces another gate screen. */
  isGateTitle?: boolean
}

/** The top of a vault screen: eyebrow, the title (focusable, for screen readers), and what the screen is for. */
export function GateIntro({
  eyebrow,
  title,
  lede,
  headingRef,
  level = 1,
  isCentered = false,
  isGateTitle = false,
}: TGateIntroProps) {
  const Title = level === 1 ? 'h1' : 'h2'
  return (
    <div className={isCentered ? 'vault-intro vault-intro--centered' : 'vault-intro'}>
      {eyebrow === undefined ? null : <p className="vault-intro__eyebrow">{eyebrow}</p>}
      <Title
        ref={headingRef}
        tabIndex={-1}
        className="vault-intro__title"
        {...(isGateTitle ? { 'data-gate-title': '' } : {})}
      >
        {title}
      </Title>
      <p className="vault-intro__lede">{lede}</p>
    </div>
  )
}

type TVaultFormProps<T extends FieldValues> = {
  form: UseFormReturn<T>
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>
  /** More classes for the form's panel. */
  className?: string
  'aria-labelledby'?: string
  children: ReactNode
}

/** A vault form in its panel, with the vault's wording of field errors. */
export function VaultForm<T extends FieldValues>({ className, ...props }: TVaultFormProps<T>) {
  const errorWording = useFieldErrorText()
  return (
    <Form
      {...props}
      errorWording={errorWording}
      className={['ui-panel vault-card vault-form', className].filter(Boolean).join(' ')}
    />
  )
}
