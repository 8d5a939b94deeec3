import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { emptyLawyerFields } from '../../src/shared/roster/lawyer-schema'
import { LawyerRepository } from '../../src/main/core/roster/lawyer-repository'
import { ADMIN_PASSPHRASE, CASEWORKER_PASSPHRASE, removeFolder } from '#test-support/vault-fixtures'
import { makeCliVault, runAdmin } from '#test-support/admin-cli'

/* Synthetic, obviously invented people only. */

const admin = (args: string[], passphrase = ADMIN_PASSPHRASE) =>
  runAdmin(args, { CCIJ_PASSPHRASE: passphrase })

describe('admin CLI: match', { timeout: 180_000 }, () => {
  let root: string
  let vault: string
  let reference: string

  beforeAll(async () => {
    ;({ root, vault } = await makeCliVault('ccij-cli-match-', (created) => {
      const draft = emptyIntake('2026-11-20')
      draft.person.familyName = 'Invented-Gamma'
      draft.languages.preferred = 'ar'
      draft.location.province = 'ON'
      draft.needs.needs = ['civil_claim']
      draft.adverseParties = [
        { kind: 'person', name: 'Muhammad Alhasan', originalScriptName: '', country: '', notes: '' },
      ]
      reference = created.intake.submit({
        intake: draft,
        decision: { kind: 'new' },
        reviewedCandidates: [],
      }).reference
      const db = created.vault.sessions.require().db
      const lawyers = new LawyerRepository(db)
      const base = { ...emptyLawyerFields(), practiceAreas: ['civil_claim' as const], maxActive: 4 }
      db.transaction(() => {
        lawyers.insert(
          'a',
          {
            ...base,
            firstName: 'Testa',
            lastName: 'Arabic',
            email: 'testa@example.org',
            languages: ['ar'],
            memberships: [{ province: 'ON', licenceNumber: 'P1', status: 'practising', verifiedOn: '' }],
          },
          '2026-11-20T00:00:00Z',
          null,
        )
        lawyers.insert(
          'b',
          {
            ...base,
            firstName: 'Testb',
            lastName: 'Quebec',
            email: 'testb@example.org',
            memberships: [{ province: 'QC', licenceNumber: 'P2', status: 'practising', verifiedOn: '' }],
          },
          '2026-11-20T00:00:00Z',
          null,
        )
        lawyers.insert(
          'c',
          {
            ...base,
            firstName: 'Testc',
            lastName: 'Conflicted',
            email: 'testc@example.org',
            memberships: [{ province: 'ON', licenceNumber: 'P3', status: 'practising', verifiedOn: '' }],
            conflicts: [{ kind: 'person', name: 'محمد الحسن' }],
          },
          '2026-11-20T00:00:00Z',
          null,
        )
      })
    }))
  })
  afterAll(() => removeFolder(root))

  it('prints exactly one JSON object, best first, with reasons in words and every excluded lawyer with why', async () => {
    const run = await admin(
      ['match', '--survivor', reference, '--vault', vault, '--user', 'casey.example', '--json'],
      CASEWORKER_PASSPHRASE,
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const answer = JSON.parse(run.stdout) as Record<string, unknown>
    expect(Object.keys(answer)).toEqual(['survivor', 'ranked', 'excluded'])
    expect(answer['survivor']).toBe(reference)
    expect(answer['ranked']).toEqual([
      {
        lawyer: 'Testa Arabic',
        email: 'testa@example.org',
        score: 80,
        reasons: [
          'practises civil claims (1 of 1 needs) +40',
          'speaks Arabic +30',
          '4 of 4 places free',
          'never offered a referral +10',
          'licensed in ON',
        ],
      },
    ])
    expect(answer['excluded']).toEqual([
      {
        lawyer: 'Testb Quebec',
        email: 'testb@example.org',
        reasons: ['not licensed in ON (civil claims)'],
      },
      {
        lawyer: 'Testc Conflicted',
        email: 'testc@example.org',
        reasons: [
          expect.stringMatching(
            /^possible conflict, not yet reviewed: Muhammad Alhasan ~ محمد الحسن \(declared by the lawyer; match 0\.\d\d: name\./,
          ),
        ],
      },
    ])
  })

  it('exits 1 for an unknown reference, with nothing on stdout', async () => {
    const run = await admin([
      'match',
      '--survivor',
      'CCIJ-2026-9999',
      '--vault',
      vault,
      '--user',
      'alex.example',
      '--json',
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('error: There is no case CCIJ-2026-9999.\n')
  })
})
