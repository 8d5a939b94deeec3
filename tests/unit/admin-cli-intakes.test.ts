import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CASEWORKER_PASSPHRASE, removeFolder } from '#test-support/vault-fixtures'
import { asUser, makeCliVault, readVault, runAdmin } from '#test-support/admin-cli'

/* Synthetic, obviously invented people only. */

const admin = runAdmin

const GOOD = [
  'Reference,Surname,First name,DOB,Province,Language,Needs,Experiences,Narrative,Consent_share_lawyer,Notes',
  'CCIJ-2023-0500,Invented-Alpha,Test,1979-04-04,MB,ti,refugee_claim,torture,"Canary-CLI-9d2e\nsecond line",yes,=cmd',
  ',Invented-Beta,Test,,NS,so,,,,no,',
].join('\n')

const BAD = [
  'family_name,date_of_birth,province,gender',
  'Invented-Fine,1980-01-01,ON,woman',
  'Invented-Wrong,1980-02-31,ON,woman',
  'Invented-Fine,,,',
  'Invented-Wrong,,ZZ,robot',
].join('\n')

// Each command is a fresh tsx process; on a busy machine a test with several of them takes a while.
describe('admin CLI: import intakes and export intakes', { timeout: 180_000 }, () => {
  let root: string
  let vault: string
  let as: string[]

  beforeAll(async () => {
    ;({ root, vault } = await makeCliVault('ccij-cli-intakes-'))
    as = asUser(vault, 'alex.example')
    writeFileSync(join(root, 'good.csv'), `\uFEFF${GOOD}`)
    writeFileSync(join(root, 'bad.csv'), BAD)
  })
  afterAll(() => removeFolder(root))

  const auditOf = (action: 'import' | 'export') =>
    readVault(vault, ({ audit }) => audit.list({ action }).entries)

  it('refuses a file with bad rows whole, printing every bad row and field, and imports nothing', async () => {
    const run = await admin(['import', 'intakes', join(root, 'bad.csv'), ...as])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n')).toEqual([
      'row 3: date_of_birth 1980-02-31 does not exist: February 1980 has 29 days',
      'row 5: gender robot is not one of woman, man, non_binary, self_described, prefer_not_to_say',
      'row 5: province ZZ is not a province code (AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT)',
      'error: the file was refused and nothing was imported: 3 problem(s) in 2 of 4 row(s).',
      '',
    ])
    expect(await auditOf('import')).toEqual([])
  })

  it('checks a file with --dry-run without storing it, then imports it and audits counts only', async () => {
    const dry = await admin(['import', 'intakes', join(root, 'good.csv'), '--dry-run', ...as])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toBe('')
    expect(dry.stderr).toBe('Checked: 2 row(s) ready to import. Nothing was stored (dry run).\n')
    const dryJson = await admin(['import', 'intakes', join(root, 'good.csv'), '--dry-run', '--json', ...as])
    expect(JSON.parse(dryJson.stdout)).toEqual({ dryRun: true, rows: 2, created: [] })
    expect(await auditOf('import')).toEqual([])

    // stdout: the references created, one per line in file order (the second row was given the next one).
    const run = await admin(['import', 'intakes', join(root, 'good.csv'), ...as])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('Imported 2 case(s) from 2 row(s).\n')
    const references = run.stdout.split('\n')
    expect(references).toHaveLength(3)
    expect(references[0]).toBe('CCIJ-2023-0500')
    expect(references[1]).toMatch(/^CCIJ-\d{4}-\d{4,}$/)
    expect(references[2]).toBe('')
    const stored = await readVault(vault, ({ caseList }) =>
      caseList
        .list({})
        .rows.map((row) => row.reference)
        .sort(),
    )
    expect(stored).toEqual(references.slice(0, 2).sort())
    const entries = await auditOf('import')
    expect(entries).toHaveLength(1)
    expect(entries[0]?.actorUsername).toBe('alex.example')
    expect(entries[0]?.details).toMatchObject({ created: 2 })
    expect(JSON.stringify(entries)).not.toMatch(/Invented|Canary/)

    // Again: the reference is taken now, so the whole file is refused.
    const again = await admin(['import', 'intakes', join(root, 'good.csv'), ...as])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('row 2: reference CCIJ-2023-0500 is already in the vault')
  })

  it('exports every case with neutralized cells, refuses to overwrite without --force, and audits', async () => {
    const out = join(root, 'exports', 'intakes.csv')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(root, 'exports'))
    const run = await admin(['export', 'intakes', '--out', out, ...as])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`Exported 2 case(s) to ${out}.\n`)
    expect(run.stderr).toMatch(/plain text \(not encrypted\)/)
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFF"reference","family_name","given_names"')).toBe(true)
    expect(text).toContain('"CCIJ-2023-0500","Invented-Alpha","Test"')
    expect(text).toContain(`"'=cmd`)
    expect(text).toContain('Canary-CLI-9d2e')
    expect(readdirSync(join(root, 'exports'))).toEqual(['intakes.csv'])

    const refused = await admin(['export', 'intakes', '--out', out, ...as])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/already exists\. Add --force/)

    const forced = await admin(['export', 'intakes', '--out', out, '--force', ...as])
    expect(forced.code).toBe(0)
    const entries = await auditOf('export')
    expect(entries).toHaveLength(2)
    expect(entries[0]?.details).toMatchObject({ count: 2, fileName: 'intakes.csv' })
    expect(JSON.stringify(entries)).not.toMatch(/Invented|Canary/)

    // What the CLI exported reads back through the import (a new vault would take it; this one has the references).
    const back = await admin(['import', 'intakes', out, '--dry-run', ...as])
    expect(back.stderr).toMatch(/row 2: reference CCIJ-2023-0500 is already in the vault/)
  })

  it('prints the created references as one JSON object with --json', async () => {
    // --json: exactly one object on stdout, the created references in file order.
    writeFileSync(join(root, 'more.csv'), 'family_name\nInvented-Gamma\nInvented-Delta\n')
    const json = await admin(['import', 'intakes', join(root, 'more.csv'), '--json', ...as])
    expect(json.code).toBe(0)
    const parsed = JSON.parse(json.stdout) as { dryRun: boolean; rows: number; created: string[] }
    expect(parsed).toMatchObject({ dryRun: false, rows: 2 })
    expect(parsed.created).toHaveLength(2)
    expect(new Set(parsed.created).size).toBe(2)
    expect(parsed.created.every((reference) => /^CCIJ-\d{4}-\d{4,}$/.test(reference))).toBe(true)
    const stored = await readVault(vault, ({ caseList }) =>
      caseList.list({}).rows.map((row) => row.reference),
    )
    for (const reference of parsed.created) expect(stored).toContain(reference)
  })

  it('lets only admins import or export', async () => {
    const caseworker = ['--vault', vault, '--user', 'casey.example']
    const env = { CCIJ_PASSPHRASE: CASEWORKER_PASSPHRASE }
    const run = await admin(['import', 'intakes', join(root, 'good.csv'), '--dry-run', ...caseworker], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Only an admin/)
    const out = join(root, 'caseworker.csv')
    const exported = await admin(['export', 'intakes', '--out', out, ...caseworker], env)
    expect(exported.code).toBe(1)
    expect(existsSync(out)).toBe(false)
  })

  it('answers usage mistakes with exit 2', async () => {
    const runs = await Promise.all([
      admin(['import', join(root, 'good.csv'), ...as]),
      admin(['import', 'intakes', ...as]),
      admin(['export', 'intakes', ...as]),
    ])
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2])
    expect(runs[2]?.stderr).toMatch(/--out is required/)
    const missing = await admin(['import', 'intakes', join(root, 'missing.csv'), ...as])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/There is no file/)
  })
})
