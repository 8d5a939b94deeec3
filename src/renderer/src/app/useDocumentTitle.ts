import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useMatches } from 'react-router'
import type { TRouteHandle } from './routes'

const hasTitle = (handle: unknown): handle is TRouteHandle =>
  typeof handle === 'object' && handle !== null && 'titleKey' in handle

/** Sets `document.title` to "<page> · CCIJ Caseworker" in the current language. */
export function useDocumentTitle(): void {
  const { t, i18n } = useTranslation()
  const matches = useMatches()
  const titleKey = matches
    .map((match) => match.handle)
    .filter(hasTitle)
    .at(-1)?.titleKey

  useEffect(() => {
    document.title = titleKey ? t('app.documentTitle', { page: t(titleKey) }) : t('app.name')
  }, [t, titleKey, i18n.language])
}
