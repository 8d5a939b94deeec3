import { useTranslation } from 'react-i18next'
import type { TStaffRef } from '../../../../shared/contract/cases'

/**
 * Who wrote a record, in words. null means no person did: a CSV import (or the app itself) wrote it. A staff
 * member whose account is gone keeps their id with an empty name: "a former staff member".
 */
export function useStaffName(): (staff: TStaffRef | null) => string {
  const { t } = useTranslation()
  return (staff) =>
    staff === null
      ? t('casePage.imported')
      : staff.displayName === ''
        ? t('casePage.formerStaff')
        : staff.displayName
}
