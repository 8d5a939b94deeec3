import type { TBridge } from '../../src/main/bridge/server'
import { emptyIntake, type TIntake } from '../../src/shared/cases/intake-schema'
import { emptyLawyerFields, type TLawyerFields } from '../../src/shared/roster/lawyer-schema'

/*
 * What the end-to-end specs start from, written through the services the channels call (the same validation and
 * writes), so a spec opens on the screen it tests instead of typing its way there. Invented people only.
 */

/** Today in the form the intake's dates use. */
export const today = (): string => new Date().toISOString().slice(0, 10)

/**
 * An active volunteer licensed (and based) in `province` (ON unless said), taking refugee claims, three places;
 * `changes` override any field. The licence number is derived from the email, so emails must differ.
 */
export const syntheticLawyer = (
  changes: Partial<TLawyerFields> & { email: string },
  province: TLawyerFields['memberships'][number]['province'] = 'ON',
): TLawyerFields => ({
  ...emptyLawyerFields(),
  memberships: [{ province, licenceNumber: `E2E-${changes.email}`, status: 'practising', verifiedOn: '' }],
  practiceAreas: ['refugee_claim'],
  province,
  maxActive: 3,
  status: 'active',
  ...changes,
})

export type TSeededCase = { caseId: string; reference: string }

/** A whole intake, already filled, submitted as a new case (no duplicate to review). */
export const submitCase = (bridge: TBridge, intake: TIntake): TSeededCase =>
  bridge.services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })

/**
 * One submitted intake, edited by `edit` from an empty form dated today; `awaitingMatch` then screens it and moves
 * it to awaiting a match, as staff do on the case page.
 */
export function seedCase(
  bridge: TBridge,
  edit: (form: TIntake) => void,
  { awaitingMatch = false }: { awaitingMatch?: boolean } = {},
): TSeededCase {
  const { intake, caseFile } = bridge.services
  const form = emptyIntake(today())
  edit(form)
  const { caseId } = intake.submit({ intake: form, decision: { kind: 'new' }, reviewedCandidates: [] })
  if (awaitingMatch)
    for (const to of ['screening', 'awaiting_match'] as const)
      caseFile.changeStatus({ caseId, to, reason: 'Synthetic screening done.' })
  return { caseId, reference: caseFile.get(caseId).reference }
}
