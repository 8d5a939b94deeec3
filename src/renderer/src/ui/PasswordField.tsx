import { useState, type ReactNode } from 'react'
import { Button } from 'react-aria-components'
import { TextField, type TTextFieldProps } from './TextField'

export type TPasswordFieldProps = Omit<TTextFieldProps, 'type' | 'endAdornment'> & {
  /** The toggle's text while hidden and while shown, e.g. "Show" + a visually hidden " passphrase". */
  toggleLabels: { show: ReactNode; hide: ReactNode }
}

/** A passphrase input with a Show/Hide button, so a long passphrase can be checked before it is submitted. */
export function PasswordField({ toggleLabels, ...props }: TPasswordFieldProps) {
  const [isShown, setIsShown] = useState(false)
  return (
    <TextField
      autoComplete="off"
      spellCheck="false"
      {...props}
      type={isShown ? 'text' : 'password'}
      endAdornment={
        <Button
          onPress={() => setIsShown((shown) => !shown)}
          isDisabled={props.isDisabled ?? false}
          className="ui-password-field__toggle"
        >
          {isShown ? toggleLabels.hide : toggleLabels.show}
        </Button>
      }
    />
  )
}
