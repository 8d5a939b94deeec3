import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CASEWORKER_PASSPHRASE, removeFolder } from '#test-support/vault-fixtures'
import { asUser, makeCliVault, runAdmin } from '#test-support/admin-cli'

/* Synthetic, obviously invented lawyers only. */

/** `npm run admin -- …` as a caseworker (the roster is theirs to keep, not only admins'). */
const admin = (args: string[]) => runAdmin(args, { CCIJ_PASSPHRASE: CASEWORKER_PASSPHRASE })

const GOOD = [
  'First name,Last name,Courriel,Barreau,Licence number,Practice areas,Languages,Airports,Airport on call,Conflicts',
  'Ada,Invented,ada@example.org,Ontario,LSO-1,refugee claim,English; arabe,YYZ,Mon-Fri 18:00-23:00,person:Test Party',
  'Bao,Invented,bao@example.org,QC,B-2,demande d’asile,fr,,,',
].join('\n')

const BAD = [
  'first_name,last_name,email,law_society_province,licence_number,practice_areas',
  'Cy,Invented,not-an-email,Atlantis,C-3,refugee claim',
  'Di,Invented,di@example.org,ON,LSO-1,astronaut law',
].join('\n')

describe('admin CLI: import lawyers and export lawyers', { timeout: 180_000 }, () => {
  let root: string
  let vault: string
  const as = (): string[] => asUser(vault, 'casey.example')

  beforeAll(async () => {
    ;({ root, vault } = await makeCliVault('ccij-cli-lawyers-'))
    writeFileSync(join(root, 'good.csv'), GOOD)
    writeFileSync(join(root, 'bad.csv'), BAD)
  })
  afterAll(() => removeFolder(root))

  it('refuses a bad file with one line per problem on stderr and exit code 1', async () => {
    const run = await admin(['import', 'lawyers', join(root, 'bad.csv'), ...as()])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('row 2: email is not an email address')
    expect(run.stderr).toContain(
      'row 2: law_society_province “Atlantis” is not a Canadian province or territory',
    )
    expect(run.stderr).toContain('row 3: practice_areas “astronaut law” is not a practice area')
    expect(run.stderr).toContain('nothing was imported')
  })

  it('imports, reports duplicates on a second run, and exports 0600 with no temp file left', async () => {
    const dry = await admin(['import', 'lawyers', join(root, 'good.csv'), ...as(), '--dry-run'])
    expect(dry).toMatchObject({ code: 0 })
    expect(dry.stdout).toContain('2 new, 0 already on the roster')
    const first = await admin(['import', 'lawyers', join(root, 'good.csv'), ...as()])
    expect(first.stdout).toBe('Added 2 lawyer(s), updated 0, skipped 0 duplicate(s).\n')
    const again = await admin([
      'import',
      'lawyers',
      join(root, 'good.csv'),
      ...as(),
      '--duplicates',
      'update',
    ])
    expect(again.stdout).toBe('Added 0 lawyer(s), updated 2, skipped 0 duplicate(s).\n')

    const out = join(root, 'roster.csv')
    const exported = await admin(['export', 'lawyers', '--out', out, ...as()])
    expect(exported).toMatchObject({ code: 0, stdout: `Exported 2 lawyer(s) to ${out}.\n` })
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([])
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFF"first_name","last_name"')).toBe(true)
    expect(text).toContain('"Mon-Fri 18:00-23:00"')
    expect((await admin(['export', 'lawyers', '--out', out, ...as()])).code).toBe(2)
  })
})
