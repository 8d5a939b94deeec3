import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZCaseContactEditSchema, type TCaseContactEdit } from '../../../../shared/cases/case-file-schema'
import { emptyIntake } from '../../../../shared/cases/intake-schema'
import type { TCaseDetail } from '../../../../shared/contract/cases'
import { todayIso } from '../../lib/dates'
import { Button } from '../../ui'
import { CaseContactFields } from '../intake'
import { EditCaseDialog } from './EditCaseDialog'

type TContact = TCaseContactEdit['contact']

/**
 * "Edit contact": offered once the contact section is revealed (an audited view) or when it holds nothing, so
 * nobody edits what they have not been shown.
 */
export function EditContactButton({
  detail,
  contact,
  onSaved,
  onReload,
}: {
  detail: TCaseDetail
  /** The revealed contact section, or null when it is empty. */
  contact: TContact | null
  onSaved: (contact: TContact) => Promise<void>
  onReload: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [isOpen, setIsOpen] = useState(false)
  const current = contact ?? emptyIntake(todayIso()).contact
  return (
    <>
      <Button onPress={() => setIsOpen(true)}>{t('casePage.edit.contactOpen')}</Button>
      {isOpen ? (
        <EditCaseDialog
          detail={detail}
          title={t('casePage.edit.contactTitle', { reference: detail.reference })}
          schema={ZCaseContactEditSchema}
          defaultValues={{ contact: current }}
          onClose={() => setIsOpen(false)}
          onSaved={async (values) => onSaved(ZCaseContactEditSchema.parse(values).contact)}
          onReload={onReload}
        >
          <CaseContactFields />
        </EditCaseDialog>
      ) : null}
    </>
  )
}
