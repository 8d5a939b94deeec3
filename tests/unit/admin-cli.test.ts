import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CASEWORKER_PASSPHRASE,
  createTestVault,
  FLOOR_KDF,
  makeTempFolder,
  removeFolder,
} from '#test-support/vault-fixtures'
import { runAdmin } from '#test-support/admin-cli'

const admin = runAdmin

// Each CLI run is a fresh process with its own key derivation: a test of eight runs outlasts a minute on a busy machine.
describe('admin CLI', { timeout: 180_000 }, () => {
  let root: string
  let vaultFolder: string
  beforeAll(async () => {
    root = makeTempFolder('ccij-cli-')
    // Made in-process with cheap KDF slots so most commands unlock fast; `init` below uses the real parameters.
    const { vault } = await createTestVault(root, { kdf: FLOOR_KDF })
    vault.lock()
    vaultFolder = join(root, 'vault')
  })
  afterAll(() => removeFolder(root))

  it('init creates a vault and prints the recovery key once; verify exits 0', async () => {
    const initFolder = join(root, 'created-by-cli')
    const init = await admin([
      'init',
      '--vault',
      initFolder,
      '--user',
      'alex.example',
      '--display-name',
      'Alex Staff-Example',
      '--organization',
      'CCIJ',
    ])
    expect(init.stderr).toBe('')
    expect(init.code).toBe(0)
    expect(init.stdout).toMatch(/Recovery key[\s\S]*([0-9A-Z]{5}-){5}[0-9A-Z]{5}/)
    const again = await admin(['init', '--vault', initFolder, '--user', 'alex.example'])
    expect(again.code).not.toBe(0)
    expect(again.stderr).toMatch(/already exists/)

    const verify = await admin(['verify', '--vault', initFolder, '--user', 'alex.example'])
    expect(verify.code).toBe(0)
    expect(verify.stdout).toMatch(/database: ok[\s\S]*audit trail: intact/)
  })

  it('adds and lists users, reads a passphrase file, and changes a passphrase', async () => {
    const add = await admin(
      [
        'users',
        'add',
        '--vault',
        vaultFolder,
        '--user',
        'alex.example',
        '--username',
        'jordan.example',
        '--display-name',
        'Jordan Example',
        '--role',
        'caseworker',
      ],
      { CCIJ_NEW_PASSPHRASE: CASEWORKER_PASSPHRASE },
    )
    expect(add.stderr).toBe('')
    expect(add.code).toBe(0)
    const passphraseFile = join(root, 'jordan.example.pass')
    writeFileSync(passphraseFile, `${CASEWORKER_PASSPHRASE}\n`, { mode: 0o600 })
    const list = await admin(
      [
        'users',
        'list',
        '--vault',
        vaultFolder,
        '--user',
        'jordan.example',
        '--passphrase-file',
        passphraseFile,
      ],
      {
        CCIJ_PASSPHRASE: '',
      },
    )
    // Finding 3: the CLI once listed every account to any role. The core refuses, whatever the host.
    expect(list.code).toBe(1)
    expect(list.stderr).toMatch(/Only an admin/)
    expect(list.stdout).toBe('')
    const adminList = await admin(['users', 'list', '--vault', vaultFolder, '--user', 'alex.example'])
    expect(adminList.code).toBe(0)
    expect(adminList.stdout).toContain('jordan.example\tcaseworker\tactive\tJordan Example')
    expect(adminList.stdout).toContain('alex.example\tadmin\tactive')

    // The admin chose Jordan's passphrase: until Jordan chooses their own (passwd), the core refuses their work.
    const asJordan = ['--vault', vaultFolder, '--user', 'jordan.example', '--passphrase-file', passphraseFile]
    const exportFile = join(root, 'directory-by-jordan.json')
    const held = await admin(['export', 'directory', ...asJordan, '--out', exportFile], {
      CCIJ_PASSPHRASE: '',
    })
    expect(held.code).toBe(1)
    expect(held.stderr).toMatch(/chosen by an admin\. Choose your own passphrase/)
    expect(existsSync(exportFile)).toBe(false)

    const passwd = await admin(
      ['passwd', '--vault', vaultFolder, '--user', 'jordan.example', '--passphrase-file', passphraseFile],
      {
        CCIJ_NEW_PASSPHRASE: 'granite tulip comet saddle 45',
      },
    )
    expect(passwd.code).toBe(0)
    writeFileSync(passphraseFile, 'granite tulip comet saddle 45\n', { mode: 0o600 })
    const exported = await admin(['export', 'directory', ...asJordan, '--out', exportFile], {
      CCIJ_PASSPHRASE: '',
    })
    expect(exported.stderr).toBe('')
    expect(exported.code).toBe(0)
    rmSync(exportFile) // the backup test below lists this folder
    const disable = await admin([
      'users',
      'disable',
      '--vault',
      vaultFolder,
      '--user',
      'alex.example',
      '--username',
      'jordan.example',
    ])
    expect(disable.code).toBe(0)
  }, 240_000) // eleven CLI runs, each a fresh process with its own key derivation

  it('backs up, refuses to restore over a vault without --force, then restores with it', async () => {
    const backupFile = join(root, 'backup.ccijbackup')
    const backup = await admin([
      'backup',
      '--vault',
      vaultFolder,
      '--user',
      'alex.example',
      '--out',
      backupFile,
    ])
    expect(backup.code).toBe(0)
    expect(existsSync(backupFile)).toBe(true)
    const refused = await admin([
      'restore',
      '--vault',
      vaultFolder,
      '--user',
      'alex.example',
      '--from',
      backupFile,
    ])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/--force/)
    const restored = await admin([
      'restore',
      '--vault',
      vaultFolder,
      '--user',
      'alex.example',
      '--from',
      backupFile,
      '--force',
    ])
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([])
    expect(readdirSync(root).sort()).toEqual([
      'backup.ccijbackup',
      'created-by-cli',
      'jordan.example.pass',
      'vault',
    ])
    expect((await admin(['verify', '--vault', vaultFolder, '--user', 'alex.example'])).code).toBe(0)
  })

  // Finding 3: backup, restore, verify and users list once worked for any role; a disabled viewer restored an old
  // backup with --force, re-enabling themselves and erasing newer data.
  it('backup, restore, verify and users list are for admins; a disabled viewer cannot restore an old backup', async () => {
    const oldBackup = join(root, 'before-viewer-left.ccijbackup')
    const viewerPass = join(root, 'riley.pass')
    writeFileSync(viewerPass, 'orchid tundra pebble lantern 8\n', { mode: 0o600 })
    const added = await admin(
      [
        'users',
        'add',
        '--vault',
        vaultFolder,
        '--user',
        'alex.example',
        '--username',
        'riley.example',
        '--role',
        'viewer',
      ],
      { CCIJ_NEW_PASSPHRASE: 'orchid tundra pebble lantern 8' },
    )
    expect(added.code).toBe(0)
    expect(
      (await admin(['backup', '--vault', vaultFolder, '--user', 'alex.example', '--out', oldBackup])).code,
    ).toBe(0)
    const asViewer = (args: string[]) =>
      admin([...args, '--vault', vaultFolder, '--user', 'riley.example', '--passphrase-file', viewerPass], {
        CCIJ_PASSPHRASE: '',
      })
    for (const args of [
      ['backup', '--out', join(root, 'viewer.ccijbackup')],
      ['verify'],
      ['users', 'list'],
    ]) {
      const run = await asViewer(args)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr, args.join(' ')).toMatch(/admin/i)
    }
    expect(existsSync(join(root, 'viewer.ccijbackup'))).toBe(false)
    const disabled = await admin([
      'users',
      'disable',
      '--vault',
      vaultFolder,
      '--user',
      'alex.example',
      '--username',
      'riley.example',
    ])
    expect(disabled.stdout).toMatch(/new keys/)
    const restore = await asViewer(['restore', '--from', oldBackup, '--force'])
    expect(restore.code).toBe(1)
    const list = await admin(['users', 'list', '--vault', vaultFolder, '--user', 'alex.example'])
    expect(list.stdout).toContain('riley.example\tviewer\tdisabled')
  })

  it('fails clearly, with a non-zero exit, on bad arguments and wrong passphrases', async () => {
    const cases: { args: string[]; environment?: Record<string, string>; message: RegExp }[] = [
      { args: [], message: /./ },
      { args: ['frobnicate'], message: /Unknown command/ },
      { args: ['verify', '--user', 'alex.example'], message: /--vault is required/ },
      {
        args: ['verify', '--vault', vaultFolder, '--user', 'alex.example', '--passphrase', 'x'],
        message: /Unknown option/,
      },
      {
        args: ['verify', '--vault', vaultFolder, '--user', 'alex.example'],
        environment: { CCIJ_PASSPHRASE: 'wrong passphrase' },
        message: /do not open/,
      },
      { args: ['verify', '--vault', join(root, 'nowhere'), '--user', 'alex.example'], message: /no vault/i },
      {
        args: [
          'users',
          'add',
          '--vault',
          vaultFolder,
          '--user',
          'alex.example',
          '--username',
          'x1',
          '--role',
          'boss',
        ],
        message: /--role/,
      },
    ]
    const runs = await Promise.all(cases.map(({ args, environment }) => admin(args, environment)))
    cases.forEach(({ args, message }, index) => {
      const run = runs[index]
      expect(run?.code, args.join(' ')).not.toBe(0)
      expect(run?.stderr === '' ? run?.stdout : run?.stderr, args.join(' ')).toMatch(message)
    })
  })
})
