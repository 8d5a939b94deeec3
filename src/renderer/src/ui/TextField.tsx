import type { ReactNode, Ref } from 'react'
import {
  Input,
  Label,
  TextField as AriaTextField,
  type TextFieldProps as TAriaTextFieldProps,
} from 'react-aria-components'
import { FieldDescription, FieldErrorMessage } from './fieldParts'
import './form-tokens.css'
import './TextField.css'

export type TTextFieldProps = Omit<TAriaTextFieldProps, 'className' | 'children'> & {
  label: string
  /** Help under the label, read with the field (aria-describedby). */
  description?: ReactNode
  /** Already translated; shown (and announced) only while `isInvalid`. */
  errorMessage?: string
  /** The <input> itself, so a form library can focus the first invalid field. */
  inputRef?: Ref<HTMLInputElement>
  /** Monospace input, e.g. for a recovery key. */
  isMonospace?: boolean
  /** Controls placed inside the input's box, after it (e.g. a show/hide toggle). */
  endAdornment?: ReactNode
  /** 'auto' (the default) lets right-to-left text (Arabic, Farsi…) read and align in its own direction. */
  dir?: 'auto' | 'ltr' | 'rtl'
  className?: string
}

/**
 * A labelled text input with help and an error message. Validation is the form's job (react-hook-form + zod);
 * this only shows the verdict, with `validationBehavior="aria"` so the browser never shows its own bubbles.
 */
export function TextField({
  label,
  description,
  errorMessage,
  inputRef,
  isMonospace = false,
  endAdornment,
  dir = 'auto',
  className,
  ...props
}: TTextFieldProps) {
  return (
    <AriaTextField
      validationBehavior="aria"
      {...props}
      isInvalid={props.isInvalid ?? Boolean(errorMessage)}
      className={['ui-field', 'ui-text-field', className].filter(Boolean).join(' ')}
    >
      <Label className="ui-field__label">{label}</Label>
      <FieldDescription>{description}</FieldDescription>
      <div className="ui-text-field__box">
        <Input
          ref={inputRef}
          dir={dir}
          className={['ui-text-field__input', isMonospace ? 'ui-text-field__input--mono' : null]
            .filter(Boolean)
            .join(' ')}
        />
        {endAdornment}
      </div>
      <FieldErrorMessage>{errorMessage}</FieldErrorMessage>
    </AriaTextField>
  )
}
