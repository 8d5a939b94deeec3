import { useTranslation } from 'react-i18next'
import type { TCaseErrorKey } from './errors'
import { useFieldErrorText } from './fieldErrors'

/**
 * What every case page dialog gives its FormDialog: the page's wording of field errors, a refusal from main in
 * words (`serverError`), and Cancel. Spread it: `<FormDialog {...useCaseDialog(serverError)} … />`.
 */
export function useCaseDialog(serverError: TCaseErrorKey | null) {
  const { t } = useTranslation()
  return {
    errorWording: useFieldErrorText(),
    error: serverError === null ? null : t(`casePage.errors.${serverError}`),
    cancelLabel: t('casePage.common.cancel'),
  }
}
