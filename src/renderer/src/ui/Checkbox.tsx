import type { ReactNode, Ref } from 'react'
import { Checkbox as AriaCheckbox, type CheckboxProps as TAriaCheckboxProps } from 'react-aria-components'
import { CheckMark } from './fieldParts'
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
          <CheckMark />
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
