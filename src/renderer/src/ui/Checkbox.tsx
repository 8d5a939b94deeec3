import type { ReactNode, Ref } from 'react'
import { Checkbox as AriaCheckbox, type CheckboxProps as TAriaCheckboxProps } from 'react-aria-components'
import './status-tokens.css'
import './fields.css'
import './Checkbox.css'

export type TCheckboxProps = Omit<TAriaCheckboxProps, 'className' | 'children'> & {
  children: ReactNode
  /** Already translated; shown under the box while set. */
  errorMessage?: string
  inputRef?: Ref<HTMLInputElement>
}

/** A labelled checkbox (React Aria), with an optional error message tied to it by aria-describedby. */
export function Checkbox({ children, errorMessage, inputRef, id, ...props }: TCheckboxProps) {
  const errorId = errorMessage && id ? `${id}-error` : undefined
  return (
    <div className="ui-checkbox-field">
      <AriaCheckbox
        validationBehavior="aria"
        {...props}
        id={id}
        inputRef={inputRef as TAriaCheckboxProps['inputRef']}
        isInvalid={Boolean(errorMessage)}
        aria-describedby={errorId}
        className="ui-checkbox"
      >
        <span className="ui-checkbox__box" aria-hidden="true">
          <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
            <path d="M3.5 8.5 6.5 11.5 12.5 4.5" fill="none" stroke="currentColor" strokeWidth="2.25" />
          </svg>
        </span>
        <span className="ui-checkbox__label">{children}</span>
      </AriaCheckbox>
      {errorMessage ? (
        <p id={errorId} className="ui-field__error ui-checkbox-field__error">
          {errorMessage}
        </p>
      ) : null}
    </div>
  )
}
