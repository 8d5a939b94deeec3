import 'i18next'
import type { catalogs } from './catalogs'

// Type-checks every t('…') key against the English catalog; catalogs.test.ts keeps French in step.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof catalogs.en }
  }
}
