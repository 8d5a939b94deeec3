import { fieldErrorTextHook, type TIssueMessages } from '../../i18n/fieldErrorText'

export type { TIssueMessages } from '../../i18n/fieldErrorText'

/**
 * Words a field error in the person's language. Our refinements (and errors set after a refused request) carry a
 * translation key as their message; issues from the shared schemas carry zod's English, so they are mapped by code.
 */
export const useFieldErrorText = fieldErrorTextHook(['vault.'], 'vault.errors.generic')

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
