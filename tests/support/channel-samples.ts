import type { z } from 'zod'
import type { TChannelName, TContract } from '../../src/shared/contract'
import { emptyIntake, type TIntakeInput } from '../../src/shared/cases/intake-schema'
import { emptyOrganizationFields, emptyResourceFields } from '../../src/shared/roster/directory-schema'
import { emptyLawyerFields, type TLawyerFields } from '../../src/shared/roster/lawyer-schema'

/** A request that passes a channel's schema: what a renderer that knows the contract would send. */
export type TChannelSamples = { readonly [C in TChannelName]: z.input<TContract[C]['request']> }

/** A minimal intake that validates: a name and a past intake date. Synthetic. */
export function sampleIntake(): TIntakeInput {
  const intake = emptyIntake('2025-06-01')
  intake.person.givenNames = 'Sample'
  intake.person.familyName = 'Person-Example'
  return intake
}

/** A lawyer that validates: a name and an email. Synthetic. */
function sampleLawyer(): TLawyerFields {
  return {
    ...emptyLawyerFields(),
    firstName: 'Sample',
    lastName: 'Lawyer-Example',
    email: 'lawyer@example.org',
  }
}

const SAMPLE_PACKET = {
  caseId: 'case-sample',
  kind: 'survivor',
  language: 'fr',
} as const

/**
 * One valid request per contract channel, so a test of who may call a channel is refused for the role and
 * never for the request's shape. A channel added to the contract without a sample is a compile error here;
 * `tests/unit/ipc-access.test.ts` checks at run time that every sample still passes its schema.
 */
export const CHANNEL_SAMPLES: TChannelSamples = {
  'app:info': {},
  'app:openExternal': { url: 'https://example.org/' },
  'app:activity': {},
  'settings:get': {},
  'settings:setLocale': { locale: 'fr' },
  'settings:setIdleLock': { minutes: 15 },
  'vault:status': {},
  'vault:create': {
    organizationName: 'Test Office (synthetic)',
    username: 'sample.admin',
    displayName: 'Sample Admin-Example',
    passphrase: 'sample lantern ferry orbit 31',
  },
  'vault:unlock': { username: 'sample.admin', passphrase: 'sample lantern ferry orbit 31' },
  'vault:recover': {
    recoveryKey: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567',
    username: 'sample.admin',
    newPassphrase: 'sample harbour violin kettle 64',
  },
  'vault:lock': { reason: 'manual' },
  'vault:changePassphrase': {
    currentPassphrase: 'sample lantern ferry orbit 31',
    newPassphrase: 'sample harbour violin kettle 64',
  },
  'vault:replaceRecoveryKey': {},
  'vault:confirmRecoveryKey': {},
  'vault:recoveryKeyStatus': {},
  'accounts:list': {},
  'accounts:add': {
    username: 'sample.worker',
    displayName: 'Sample Worker-Example',
    role: 'caseworker',
    passphrase: 'sample granite tulip comet 58',
  },
  'accounts:disable': { accountId: 'account-sample' },
  'accounts:changeRole': { accountId: 'account-sample', role: 'viewer' },
  'accounts:resetPassphrase': { accountId: 'account-sample', passphrase: 'sample granite tulip comet 58' },
  'audit:list': { limit: 10 },
  'audit:verify': {},
  'backup:create': {},
  'backup:restore': { passphrase: 'sample lantern ferry orbit 31' },
  'backup:progress': {},
  'intake:listDrafts': {},
  'intake:getDraft': { id: 'draft-sample' },
  'intake:saveDraft': { step: 'person', data: { person: { familyName: 'Person-Example' } } },
  'intake:discardDraft': { id: 'draft-sample' },
  'intake:findDuplicates': { intake: sampleIntake() },
  'intake:submit': { intake: sampleIntake(), decision: { kind: 'new' }, reviewedCandidates: [] },
  'cases:list': { search: 'Person-Example' },
  'cases:get': { caseId: 'case-sample' },
  'cases:reveal': { caseId: 'case-sample', section: 'narrative' },
  'cases:addTimelineEntry': { caseId: 'case-sample', kind: 'note', body: 'Called back (sample).' },
  'cases:changeStatus': { caseId: 'case-sample', to: 'screening' },
  'cases:assign': { caseId: 'case-sample', accountId: null },
  'cases:recordConsent': {
    caseId: 'case-sample',
    entry: {
      purpose: 'share_with_lawyer',
      granted: true,
      method: 'verbal',
      givenOn: '2025-06-01',
      expiresOn: '',
      notes: '',
    },
  },
  'cases:addTask': { caseId: 'case-sample', title: 'Call back (sample)', dueOn: '2025-07-01' },
  'cases:setTaskDone': { caseId: 'case-sample', taskId: 'task-sample', done: true },
  'cases:assignees': {},
  'intakeCsv:import': { uploadId: '0123456789abcdef0123456789abcdef', dryRun: true },
  'intakeCsv:export': {},
  'cases:edit': { caseId: 'case-sample', version: '2025-06-01T12:00:00.000Z', changes: {} },
  'lawyers:list': {},
  'lawyers:get': { id: 'lawyer-sample' },
  'lawyers:onCallNow': {},
  'lawyers:capacity': {},
  'lawyers:create': { lawyer: sampleLawyer() },
  'lawyers:update': { id: 'lawyer-sample', lawyer: sampleLawyer() },
  'lawyers:setStatus': { id: 'lawyer-sample', status: 'paused' },
  'lawyerImport:inspect': { uploadId: '0123456789abcdef0123456789abcdef' },
  'lawyerImport:check': {
    uploadId: '0123456789abcdef0123456789abcdef',
    mapping: [{ header: 'first_name', field: 'first_name' }],
  },
  'lawyerImport:saveTemplate': { language: 'fr' },
  'lawyerImport:commit': {
    uploadId: '0123456789abcdef0123456789abcdef',
    mapping: [{ header: 'first_name', field: 'first_name' }],
    duplicates: 'skip',
    decisions: [],
  },
  'directory:organizations': {},
  'directory:organization': { id: 'organization-sample' },
  'directory:createOrganization': {
    organization: { ...emptyOrganizationFields(), name: 'Sample Clinic (synthetic)', national: true },
  },
  'directory:updateOrganization': {
    id: 'organization-sample',
    organization: { ...emptyOrganizationFields(), name: 'Sample Clinic (synthetic)', national: true },
  },
  'directory:setOrganizationRetired': { id: 'organization-sample', retired: true },
  'directory:resources': {},
  'directory:createResource': { resource: { ...emptyResourceFields(), title: 'Sample guide (synthetic)' } },
  'directory:updateResource': {
    id: 'resource-sample',
    resource: { ...emptyResourceFields(), title: 'Sample guide (synthetic)' },
  },
  'directory:setResourceRetired': { id: 'resource-sample', retired: true },
  'packets:choices': { caseId: 'case-sample', kind: 'survivor' },
  'packets:preview': SAMPLE_PACKET,
  'packets:savePdf': SAMPLE_PACKET,
  'packets:print': SAMPLE_PACKET,
  'reports:caseload': { from: '2026-01-01', to: '' },
  'intakeCsv:template': { language: 'fr' },
  'matching:rank': { caseId: 'case-sample' },
  'matching:rankOrganizations': { caseId: 'case-sample' },
  'matching:reviewConflict': {
    caseId: 'case-sample',
    lawyerId: 'lawyer-sample',
    hitKey: 'hit-sample',
    decision: 'cleared',
    reason: 'A different person (sample)',
  },
  'referrals:propose': { caseId: 'case-sample', recipientKind: 'lawyer', recipientId: 'lawyer-sample' },
  'referrals:act': { referralId: 'referral-sample', action: 'send' },
  'referrals:list': {},
  'matching:batchPropose': {},
  'matching:batchProgress': {},
  'matching:batchCancel': {},
  'matching:batchApprove': { pairs: [{ caseId: 'case-sample', lawyerId: 'lawyer-sample' }] },
  'packets:letterTemplates': {},
  'casesFile:import': {
    json: '{"format":"ccij-cases-v1","exportedAt":"2026-01-01T00:00:00.000Z","cases":[]}',
    dryRun: true,
  },
  'casesFile:export': {},
  'packets:saveLetterTemplate': { language: 'fr', body: 'Bonjour {mp},\n\nUne lettre synthétique.' },
  'csvUpload:open': { kind: 'intakes', bytes: 30 },
  'csvUpload:append': { uploadId: '0123456789abcdef0123456789abcdef', text: 'family_name\n', last: false },
  'csvUpload:cancel': { uploadId: '0123456789abcdef0123456789abcdef' },
}
