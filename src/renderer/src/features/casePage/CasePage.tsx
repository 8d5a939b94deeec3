import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../ui'

/** Placeholder while this screen is being built in this session. */
export function CasePage() {
  const { t } = useTranslation()
  return <PageHeader title={t('casePage.title')} />
}
