import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZCaseSummaryEditSchema, type TCaseFileChangesInput } from '../../../../shared/cases/case-file-schema'
import type { TCaseDetail } from '../../../../shared/contract/cases'
import { Button } from '../../ui'
import { CaseSummaryFields } from '../intake'
import { EditCaseDialog } from './EditCaseDialog'

/**
 * The summary as the editor starts it: the case's own values, every section whole. The contract types stored
 * choices as plain strings; they are the values main stored after these same rules.
 */
export function summaryValues(detail: TCaseDetail): TCaseFileChangesInput {
  const { displayName: _shown, ...person } = detail.person
  const { languages, location, needs } = detail
  return { person, languages, location, needs } as TCaseFileChangesInput
}

/** "Edit details": names, birth, languages, location and needs, with the intake's fields and rules. */
export function EditSummaryButton({
  detail,
  onChanged,
}: {
  detail: TCaseDetail
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [isOpen, setIsOpen] = useState(false)
  return (
    <>
      <Button onPress={() => setIsOpen(true)}>{t('casePage.edit.open')}</Button>
      {isOpen ? (
        <EditCaseDialog
          detail={detail}
          title={t('casePage.edit.title', { reference: detail.reference })}
          schema={ZCaseSummaryEditSchema}
          defaultValues={summaryValues(detail)}
          onClose={() => setIsOpen(false)}
          onSaved={onChanged}
          onReload={onChanged}
        >
          <CaseSummaryFields />
        </EditCaseDialog>
      ) : null}
    </>
  )
}
