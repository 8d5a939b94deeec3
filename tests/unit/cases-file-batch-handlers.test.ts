import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TChannelName, TContract } from '../../src/shared/contract'
import type { TIpcResult } from '../../src/shared/result'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import { sampleIntake } from '#test-support/channel-samples'
import { unlockedServices } from '#test-support/handler-harness'
import { makeTempFolder, removeFolder } from '#test-support/vault-fixtures'

/*
 * The cases-file, batch-matching and upload-cancel channels through the real handler table. Until now only the
 * canary workload called them, in a child process no mutant reaches, so a handler answering the wrong thing (an
 * export that says it saved nothing, an import that ignores dryRun, a batch approval that approves nothing) left
 * every in-process test green. Synthetic names only.
 */

type TCall = <C extends TChannelName>(
  channel: C,
  request: z.input<TContract[C]['request']>,
) => Promise<z.output<TContract[C]['response']>>

describe('cases file, batch matching and upload channels', () => {
  let root: string
  /** What the stand-in save dialog answers: a path, or null for a cancelled dialog. */
  let chosen: string | null = null
  let office: Awaited<ReturnType<typeof unlockedServices>>
  /** A second vault, in a process with no save dialog (the browser bridge), where the export lands. */
  let other: Awaited<ReturnType<typeof unlockedServices>>
  let call: TCall
  let callOther: TCall
  let rawOther: (channel: string, request: unknown) => Promise<TIpcResult<unknown>>

  beforeAll(async () => {
    root = makeTempFolder('ccij-cases-file-handlers-')
    office = await unlockedServices(join(root, 'office'), {
      chooseCasesFileDestination: async () => chosen,
    })
    other = await unlockedServices(join(root, 'other'))
  })
  // The tables are built in each test, so each test is credited with the handlers it runs (docs/testing.md).
  beforeEach(() => {
    const caller = (services: typeof office): TCall => {
      const table = createHandlerTable(services.services)
      return async (channel, request) => {
        const result = await dispatch(table, channel, request, services.context)
        if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`)
        return result.value as never
      }
    }
    call = caller(office)
    callOther = caller(other)
    const otherTable = createHandlerTable(other.services)
    rawOther = (channel, request) => dispatch(otherTable, channel, request, other.context)
  })
  afterAll(() => {
    office.services.vault.lock()
    other.services.vault.lock()
    removeFolder(root)
  })

  async function waitingCase(familyName: string): Promise<string> {
    const intake = sampleIntake()
    intake.person.familyName = familyName
    const { caseId } = await call('intake:submit', {
      intake,
      decision: { kind: 'new' },
      reviewedCandidates: [],
    })
    await call('cases:changeStatus', { caseId, to: 'screening' })
    await call('cases:changeStatus', { caseId, to: 'awaiting_match' })
    return caseId
  }

  it('proposes a lawyer for the waiting case and approves exactly the pairs sent, as referrals', async () => {
    const caseId = await waitingCase('Batch-Example')
    const lawyer = await call('lawyers:create', {
      lawyer: {
        ...emptyLawyerFields(),
        firstName: 'Sample',
        lastName: 'Counsel-Batch',
        email: 'counsel.batch@example.org',
        memberships: [{ province: 'QC', licenceNumber: 'C-BATCH-1', status: 'practising', verifiedOn: '' }],
        maxActive: 2,
      },
    })

    const proposal = await call('matching:batchPropose', {})
    const proposed = proposal.cases.find((each) => each.caseId === caseId)
    expect(proposed?.proposal?.lawyerId).toBe(lawyer.id)
    expect(proposal.assigned).toBeGreaterThanOrEqual(1)

    const approved = await call('matching:batchApprove', { pairs: [{ caseId, lawyerId: lawyer.id }] })
    expect(approved.created).toBe(1)
    expect(approved.referralIds).toHaveLength(1)
    const referrals = await call('referrals:list', { caseId })
    expect(referrals.rows.map((referral) => referral.id)).toEqual(approved.referralIds)
  })

  it('exports every case to the file the dialog chose, naming the file and not its folder', async () => {
    await waitingCase('Export-Example')
    const { total } = await call('cases:list', {})
    const destination = join(root, 'every-case.json')
    chosen = destination

    const answer = await call('casesFile:export', {})

    expect(answer).toEqual({ exported: true, count: total, fileName: 'every-case.json' })
    expect(JSON.parse(readFileSync(destination, 'utf8'))).toMatchObject({ format: 'ccij-cases-v1' })
  })

  it('writes nothing when the dialog is cancelled, and refuses where there is no dialog', async () => {
    chosen = null
    expect(await call('casesFile:export', {})).toEqual({ exported: false, count: 0, fileName: null })
    const refused = await rawOther('casesFile:export', {})
    expect(refused).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Choosing where to save an export is not available here.' },
    })
  })

  it('checks a cases file without adding a case when dryRun is set, and adds them all when it is not', async () => {
    const destination = join(root, 'to-import.json')
    chosen = destination
    const { count } = await call('casesFile:export', {})
    expect(count).toBeGreaterThan(0)
    const json = readFileSync(destination, 'utf8')
    const before = (await callOther('cases:list', {})).total

    const checked = await callOther('casesFile:import', { json, dryRun: true })
    expect(checked).toMatchObject({ accepted: true, dryRun: true, cases: count, errorCount: 0 })
    expect((await callOther('cases:list', {})).total).toBe(before)

    const imported = await callOther('casesFile:import', { json, dryRun: false })
    expect(imported).toMatchObject({ accepted: true, dryRun: false, cases: count, created: count })
    expect((await callOther('cases:list', {})).total).toBe(before + count)
  })

  it('cancels the upload named: a later slice of it is refused', async () => {
    const { uploadId } = await call('csvUpload:open', { kind: 'intakes', bytes: 100 })
    expect(await call('csvUpload:cancel', { uploadId })).toEqual({})
    const late = await dispatch(
      createHandlerTable(office.services),
      'csvUpload:append',
      { uploadId, text: 'family_name\n', last: true },
      office.context,
    )
    expect(late.ok).toBe(false)
  })
})
