import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice, PageHeader } from '../../ui'
import { canHandleCases, useSignedInStaff } from './session'

/**
 * Survivor records are for admins and caseworkers. Main refuses every case channel to a viewer anyway; this says
 * so in words on the screens a viewer can still reach from the navigation, instead of a failed list.
 */
export function CaseworkOnly({
  titleKey,
  children,
}: {
  titleKey: 'caseList.title' | 'intake.title' | 'reports.title' | 'referrals.title'
  children: ReactNode
}) {
  const { t } = useTranslation()
  const { role } = useSignedInStaff()
  if (canHandleCases(role)) return <>{children}</>
  return (
    <>
      <PageHeader title={t(titleKey)} />
      <Notice tone="info" title={t('vault.caseworkOnly.title')}>
        <p>{t('vault.caseworkOnly.body')}</p>
      </Notice>
    </>
  )
}
