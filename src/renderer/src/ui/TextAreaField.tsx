import type { ReactNode, Ref } from 'react'
import {
  Label,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as TAriaTextFieldProps,
} from 'react-aria-components'
import { FieldDescription, FieldErrorMessage } from './fieldParts'
import './form-tokens.css'
import './TextAreaField.css'

export type TTextAreaFieldProps = Omit<TAriaTextFieldProps, 'className' | 'children'> & {
  label: string
  description?: ReactNode
  /** Already translated; shown (and announced) only while set. */
  errorMessage?: string | undefined
  inputRef?: Ref<HTMLTextAreaElement>
  /** Visible height in lines; the box grows with the person's text up to a limit. */
  rows?: number
  /** 'auto' (the default) lets right-to-left text (Arabic, Farsi…) read and align in its own direction. */
  dir?: 'auto' | 'ltr' | 'rtl'
  className?: string
}

/** A labelled multi-line text box with help and an error message; Enter makes a new line, Tab leaves. */
export function TextAreaField({
  label,
  description,
  errorMessage,
  inputRef,
  rows = 4,
  dir = 'auto',
  className,
  ...props
}: TTextAreaFieldProps) {
  return (
    <AriaTextField
      validationBehavior="aria"
      {...props}
      isInvalid={props.isInvalid ?? Boolean(errorMessage)}
      className={['ui-field', 'ui-text-area', className].filter(Boolean).join(' ')}
    >
      <Label className="ui-field__label">{label}</Label>
      <FieldDescription>{description}</FieldDescription>
      <TextArea ref={inputRef} rows={rows} dir={dir} className="ui-field__control ui-text-area__input" />
      <FieldErrorMessage>{errorMessage}</FieldErrorMessage>
    </AriaTextField>
  )
}
