import type { ParseKeys } from 'i18next'
import { useCallback } from 'react'
import type { FieldError } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

type TKey = ParseKeys<'translation'>

/** Per field, the translation key for each zod issue code the shared schemas can raise. */
export type TIssueMessages = Partial<Record<string, TKey>>

const isOwnKey = (message: string | undefined): message is TKey =>
  typeof message === 'string' && message.startsWith('vault.')

/**
 * Words a field error in the person's language. Our refinements (and errors set after a refused request) carry a
 * translation key as their message; issues from the shared schemas carry zod's English, so they are mapped by code.
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
      return t(byCode[error.type] ?? 'vault.errors.generic')
    },
    [t],
  )
}

export const USERNAME_ISSUES: TIssueMessages = {
  too_small: 'vault.validation.usernameTooShort',
  too_big: 'vault.validation.usernameTooLong',
  invalid_format: 'vault.validation.usernameCharacters',
}
export const DISPLAY_NAME_ISSUES: TIssueMessages = {
  too_small: 'vault.validation.displayNameRequired',
  too_big: 'vault.validation.tooLong',
}
export const ORGANIZATION_ISSUES: TIssueMessages = {
  too_small: 'vault.validation.organizationRequired',
  too_big: 'vault.validation.tooLong',
}
export const NEW_PASSPHRASE_ISSUES: TIssueMessages = {
  too_small: 'vault.validation.passphraseRequired',
  too_big: 'vault.validation.passphraseTooLong',
}
export const CURRENT_PASSPHRASE_ISSUES: TIssueMessages = {
  too_small: 'vault.validation.currentRequired',
  too_big: 'vault.validation.passphraseTooLong',
}
