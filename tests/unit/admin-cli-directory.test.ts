import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CASEWORKER_PASSPHRASE, removeFolder } from '#test-support/vault-fixtures'
import { asUser, makeCliVault, runAdmin } from '#test-support/admin-cli'

/* Invented organizations only. */

/** `npm run admin -- …` as a caseworker (the directory is theirs to keep, not only admins'). */
const admin = (args: string[]) => runAdmin(args, { CCIJ_PASSPHRASE: CASEWORKER_PASSPHRASE })

const BAD = [
  'entry,name,category,provinces,website',
  'organization,Invented Aid,settlement,Atlantis,',
  'organization,Invented Help,astronauts,ON,not a link',
].join('\n')

describe('admin CLI: import directory and export directory', { timeout: 180_000 }, () => {
  let root: string
  let vault: string
  const as = (): string[] => asUser(vault, 'casey.example')

  beforeAll(async () => {
    ;({ root, vault } = await makeCliVault('ccij-cli-directory-'))
    writeFileSync(join(root, 'bad.csv'), BAD)
  })
  afterAll(() => removeFolder(root))

  it('refuses a bad file with one line per problem on stderr and exit code 1', async () => {
    const run = await admin(['import', 'directory', join(root, 'bad.csv'), ...as()])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('row 2: provinces “Atlantis” is not one of the accepted values')
    expect(run.stderr).toContain('row 3: category “astronauts” is not one of the accepted values')
    expect(run.stderr).toContain('row 3: website “not a link” is not a web link')
    expect(run.stderr).toContain('nothing was imported')
  })

  it('exports CSV or JSON by extension (0600, no temp file), and the export imports back as duplicates', async () => {
    const json = join(root, 'directory.json')
    const exported = await admin(['export', 'directory', '--out', json, ...as()])
    expect(exported).toMatchObject({ code: 0, stdout: `Exported 68 directory entr(ies) to ${json}.\n` })
    expect(statSync(json).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ format: 'ccij-directory', version: 1 })
    const csv = join(root, 'directory.csv')
    expect((await admin(['export', 'directory', '--out', csv, ...as()])).code).toBe(0)
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF"entry","name"')).toBe(true)
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect((await admin(['export', 'directory', '--out', csv, ...as()])).code).toBe(2)
    expect((await admin(['export', 'directory', '--out', join(root, 'd.txt'), ...as()])).code).toBe(2)

    const dry = await admin(['import', 'directory', json, ...as(), '--dry-run'])
    expect(dry).toMatchObject({ code: 0 })
    expect(dry.stdout).toContain('0 new, 68 already in the directory (would be skipped)')
    const again = await admin(['import', 'directory', csv, ...as(), '--duplicates', 'update'])
    expect(again).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Added 0 entr(ies), updated 68, skipped 0 already there.\n',
    })
  })
})
