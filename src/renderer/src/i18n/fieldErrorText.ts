import type { ParseKeys } from 'i18next'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFieldErrorWording, TIssueWords } from '../ui'

export type TTranslationKey = ParseKeys<'translation'>

/** Per field, the translation key for each zod issue code a schema can raise (`'*'`: any other code). */
export type TIssueMessages = Partial<Record<string, TTranslationKey>>

/**
 * A hook that words field errors in the person's language, for one feature: the `errorWording` of its forms
 * (ui/form). Our schemas and refinements carry a translation key as their message (starting with one of
 * `ownPrefixes`); zod's built-in issues carry English, so they are mapped by issue code, else `fallback`.
 * `values` fill the placeholders of every message (e.g. the minimum length).
 */
export function fieldErrorTextHook(
  ownPrefixes: readonly string[],
  fallback: TTranslationKey,
  values: Record<string, string | number> = {},
) {
  const isOwnKey = (message: string | undefined): message is TTranslationKey =>
    typeof message === 'string' && ownPrefixes.some((prefix) => message.startsWith(prefix))
  return function useFieldErrorText(): TFieldErrorWording {
    const { t } = useTranslation()
    return useCallback(
      (error, byCode: TIssueWords = {}) => {
        if (error === undefined) return undefined
        if (isOwnKey(error.message)) return t(error.message, values)
        const key = byCode[error.type] ?? byCode['*'] ?? fallback
        return t(key as TTranslationKey, values)
      },
      [t],
    )
  }
}
