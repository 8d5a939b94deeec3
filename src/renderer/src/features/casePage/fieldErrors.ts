import type { ParseKeys } from 'i18next'
import { useCallback } from 'react'
import type { FieldError } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

type TKey = ParseKeys<'translation'>

/** Per field, the translation key for each zod issue code the schemas can raise. */
export type TIssueMessages = Partial<Record<string, TKey>>

const isOwnKey = (message: string | undefined): message is TKey =>
  typeof message === 'string' && (message.startsWith('vocab.') || message.startsWith('casePage.'))

/**
 * Words a field error in the person's language. The shared intake schemas and our own refinements carry a
 * translation key as their message; zod's built-in issues carry English, so they are mapped by code.
 */
export function useFieldErrorText(): (
  error: FieldError | undefined,
  byCode?: TIssueMessages,
) => string | undefined {
  const { t } = useTranslation()
  return useCallback(
    (error, byCode = {}) => {
      if (error === undefined) return undefined
      if (isOwnKey(error.message)) return t(error.message)
      return t(byCode[error.type] ?? 'casePage.errors.invalid')
    },
    [t],
  )
}
