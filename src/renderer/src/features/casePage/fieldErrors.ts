import { fieldErrorTextHook } from '../../i18n/fieldErrorText'

export type { TIssueMessages } from '../../i18n/fieldErrorText'

/** Field errors of the case page's forms: shared intake rules (`vocab.*`) and the page's own (`casePage.*`). */
export const useFieldErrorText = fieldErrorTextHook(['vocab.', 'casePage.'], 'casePage.errors.invalid')
