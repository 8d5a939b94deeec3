import { createContext } from 'react'
import type { FieldError } from 'react-hook-form'

/** Per zod issue code (`too_small`, `invalid_format`…), what to say; `'*'` for any other code. */
export type TIssueWords = Readonly<Partial<Record<string, string>>>

/**
 * Words a field's error in the person's language. The kit has no texts of its own: each feature gives its forms
 * a wording (i18n/fieldErrorText.ts makes one from the feature's catalog), and a field may add `issues`.
 */
export type TFieldErrorWording = (error: FieldError | undefined, issues?: TIssueWords) => string | undefined

/** Without a wording, an error's message is shown as it is. */
export const FieldErrorWordingContext = createContext<TFieldErrorWording>((error) => error?.message)
