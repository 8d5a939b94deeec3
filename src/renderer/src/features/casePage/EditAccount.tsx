import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  ZAdversePartiesEditSchema,
  ZExperiencesEditSchema,
  ZNarrativeEditSchema,
  type TCaseFileChanges,
  type TCaseFileChangesInput,
} from '../../../../shared/cases/case-file-schema'
import type { TCaseDetail } from '../../../../shared/contract/cases'
import type { TIntakeInput } from '../../../../shared/cases/intake-schema'
import { formatDay } from '../../lib/dates'
import { Button } from '../../ui'
import { CaseAdversePartyFields, CaseExperienceFields, CaseNarrativeFields } from '../intake'
import { EditCaseDialog } from './EditCaseDialog'

/** The parts of an intake's account the case page edits, each a sensitive section of its own. */
export type TAccountPart =
  | { section: 'experiences'; entries: TIntakeInput['experiences']['entries'] }
  | { section: 'narrative'; narrative: string; notes: string }
  | { section: 'adverse_parties'; parties: TIntakeInput['adverseParties'] }

const EDITORS = {
  experiences: { schema: ZExperiencesEditSchema, open: 'experiencesOpen', title: 'experiencesTitle' },
  narrative: { schema: ZNarrativeEditSchema, open: 'narrativeOpen', title: 'narrativeTitle' },
  adverse_parties: { schema: ZAdversePartiesEditSchema, open: 'partiesOpen', title: 'partiesTitle' },
} as const

const valuesOf = (intakeId: string, part: TAccountPart): TCaseFileChangesInput => {
  switch (part.section) {
    case 'experiences':
      return { intakeId, experiences: { entries: part.entries } }
    case 'narrative':
      return { intakeId, experiences: { narrative: part.narrative }, meta: { notes: part.notes } }
    case 'adverse_parties':
      return { intakeId, adverseParties: part.parties }
  }
}

/**
 * "Edit experiences", "Edit narrative and notes", "Edit adverse parties" for one intake: offered once the section is revealed
 * (an audited view) or when it holds nothing, with the wizard's own fields and rules. When the case has several
 * intakes, each button says which one it edits.
 */
export function EditAccountButton({
  detail,
  intake,
  part,
  onSaved,
  onReload,
}: {
  detail: TCaseDetail
  intake: { intakeId: string; intakeDate: string }
  part: TAccountPart
  onSaved: () => Promise<void>
  onReload: () => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const [isOpen, setIsOpen] = useState(false)
  const editor = EDITORS[part.section]
  const which =
    detail.intakes.length > 1
      ? ` (${t('casePage.edit.ofIntake', { date: formatDay(intake.intakeDate, i18n.language) })})`
      : ''
  return (
    <>
      <Button onPress={() => setIsOpen(true)}>
        {t(`casePage.edit.${editor.open}`)}
        {which}
      </Button>
      {isOpen ? (
        <EditCaseDialog
          detail={detail}
          title={`${t(`casePage.edit.${editor.title}`, { reference: detail.reference })}${which}`}
          schema={editor.schema as unknown as z.ZodType<TCaseFileChanges, TCaseFileChangesInput>}
          defaultValues={valuesOf(intake.intakeId, part)}
          onClose={() => setIsOpen(false)}
          onSaved={onSaved}
          onReload={onReload}
        >
          {part.section === 'experiences' ? (
            <CaseExperienceFields />
          ) : part.section === 'narrative' ? (
            <CaseNarrativeFields />
          ) : (
            <CaseAdversePartyFields />
          )}
        </EditCaseDialog>
      ) : null}
    </>
  )
}
