import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import { emptyOrganizationFields, type TOrganizationFields } from '../../../shared/roster/directory-schema'
import { CASEWORKER_PASSPHRASE, createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type { TVaultServices } from '../services'

// Monday 10:00 in Montréal.
const NOW = Date.parse('2026-11-30T15:00:00Z')

const organization = (edit: Partial<TOrganizationFields>): TOrganizationFields => ({
  ...emptyOrganizationFields(),
  lastVerifiedOn: '2026-05-12',
  ...edit,
})

describe('ranking directory organizations for a case in the vault', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices
  let caseId = ''

  beforeEach(async () => {
    services = await createTestVault(root(), { now: () => NOW })
    const draft = emptyIntake('2026-11-29')
    draft.person.familyName = 'Testsurvivor-Orgs'
    draft.languages.preferred = 'ar'
    draft.location.province = 'QC'
    draft.needs.needs = ['refugee_claim']
    caseId = services.intake.submit({
      intake: draft,
      decision: { kind: 'new' },
      reviewedCandidates: [],
    }).caseId
  })
  afterEach(() => services.vault.lock())

  it('ranks Quebec and national organizations, excludes the others with why, and audits counts only', () => {
    const quebec = services.directory.createOrganization(
      organization({ name: 'Clinique Exemple Réfugiés', provinces: ['QC'], languages: ['ar', 'fr'] }),
    )
    const national = services.directory.createOrganization(
      organization({ name: 'Example National Council', national: true, email: 'intake@example.org' }),
    )
    const ontario = services.directory.createOrganization(
      organization({ name: 'Example Ontario Clinic', provinces: ['ON'] }),
    )
    const retired = services.directory.createOrganization(
      organization({ name: 'Example Old Clinic', national: true }),
    )
    services.directory.setOrganizationRetired(retired.id, true)

    // The vault starts with the directory's seeded organizations; these four are the story.
    const ours = new Set([quebec.id, national.id, ontario.id, retired.id])
    const view = services.organizationMatching.rank(caseId)
    const ranked = view.ranked.filter((each) => ours.has(each.organizationId))
    expect(ranked.map((each) => each.organizationId)).toEqual([quebec.id, national.id])
    expect(ranked[0]?.reasons.map((reason) => reason.key)).toEqual([
      'org.needs',
      'org.province',
      'org.language.preferred',
      'org.verified',
    ])
    expect(ranked[1]).toMatchObject({ national: true, email: 'intake@example.org' })
    expect(view.excluded.filter((each) => ours.has(each.organizationId))).toEqual([
      {
        organizationId: ontario.id,
        name: 'Example Ontario Clinic',
        reasons: [{ key: 'org.excluded.province', params: { province: 'QC' } }],
      },
    ])
    expect(view.rankedTotal).toBe(view.ranked.length)
    expect(view.excludedTotal).toBe(view.excluded.length)

    const audit = services.audit
      .list()
      .entries.find((entry) => entry.details['view'] === 'matching_organizations')
    expect(audit).toMatchObject({ action: 'record.viewed', targetId: caseId })
    expect(audit?.details).toEqual({
      view: 'matching_organizations',
      ranked: view.rankedTotal,
      excluded: view.excludedTotal,
    })
    expect(JSON.stringify(audit)).not.toContain('Testsurvivor')
  })

  it('keeps the ranking’s score and reasons on a referral to an organization it holds relevant, none otherwise', () => {
    const quebec = services.directory.createOrganization(
      organization({ name: 'Clinique Exemple Réfugiés', provinces: ['QC'], languages: ['ar'] }),
    )
    const ontario = services.directory.createOrganization(
      organization({ name: 'Example Ontario Clinic', provinces: ['ON'] }),
    )
    const ranked = services.organizationMatching
      .rank(caseId)
      .ranked.find((each) => each.organizationId === quebec.id)
    const referred = services.referrals.propose({
      caseId,
      recipientKind: 'organization',
      recipientId: quebec.id,
    })
    expect(referred.score).toBe(ranked?.score)
    expect(referred.reasons).toEqual(ranked?.reasons)
    // Staff may still refer outside the ranking (a service the directory's keys do not say): no score, no reasons.
    const outside = services.referrals.propose({
      caseId,
      recipientKind: 'organization',
      recipientId: ontario.id,
    })
    expect(outside).toMatchObject({ score: null, reasons: [], state: 'proposed' })
  })

  it('answers NOT_FOUND for a case that does not exist', () => {
    expect(codeOf(() => services.organizationMatching.rank('no-such-case'))).toBe('NOT_FOUND')
  })

  it('is for caseworkers and admins only, in core itself', async () => {
    await services.accounts.add({
      username: 'vera.orgs',
      displayName: 'Vera Viewer',
      role: 'viewer',
      passphrase: CASEWORKER_PASSPHRASE,
    })
    services.vault.lock()
    await services.vault.unlock('vera.orgs', CASEWORKER_PASSPHRASE)
    expect(codeOf(() => services.organizationMatching.rank(caseId))).toBe('FORBIDDEN')
  })
})
