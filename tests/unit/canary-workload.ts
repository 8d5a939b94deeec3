/**
 * Child process for canary-scan.test.ts, run under strace: a day of the app's work with a canary in every field and
 * every secret, sent through the same handler table and dispatcher main registers (every channel of the contract),
 * with native dialogs answered by fixed paths. Prints one JSON line: the canaries and secrets it used.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { z } from 'zod'
import { CHANNEL_NAMES, type TChannelName, type TContract } from '../../src/shared/contract'
import { createServices } from '../../src/main/core/services'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../src/main/ipc/handler-table'
import { emptyOrganizationFields, emptyResourceFields } from '../../src/shared/roster/directory-schema'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { canaryIntake, canaryText } from '#test-support/canary/canary-intake'
import { FAST_KDF } from '#test-support/vault-fixtures'
import { pdfCarrying } from '#test-support/blank-pdf'

const [dataDirectory, exportPath, backupPath, packetPath] = process.argv.slice(2)
if (
  dataDirectory === undefined ||
  exportPath === undefined ||
  backupPath === undefined ||
  packetPath === undefined
) {
  throw new Error('usage: canary-workload.ts DATA_DIRECTORY EXPORT_FILE BACKUP_FILE PACKET_PDF_FILE')
}

const services = createServices({
  dataDirectory,
  runtime: 'bridge',
  appVersion: 'test',
  vault: { kdf: FAST_KDF },
  desktop: {
    openExternalAfterConfirm: async () => false,
    chooseExportDestination: async () => exportPath,
    // The complete copy replaces the CSV at the same chosen path: the scan allows survivor data there only.
    chooseCasesFileDestination: async () => exportPath,
    chooseBackupDestination: async () => backupPath,
    // The blank sign-up template beside the export: it holds only its invented row, never a canary.
    chooseTemplateDestination: async (suggestedName) => `${exportPath}.${suggestedName}`,
    chooseBackupSource: async () => backupPath,
    // Chromium prints in processes of its own, which this scan does not follow (docs/testing.md): main's part is
    // handing it the packet's HTML, drawing the pages for the preview, and writing the bytes it returns where the
    // person chose. Those bytes are a one-page PDF carrying the HTML itself here, so the preview has a real PDF to
    // draw and the packet file must hold the canaries the person chose to print.
    printPacketToPdf: async (html) => pdfCarrying(Buffer.from(html)),
    choosePacketDestination: async () => packetPath,
    printPacket: async () => true,
  },
})
const table = createHandlerTable(services)
const called = new Set<TChannelName>()

/** One request as the renderer sends it; any refusal stops the run, naming the channel and code (never data). */
async function call<C extends TChannelName>(
  channel: C,
  request: z.input<TContract[C]['request']>,
): Promise<z.output<TContract[C]['response']>> {
  called.add(channel)
  const result = await dispatch(table, channel, request, { staff: services.currentStaff() })
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}`)
  return result.value as z.output<TContract[C]['response']>
}

const canaries: Record<string, string> = {}
const secrets: Record<string, string> = {}
const canary = (name: string): string => (canaries[name] = canaryText(name))
/** A passphrase strong enough for the policy, unique to the run. */
const passphrase = (name: string): string =>
  (secrets[`passphrase.${name}`] = `${randomBytes(5).toString('hex')} ${canaryText(name)} ferry orbit`)
const recoveryKey = (name: string, key: string): void => {
  secrets[`recoveryKey.${name}`] = key
  secrets[`recoveryKey.${name}(typed)`] = key.replaceAll('-', '')
}

const admin = { username: 'it.admin', first: passphrase('admin1'), changed: passphrase('admin2') }
const worker = {
  username: 'case.worker',
  first: passphrase('worker1'),
  reset: passphrase('worker2'),
  own: passphrase('worker3'),
}

// First run: language, vault, recovery key, idle lock.
await call('app:info', {})
await call('settings:setLocale', { locale: 'fr' })
await call('vault:status', {})
const created = await call('vault:create', {
  organizationName: canary('organizationName'),
  username: admin.username,
  displayName: canary('adminDisplayName'),
  passphrase: admin.first,
})
recoveryKey('first', created.recoveryKey)
await call('vault:confirmRecoveryKey', {})
recoveryKey('replaced', (await call('vault:replaceRecoveryKey', {})).recoveryKey)
await call('vault:confirmRecoveryKey', {})
await call('vault:recoveryKeyStatus', {})
await call('settings:setIdleLock', { minutes: 30 })
await call('settings:get', {})
await call('app:activity', {})
await call('app:openExternal', { url: 'https://example.org/' })

// Staff: a caseworker added, their forgotten passphrase reset, a role changed and changed back, the admin's own changed.
const { account } = await call('accounts:add', {
  username: worker.username,
  displayName: canary('workerDisplayName'),
  role: 'caseworker',
  passphrase: worker.first,
})
await call('accounts:resetPassphrase', { accountId: account.id, passphrase: worker.reset })
await call('accounts:changeRole', { accountId: account.id, role: 'viewer' })
await call('accounts:changeRole', { accountId: account.id, role: 'caseworker' })
const leaver = await call('accounts:add', {
  username: 'former.colleague',
  displayName: canary('leaverDisplayName'),
  role: 'viewer',
  passphrase: passphrase('leaver'),
})
await call('accounts:disable', { accountId: leaver.account.id })
await call('accounts:list', {})
await call('vault:changePassphrase', { currentPassphrase: admin.first, newPassphrase: admin.changed })

// An intake: a draft first, the duplicate check, then the case and everything done to it.
const { intake, canaries: intakeCanaries } = canaryIntake()
Object.assign(canaries, intakeCanaries)
const draft = await call('intake:saveDraft', {
  step: 'contact',
  data: {
    person: { familyName: canary('draftFamilyName') },
    contact: { safetyNotes: canary('draftSafetyNotes') },
  },
})
const abandoned = await call('intake:saveDraft', {
  step: 'person',
  data: { person: { familyName: canary('discardedDraft') } },
})
await call('intake:discardDraft', { id: abandoned.id })
await call('intake:listDrafts', {})
await call('intake:getDraft', { id: draft.id })
const candidates = await call('intake:findDuplicates', { intake })
const { caseId } = await call('intake:submit', {
  intake,
  draftId: draft.id,
  decision: { kind: 'new' },
  reviewedCandidates: candidates.map((candidate) => candidate.caseId),
})
await call('cases:list', { search: intake.person.familyName })
await call('cases:get', { caseId })
await call('reports:caseload', { from: '', to: '' })
for (const section of ['contact', 'experiences', 'adverse_parties', 'narrative'] as const) {
  await call('cases:reveal', { caseId, section })
}
await call('cases:addTimelineEntry', { caseId, kind: 'call', body: canary('timelineBody') })
const task = await call('cases:addTask', { caseId, title: canary('taskTitle'), dueOn: '2031-02-01' })
await call('cases:setTaskDone', { caseId, taskId: task.id, done: true })
await call('cases:recordConsent', {
  caseId,
  entry: {
    purpose: 'contact_by_email',
    granted: true,
    method: 'written',
    givenOn: '2025-06-01',
    expiresOn: '',
    notes: canary('consentNotes'),
  },
})
const { updatedAt } = await call('cases:get', { caseId })
await call('cases:edit', {
  caseId,
  version: updatedAt,
  changes: { person: { ...intake.person, preferredName: canary('editedPreferredName') } },
})
// The account edited on the case page too: a party renamed and an experience added, written into the intake.
const beforeAccountEdit = await call('cases:get', { caseId })
await call('cases:edit', {
  caseId,
  version: beforeAccountEdit.updatedAt,
  changes: {
    intakeId: beforeAccountEdit.intakes[0]?.id ?? '',
    experiences: {
      entries: [{ kind: 'torture', otherKind: '', country: '', period: '', place: canary('editedPlace') }],
    },
    adverseParties: [
      { kind: 'person', name: canary('editedPartyName'), originalScriptName: '', country: '', notes: '' },
    ],
  },
})

// A referral packet to print for the survivor, with every detail consent allows (sensitive ones too).
const packetChoices = await call('packets:choices', { caseId, kind: 'survivor' })
const packet = {
  caseId,
  kind: 'survivor',
  language: 'fr',
  fields: packetChoices.decisions.filter((decision) => decision.allowed).map((decision) => decision.field),
} as const
await call('packets:preview', packet)
const savedPacket = await call('packets:savePdf', packet)
const printedPacket = await call('packets:print', packet)
if (!savedPacket.saved || !printedPacket.saved) throw new Error('the packet was neither saved nor printed')
// The admin rewords the MP letter: its text stays in the vault like everything else.
await call('packets:saveLetterTemplate', {
  language: 'en',
  body: `Dear {mp},\n\n${canary('mpLetterBody')}\n\n{caseworker}`,
})
await call('packets:letterTemplates', {})

const assignees = await call('cases:assignees', {})
await call('cases:assign', { caseId, accountId: assignees[0]?.accountId ?? null })
await call('cases:changeStatus', { caseId, to: 'screening' })
await call('cases:changeStatus', { caseId, to: 'awaiting_match' })

// Matching and referrals: a lawyer who declared the survivor's own name as a conflict; staff clear the hit with a
// reason, propose the lawyer, record their "no conflict", send, and record a decline with a note.
const conflictedLawyer = await call('lawyers:create', {
  lawyer: {
    ...emptyLawyerFields(),
    firstName: 'Canary',
    lastName: 'Lawyer-Example',
    email: 'canary.lawyer@example.org',
    memberships: [{ province: 'QC', licenceNumber: 'C-0001', status: 'practising', verifiedOn: '' }],
    conflicts: [{ kind: 'person', name: `${intake.person.givenNames} ${intake.person.familyName}` }],
    maxActive: 2,
  },
})
const ranking = await call('matching:rank', { caseId })
// Staff review every hit the ranking shows for this lawyer (the canary names look alike to the phonetic keys, so
// an adverse party can hit too), each cleared with a reason.
const hits = (ranking.excluded.find((each) => each.lawyerId === conflictedLawyer.id)?.reasons ?? [])
  .filter((reason) => reason.key === 'excluded.conflict')
  .map((reason) => reason.params['hitKey'])
if (hits.length === 0 || hits.some((hit) => typeof hit !== 'string'))
  throw new Error('the declared conflict was not found')
for (const [index, hit] of hits.entries()) {
  await call('matching:reviewConflict', {
    caseId,
    lawyerId: conflictedLawyer.id,
    hitKey: String(hit),
    decision: 'cleared',
    reason: canary(`conflictReviewReason${index}`),
  })
}
const referral = await call('referrals:propose', {
  caseId,
  recipientKind: 'lawyer',
  recipientId: conflictedLawyer.id,
})
await call('referrals:act', { referralId: referral.id, action: 'confirm_no_conflict', confirmation: 'email' })
await call('referrals:act', { referralId: referral.id, action: 'send' })
await call('referrals:act', { referralId: referral.id, action: 'declined', note: canary('referralNote') })
await call('referrals:list', { state: 'declined' })
// Batch matching: the declined case waits for a lawyer again; the proposal offers another one, staff approve it,
// then close that referral with a reason.
await call('lawyers:create', {
  lawyer: {
    ...emptyLawyerFields(),
    firstName: 'Canary',
    lastName: 'Batch-Example',
    email: 'canary.batch@example.org',
    memberships: [{ province: 'QC', licenceNumber: 'C-0002', status: 'practising', verifiedOn: '' }],
    maxActive: 1,
  },
})
// Nothing running: no progress to show, nothing to stop.
if ((await call('matching:batchProgress', {})) !== null)
  throw new Error('a batch shows progress before it ran')
await call('matching:batchCancel', {})
const batch = await call('matching:batchPropose', {})
const batchPairs = batch.cases.flatMap((each) =>
  each.proposal === null ? [] : [{ caseId: each.caseId, lawyerId: each.proposal.lawyerId }],
)
if (batchPairs.length === 0) throw new Error('the batch proposed no lawyer for the waiting case')
const approved = await call('matching:batchApprove', { pairs: batchPairs })
for (const referralId of approved.referralIds)
  await call('referrals:act', { referralId, action: 'close', note: canary('batchReferralCloseNote') })
await call('cases:changeStatus', { caseId, to: 'closed', reason: canary('statusReason') })

// A spreadsheet of intakes, checked and then imported; then every case exported to the chosen file.
const csvRow = (row: number): string[] => [
  canary(`csv${row}FamilyName`),
  canary(`csv${row}GivenNames`),
  `${canary(`csv${row}AliasOne`)}; ${canary(`csv${row}AliasTwo`)}`,
  `محمد ${canary(`csv${row}ScriptName`)}`,
  (canaries[`csv${row}DateOfBirth`] = `194${row}-0${row + 2}-1${row + 4}`),
  (canaries[`csv${row}Phone`] =
    `+1 819 55${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`),
  (canaries[`csv${row}Email`] = `${canaryText(`csv${row}email`).toLowerCase()}@example.org`),
  canary(`csv${row}SafeContactNotes`),
  canary(`csv${row}City`),
  `unit:${canary(`csv${row}AdverseParty`)}`,
  canary(`csv${row}Narrative`),
  canary(`csv${row}Notes`),
]
const csv = [
  'family_name,given_names,aliases,name_original_script,date_of_birth,phone,email,safe_contact_notes,city,adverse_parties,narrative,notes',
  csvRow(1).join(','),
  csvRow(2).join(','),
].join('\n')
await call('intakeCsv:template', { language: 'en' })
/** The file in slices as the screen sends it, cut mid-row; the last one cancelled first to drive csvUpload:cancel. */
const uploadCsvText = async (text: string): Promise<string> => {
  const abandoned = await call('csvUpload:open', { kind: 'intakes', bytes: text.length })
  await call('csvUpload:append', { uploadId: abandoned.uploadId, text: text.slice(0, 50), last: false })
  await call('csvUpload:cancel', { uploadId: abandoned.uploadId })
  const { uploadId } = await call('csvUpload:open', { kind: 'intakes', bytes: text.length })
  await call('csvUpload:append', { uploadId, text: text.slice(0, 50), last: false })
  await call('csvUpload:append', { uploadId, text: text.slice(50), last: true })
  return uploadId
}
await call('intakeCsv:import', { uploadId: await uploadCsvText(csv), dryRun: true })
const imported = await call('intakeCsv:import', { uploadId: await uploadCsvText(csv), dryRun: false })
if (imported.created !== 2) throw new Error(`intakeCsv:import created ${imported.created} cases, not 2`)
await call('intakeCsv:export', {})
// Every case whole, to the same chosen file; read back, the file is refused (its cases are in this vault already).
await call('casesFile:export', {})
const casesFile = await call('casesFile:import', { json: readFileSync(exportPath, 'utf8'), dryRun: true })
if (casesFile.accepted || casesFile.errors[0]?.code !== 'referenceExists')
  throw new Error('casesFile:import took back cases the vault already holds')

// The roster: a lawyer added by hand, edited, paused; two more from a sign-up file, checked then imported.
/** Every text field of a lawyer a canary, each named `<version>Lawyer<Field>` (the edit's values differ). */
const lawyerFields = (version: string) => ({
  ...emptyLawyerFields(),
  firstName: canary(`${version}LawyerFirstName`),
  lastName: canary(`${version}LawyerLastName`),
  email: (canaries[`${version}LawyerEmail`] =
    `${canaryText(`${version}lawyeremail`).toLowerCase()}@example.org`),
  firm: canary(`${version}LawyerFirm`),
  city: canary(`${version}LawyerCity`),
  conflicts: [{ kind: 'person', name: canary(`${version}LawyerConflict`) } as const],
  notes: canary(`${version}LawyerNotes`),
})
const lawyer = await call('lawyers:create', { lawyer: lawyerFields('added') })
await call('lawyers:update', { id: lawyer.id, lawyer: lawyerFields('edited') })
await call('lawyers:setStatus', { id: lawyer.id, status: 'paused' })
await call('lawyers:get', { id: lawyer.id })
await call('lawyers:list', { search: canaries['editedLawyerCity'] ?? '' })
await call('lawyers:onCallNow', {})
await call('lawyers:capacity', {})
const signUpRow = (row: number): string =>
  [
    canary(`signUp${row}FirstName`),
    canary(`signUp${row}LastName`),
    (canaries[`signUp${row}Email`] = `${canaryText(`signup${row}email`).toLowerCase()}@example.org`),
    canary(`signUp${row}Firm`),
    canary(`signUp${row}Notes`),
  ].join(',')
const signUps = ['first_name,last_name,email,firm,notes', signUpRow(1), signUpRow(2)].join('\n')
// The sign-up file as the import screen sends it: an upload of kind `lawyers`, in two slices cut mid-row.
const signUpsOpened = await call('csvUpload:open', { kind: 'lawyers', bytes: signUps.length })
const signUpsUpload = signUpsOpened.uploadId
await call('csvUpload:append', { uploadId: signUpsUpload, text: signUps.slice(0, 60), last: false })
await call('csvUpload:append', { uploadId: signUpsUpload, text: signUps.slice(60), last: true })
const { mapping } = await call('lawyerImport:inspect', { uploadId: signUpsUpload })
await call('lawyerImport:check', { uploadId: signUpsUpload, mapping })
const signedUp = await call('lawyerImport:commit', {
  uploadId: signUpsUpload,
  mapping,
  duplicates: 'skip',
  decisions: [],
})
if (!signedUp.imported || signedUp.result.added !== 2)
  throw new Error('lawyerImport:commit did not add 2 lawyers')
const template = await call('lawyerImport:saveTemplate', { language: 'fr' })
if (!template.saved) throw new Error('lawyerImport:saveTemplate saved nothing')

// The referral directory: an organization and a resource added, edited, retired and brought back.
const organizationFields = (version: string) => ({
  ...emptyOrganizationFields(),
  name: canary(`${version}DirectoryOrganization`),
  national: true,
  services: canary(`${version}DirectoryServices`),
  notes: canary(`${version}DirectoryNotes`),
})
const organization = await call('directory:createOrganization', { organization: organizationFields('added') })
await call('directory:updateOrganization', {
  id: organization.id,
  organization: organizationFields('edited'),
})
await call('directory:setOrganizationRetired', { id: organization.id, retired: true })
await call('directory:setOrganizationRetired', { id: organization.id, retired: false })
await call('directory:organization', { id: organization.id })
await call('directory:organizations', { search: canaries['editedDirectoryOrganization'] ?? '' })
// The organization ranking for the case reads the survivor's record: ranked or excluded, the new one is listed.
const organizations = await call('matching:rankOrganizations', { caseId })
if (
  ![...organizations.ranked, ...organizations.excluded].some(
    (each) => each.organizationId === organization.id,
  )
)
  throw new Error('matching:rankOrganizations did not list the directory organization')
const resourceFields = (version: string) => ({
  ...emptyResourceFields(),
  title: canary(`${version}ResourceTitle`),
  summary: canary(`${version}ResourceSummary`),
})
const resource = await call('directory:createResource', { resource: resourceFields('added') })
await call('directory:updateResource', { id: resource.id, resource: resourceFields('edited') })
await call('directory:setResourceRetired', { id: resource.id, retired: true })
await call('directory:resources', { includeRetired: true })

// The audit trail, a backup and a restore of it.
await call('audit:list', { limit: 500 })
await call('audit:verify', {})
await call('backup:create', {})
await call('backup:progress', {})
await call('backup:restore', { passphrase: admin.changed })

// The caseworker's day, then the admin forgets their passphrase and uses the recovery key.
await call('vault:lock', { reason: 'shortcut' })
await call('vault:unlock', { username: worker.username, passphrase: worker.reset })
// The admin chose that passphrase: nothing but choosing their own is open until they do.
const refused = await dispatch(table, 'intake:listDrafts', {}, { staff: services.currentStaff() })
if (refused.ok || refused.error.code !== 'PASSPHRASE_CHANGE_REQUIRED') {
  throw new Error('an admin-chosen passphrase opened more than its own change')
}
await call('app:activity', {})
await call('vault:changePassphrase', { currentPassphrase: worker.reset, newPassphrase: worker.own })
await call('intake:saveDraft', { step: 'person', data: { person: { givenNames: canary('workerDraft') } } })
await call('vault:lock', { reason: 'manual' })
const recovered = passphrase('admin3')
await call('vault:recover', {
  recoveryKey: secrets['recoveryKey.replaced']!,
  username: admin.username,
  newPassphrase: recovered,
})
await call('vault:lock', {})

const uncalled = CHANNEL_NAMES.filter((channel) => !called.has(channel))
process.stdout.write(
  `${JSON.stringify({ canaries, secrets, uncalled, admin: { username: admin.username, passphrase: recovered } })}\n`,
)
