import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake, type TIntake } from '../../../shared/cases/intake-schema'
import type { TCaseReport } from '../../../shared/contract/reports'
import { createTestVault } from '#test-support/vault-fixtures'
import { codeOf, tempFolderPerTest } from '#test-support/per-test'
import type { TVaultServices } from '../services'

const FAMILY_NAMES = ['Alder', 'Birchwood', 'Cedarson', 'Dogwood', 'Elmsworth', 'Firbank', 'Ginkgo', 'Hazeldine']
const GIVEN_NAMES = ['Testa', 'Exemplo', 'Sampla', 'Fictiva', 'Mocka', 'Dummyn', 'Placido', 'Synthia']

/** A fictitious survivor opened on `openedOn`, from the given country and province, with one experience. */
function reportIntake(index: number, openedOn: string, country: string, province: TIntake['location']['province']) {
  const intake = emptyIntake(openedOn)
  intake.person.givenNames = GIVEN_NAMES[index % 8] ?? 'Testa'
  intake.person.familyName = `${FAMILY_NAMES[Math.floor(index / 8) % 8] ?? 'Alder'}-${index}`
  intake.location.countryOfOrigin = country
  intake.location.province = province
  intake.needs.needs = ['refugee_claim']
  intake.experiences.entries = [{ kind: 'torture', otherKind: '', country, period: '', place: '' }]
  return intake
}

const cell = (report: TCaseReport, breakdown: keyof TCaseReport['breakdowns'], key: string) =>
  report.breakdowns[breakdown].find((entry) => entry.key === key)?.count

describe('the caseload report', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root(), { now: () => Date.parse('2026-11-27T15:00:00Z') })
  })
  afterEach(() => services.vault.lock())

  const open = (intake: TIntake) => {
    const reviewedCandidates = services.intake.findDuplicates(intake).map((candidate) => candidate.caseId)
    services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates })
  }

  it('counts cases by country, province, need, experience and month, and withholds the small ones', () => {
    // 9 from Syria in Quebec in October, 3 from Eritrea in Nova Scotia in November.
    for (let i = 0; i < 9; i++) open(reportIntake(i, '2026-10-05', 'SY', 'QC'))
    for (let i = 9; i < 12; i++) open(reportIntake(i, '2026-11-03', 'ER', 'NS'))
    const report = services.reports.caseload({})
    expect(report.total).toBe(12)
    expect(cell(report, 'status', 'new')).toBe(12)
    expect(cell(report, 'status', 'closed')).toBe(0)
    expect(cell(report, 'legalNeed', 'refugee_claim')).toBe(12)
    expect(cell(report, 'experience', 'torture')).toBe(12)
    // Eritrea's 3 are withheld, and Syria's 9 with them: published alone, 12 − 9 would give the 3 back.
    expect(cell(report, 'countryOfOrigin', 'ER')).toBeNull()
    expect(cell(report, 'countryOfOrigin', 'SY')).toBeNull()
    expect(cell(report, 'province', 'NS')).toBeNull()
    expect(cell(report, 'province', 'QC')).toBeNull()
    expect(cell(report, 'province', 'ON')).toBe(0)
    expect(report.breakdowns.monthOpened).toEqual([
      { key: '2026-10', count: null },
      { key: '2026-11', count: null },
    ])
  })

  it('counts only cases opened in the date range, and withholds everything under 5 cases', () => {
    for (let i = 0; i < 6; i++) open(reportIntake(i, '2026-09-10', 'SY', 'QC'))
    for (let i = 6; i < 9; i++) open(reportIntake(i, '2026-11-03', 'ER', 'NS'))
    const september = services.reports.caseload({ from: '2026-09-01', to: '2026-09-30' })
    expect(september.total).toBe(6)
    expect(cell(september, 'countryOfOrigin', 'SY')).toBe(6)
    expect(september.breakdowns.monthOpened).toEqual([{ key: '2026-09', count: 6 }])
    const november = services.reports.caseload({ from: '2026-11-01', to: '' })
    expect(november.total).toBeNull()
    expect(cell(november, 'countryOfOrigin', 'ER')).toBeNull()
    expect(cell(november, 'status', 'new')).toBeNull()
  })

  it('holds no name or reference, and is audited with its range and count only', () => {
    for (let i = 0; i < 5; i++) open(reportIntake(i, '2026-10-05', 'SY', 'QC'))
    const text = JSON.stringify(services.reports.caseload({ from: '2026-10-01' }))
    expect(text).not.toMatch(/Testa|Alder|CCIJ-/)
    const entry = services.audit.list({ action: 'reports.viewed' }).entries[0]
    expect(entry?.details).toEqual({ from: '2026-10-01', to: '', results: 5 })
  })

  it('refuses a range that ends before it starts, and a viewer', async () => {
    expect(() => services.reports.caseload({ from: '2026-10-01', to: '2026-09-01' })).toThrow(/toBeforeFrom/)
    await services.accounts.add({
      username: 'vic.example',
      displayName: 'Vic Viewer-Example',
      role: 'viewer',
      passphrase: 'orchid tunnel amber quartz 58',
    })
    services.vault.lock()
    await services.vault.unlock('vic.example', 'orchid tunnel amber quartz 58')
    expect(codeOf(() => services.reports.caseload({}))).toBe('FORBIDDEN')
  })
})
