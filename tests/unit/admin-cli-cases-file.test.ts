import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { CASEWORKER_PASSPHRASE, removeFolder } from '#test-support/vault-fixtures'
import { asUser, makeCliVault, readVault, runAdmin, type TCliVault } from '#test-support/admin-cli'

/* Synthetic, obviously invented people only. */

const normalized = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '"exportedAt":"…"')

// Each command is a fresh tsx process; on a busy machine a test with several of them takes a while.
describe('admin CLI: export cases and import cases (ccij-cases-v1)', { timeout: 240_000 }, () => {
  let source: TCliVault
  let target: TCliVault

  beforeAll(async () => {
    source = await makeCliVault('ccij-cli-cases-', (services) => {
      const intake = emptyIntake('2026-11-02')
      intake.person.familyName = 'Invented-Gamma'
      intake.needs.detentionPlace = 'Example Holding Centre'
      intake.adverseParties = [
        { kind: 'unit', name: 'Example Unit', originalScriptName: 'وحدة مثال', country: 'SY', notes: '' },
      ]
      services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })
    })
    target = await makeCliVault('ccij-cli-cases-target-')
  })
  afterAll(() => {
    removeFolder(source.root)
    removeFolder(target.root)
  })

  it('exports every case whole, imports it into a new vault, and exports the same file again', async () => {
    const first = join(source.root, 'cases.json')
    const exported = await runAdmin([
      'export',
      'cases',
      '--out',
      first,
      ...asUser(source.vault, 'alex.example'),
    ])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toBe(`Exported 1 case(s) to ${first}.\n`)
    expect(statSync(first).mode & 0o777).toBe(0o600)
    const text = readFileSync(first, 'utf8')
    expect(text).toContain('Example Holding Centre')
    expect(text).toContain('وحدة مثال')

    const imported = await runAdmin(['import', 'cases', first, ...asUser(target.vault, 'alex.example')])
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toBe('Imported 1 case(s).\n')
    const second = join(target.root, 'again.json')
    await runAdmin(['export', 'cases', '--out', second, ...asUser(target.vault, 'alex.example')])
    expect(normalized(readFileSync(second, 'utf8'))).toBe(normalized(text))
    const audit = await readVault(source.vault, ({ audit }) => audit.list({ action: 'export' }).entries)
    expect(audit[0]?.details).toMatchObject({ kind: 'cases', count: 1, fileName: 'cases.json' })
    expect(JSON.stringify(audit)).not.toMatch(/Invented|ccij-cli-cases/)

    // The same file again: every case is already there, so nothing is imported, and the CLI says where and why.
    const again = await runAdmin(['import', 'cases', first, ...asUser(target.vault, 'alex.example')])
    expect(again.code).toBe(1)
    expect(again.stderr.split('\n')[0]).toMatch(
      /^case 1 \(CCIJ-2026-0001\), reference: is already used by a case in this vault$/,
    )
  })

  it('names the case, field and rule of a bad file and imports nothing; only admins may run it', async () => {
    const bad = join(target.root, 'bad.json')
    const file = JSON.parse(readFileSync(join(source.root, 'cases.json'), 'utf8'))
    file.cases[0].reference = 'CCIJ-2026-0777'
    file.cases[0].file.needs.removalDate = '2027-02-30'
    writeFileSync(bad, JSON.stringify(file))
    const run = await runAdmin(['import', 'cases', bad, ...asUser(target.vault, 'alex.example')])
    expect(run.code).toBe(1)
    expect(run.stderr.split('\n')).toEqual([
      'case 1 (CCIJ-2026-0777), file.needs.removalDate: is not a date (YYYY-MM-DD) or that day does not exist',
      'error: the file was refused and nothing was imported: 1 problem(s).',
      '',
    ])
    const out = join(target.root, 'caseworker.json')
    const caseworker = await runAdmin(
      ['export', 'cases', '--out', out, ...asUser(target.vault, 'casey.example')],
      {
        CCIJ_PASSPHRASE: CASEWORKER_PASSPHRASE,
      },
    )
    expect(caseworker.code).toBe(1)
    expect(caseworker.stderr).toMatch(/Only an admin/)
    expect(existsSync(out)).toBe(false)
  })
})
