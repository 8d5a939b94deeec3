import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import { syntheticRosterLawyers } from '#test-support/synthetic'
import { createTestVault, signInAsViewer } from '#test-support/vault-fixtures'
import { emptyLawyerFields, type TLawyerFields } from '../../../shared/roster/lawyer-schema'

/** Monday 22:30 in Montréal (EDT), 19:30 in Vancouver, 23:30 in Halifax. */
const MONDAY_NIGHT_IN_MONTREAL = Date.parse('2026-07-07T02:30:00Z')

const lawyer = (change: (fields: TLawyerFields) => void = () => {}): TLawyerFields => {
  const fields = emptyLawyerFields()
  fields.firstName = 'Zofia'
  fields.lastName = 'Example-Counsel'
  fields.email = 'zofia@example.org'
  fields.memberships = [
    { province: 'QC', licenceNumber: 'QC-1001', status: 'practising', verifiedOn: '2026-01-10' },
  ]
  fields.languages = ['fr', 'ar']
  fields.practiceAreas = ['refugee_claim', 'airport_support']
  fields.city = 'Montréal'
  fields.province = 'QC'
  fields.airports = ['YUL']
  fields.onCallWindows = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '23:00' }]
  fields.maxActive = 3
  fields.conflicts = [{ kind: 'person', name: 'Mohammed Al-Hassan' }]
  change(fields)
  return fields
}

describe('the roster', () => {
  const root = tempFolderPerTest()

  it('adds, edits and pauses a lawyer, auditing ids and field names but never values', async () => {
    const services = await createTestVault(root(), { now: () => MONDAY_NIGHT_IN_MONTREAL })
    const created = services.roster.create(lawyer())
    expect(services.roster.get(created.id)).toMatchObject({
      lastName: 'Example-Counsel',
      memberships: [{ province: 'QC' }],
    })
    const edited = services.roster.update(
      created.id,
      lawyer((fields) => (fields.firm = 'Cabinet Exemple')),
    )
    expect(edited.firm).toBe('Cabinet Exemple')
    expect(services.roster.setStatus(created.id, 'paused').status).toBe('paused')

    const entries = services.audit.list({}).entries.filter((entry) => entry.targetType === 'lawyer')
    expect(entries.map((entry) => [entry.action, entry.details])).toEqual(
      expect.arrayContaining([
        ['record.created', {}],
        ['record.changed', { fields: ['firm'] }],
        ['record.changed', { fields: ['status'], status: 'paused' }],
      ]),
    )
    const trail = JSON.stringify(services.audit.list({}).entries)
    for (const value of ['Example-Counsel', 'Cabinet Exemple', 'zofia@example.org', 'Al-Hassan'])
      expect(trail).not.toContain(value)
    // The conflict name is stored with its kind when saved from the form.
    expect(services.roster.get(created.id).conflicts).toEqual([
      { kind: 'person', name: 'Mohammed Al-Hassan' },
    ])
  })

  it('refuses a licence number another lawyer holds in the same law society, however it is spaced', async () => {
    const services = await createTestVault(root())
    services.roster.create(lawyer())
    const copy = lawyer((fields) => {
      fields.email = 'other@example.org'
      fields.memberships = [
        { province: 'QC', licenceNumber: 'qc 1001', status: 'unverified', verifiedOn: '' },
      ]
    })
    expect(codeOf(() => services.roster.create(copy))).toBe('CONFLICT')
    expect(services.roster.list({}).total).toBe(1)
  })

  it('lets every role read but only caseworkers and admins change, in core itself', async () => {
    const services = await createTestVault(root())
    const { id } = services.roster.create(lawyer())
    await signInAsViewer(services)
    expect(services.roster.list({}).total).toBe(1)
    expect(services.roster.get(id).id).toBe(id)
    expect(services.directory.organizations({}).length).toBe(52)
    const attempts = [
      () => services.roster.create(lawyer((fields) => (fields.email = 'x@example.org'))),
      () => services.roster.update(id, lawyer()),
      () => services.roster.setStatus(id, 'paused'),
      () => services.lawyerImport.check('first_name\nA', [{ header: 'first_name', field: 'first_name' }]),
      () => services.lawyerImport.templateFileName('en'),
      () => services.lawyerImport.saveTemplate('en', join(root(), 'template.csv')),
      () =>
        services.directory.setOrganizationRetired(services.directory.organizations({})[0]?.id ?? '', true),
    ]
    expect(attempts.map((attempt) => codeOf(attempt))).toEqual(attempts.map(() => 'FORBIDDEN'))
  })

  it('says who is on call at each airport now, in that airport’s local time', async () => {
    const services = await createTestVault(root(), { now: () => MONDAY_NIGHT_IN_MONTREAL })
    const montreal = services.roster.create(lawyer())
    // The same evening hours at Halifax have ended there (23:30), and a paused lawyer is never on call.
    services.roster.create(
      lawyer((fields) => {
        fields.email = 'hx@example.org'
        fields.memberships = []
        fields.airports = ['YHZ']
      }),
    )
    const paused = services.roster.create(
      lawyer((fields) => {
        fields.email = 'p@example.org'
        fields.memberships = []
      }),
    )
    services.roster.setStatus(paused.id, 'paused')
    const now = services.roster.onCallNow()
    const yul = now.find((entry) => entry.airport === 'YUL')
    expect(yul).toMatchObject({ localDay: 'mon', localTime: '22:30' })
    expect(yul?.lawyers.map((entry) => entry.id)).toEqual([montreal.id])
    expect(now.find((entry) => entry.airport === 'YHZ')?.lawyers).toEqual([])
    expect(services.roster.list({ onCallNow: true }).rows.map((row) => row.id)).toEqual([montreal.id])
    expect(services.roster.list({ onCallNow: true, airport: 'YHZ' }).total).toBe(0)
    expect(services.roster.list({}).rows.find((row) => row.id === montreal.id)?.onCallNowAt).toEqual(['YUL'])
  })

  it('filters by province (home or law society), language, practice area, capacity and accent-free search', async () => {
    const services = await createTestVault(root())
    for (const fields of syntheticRosterLawyers(60, 3, 2)) services.roster.create(fields)
    const all = syntheticRosterLawyers(60, 3, 2)
    const count = (predicate: (fields: TLawyerFields) => boolean) => all.filter(predicate).length
    expect(services.roster.list({ language: 'en' }).total).toBe(60)
    expect(services.roster.list({ province: 'ON' }).total).toBe(
      count((f) => f.province === 'ON' || f.memberships.some((m) => m.province === 'ON')),
    )
    expect(services.roster.list({ practiceArea: 'civil_claim' }).total).toBe(
      count((f) => f.practiceAreas.includes('civil_claim')),
    )
    // No referrals yet: every active lawyer offering a place can take one; paused lawyers cannot.
    expect(services.roster.list({ hasCapacity: true }).total).toBe(
      count((f) => f.status === 'active' && f.maxActive > 0),
    )
    expect(services.roster.list({ status: 'paused' }).total).toBe(count((f) => f.status === 'paused'))
    services.roster.create(lawyer())
    expect(services.roster.list({ search: 'montreal zofia' }).total).toBe(1)
    const page = services.roster.list({ limit: 10, offset: 10 })
    expect(page.rows).toHaveLength(10)
    expect(page.total).toBe(61)
  })
})
