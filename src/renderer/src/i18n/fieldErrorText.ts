import type { ParseKeys } from 'i18next'
import { useCallback } from 'react'
import type { FieldError } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

export type TTranslationKey = ParseKeys<'translation'>

/** Per field, the translation key for each zod issue code a schema can raise. */
export type TIssueMessages = Partial<Record<string, TTranslationKey>>

/**
 * A hook that words field errors in the person's language, for one feature. Our schemas and refinements carry a
 * translation key as their message (starting with one of `ownPrefixes`); zod's built-in issues carry English, so
 * they are mapped by issue code, and anything else gets `fallback`.
 */
export function fieldErrorTextHook(ownPrefixes: readonly string[], fallback: TTranslationKey) {
  const isOwnKey = (message: string | undefined): message is TTranslationKey =>
    typeof message === 'string' && ownPrefixes.some((prefix) => message.startsWith(prefix))
  return function useFieldErrorText(): (
    error: FieldError | undefined,
    byCode?: TIssueMessages,
  ) => string | undefined {
    const { t } = useTranslation()
    return useCallback(
      (error, byCode = {}) => {
        if (error === undefined) return undefined
        if (isOwnKey(error.message)) return t(error.message)
        return t(byCode[error.type] ?? fallback)
      },
      [t],
    )
  }
}
