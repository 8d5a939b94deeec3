import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTempProject,
  installStandInElectron,
  PROJECT_ROOT,
  runNpm,
  writeStandInElectron,
  type TTempProject,
} from './temp-project'

/*
 * The README's `npm start`, run as a person would from a fresh checkout, without Electron's real program:
 * a stand-in takes its place where Electron's installer puts it, so the test sees the exact launch command
 * Electron would receive. Offline, the download goes to a closed port on this machine, so nothing is ever
 * fetched. Needs the build (out/), like the main-process smoke test.
 */

const ELECTRON = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'node_modules/electron/package.json'), 'utf8'),
) as {
  version: string
}
const ELECTRON_MODULE_VERSION = readFileSync(
  join(PROJECT_ROOT, 'node_modules/electron/abi_version'),
  'utf8',
).trim()
const TARGET = `${process.platform}-${process.arch}`

/** A loopback port nothing listens on: connecting to it is refused at once, like a machine with no network. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * The environment of a person's terminal with no network: Electron's download goes to a closed port, and so
 * does everything that honours npm's proxy setting (prebuild-install and node-gyp in the database module's
 * build, npm's own update check). No overrides of Electron's location.
 */
function offlineEnvironment(project: TTempProject, port: number): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env }
  for (const name of Object.keys(environment)) {
    if (/^(ELECTRON_|npm_|electron_config_)|_proxy$|^NODE_OPTIONS$/i.test(name)) delete environment[name]
  }
  const nowhere = `http://127.0.0.1:${port}/`
  return {
    ...environment,
    ELECTRON_MIRROR: nowhere,
    electron_config_cache: join(project.root, 'electron-cache'),
    npm_config_proxy: nowhere,
    npm_config_https_proxy: nowhere,
    npm_config_update_notifier: 'false',
  }
}

/** What `tsx scripts/electron-native.ts` would have left from an earlier run: a module tagged for Electron's ABI. */
function plantElectronDatabaseModule(project: TTempProject): void {
  const folder = join(project.root, 'native', `electron-v${ELECTRON.version}-${TARGET}`)
  mkdirSync(folder, { recursive: true })
  writeFileSync(
    join(folder, 'better_sqlite3.node'),
    Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]),
      Buffer.from(`\0node_register_module_v${ELECTRON_MODULE_VERSION}\0`),
    ]),
  )
}

type TLaunch = { argv: string[]; cwd: string; env: Record<string, string | undefined> }

/** Electron was started on the project folder, whose package.json names the built main bundle. */
function expectLaunchOfBuiltApp(recordFile: string, project: TTempProject): TLaunch {
  const launch = JSON.parse(readFileSync(recordFile, 'utf8')) as TLaunch
  expect(launch.argv).toEqual(['.'])
  expect(launch.cwd).toBe(project.root)
  const main = (JSON.parse(readFileSync(join(launch.cwd, 'package.json'), 'utf8')) as { main: string }).main
  expect(join(launch.cwd, main)).toBe(join(project.root, 'out/main/index.js'))
  expect(existsSync(join(launch.cwd, main))).toBe(true)
  // The built renderer, not a dev server, and no Node mode that would bypass the app.
  expect(launch.env['ELECTRON_RENDERER_URL']).toBeUndefined()
  expect(launch.env['ELECTRON_RUN_AS_NODE']).toBeUndefined()
  return launch
}

describe('npm start from a fresh checkout, with a stand-in for Electron', () => {
  let port: number
  beforeAll(async () => {
    expect(
      existsSync(join(PROJECT_ROOT, 'out/main/index.js')),
      'out/main/index.js exists (npm run build)',
    ).toBe(true)
    port = await closedPort()
  })

  describe('when Electron is installed', () => {
    let project: TTempProject
    let recordFile: string
    beforeAll(() => {
      project = createTempProject()
      recordFile = join(project.root, 'launch.json')
      installStandInElectron(project, ELECTRON.version, recordFile)
      plantElectronDatabaseModule(project)
    })
    afterAll(() => project.remove())

    it('reaches the launch of Electron with the built app, downloading nothing', async () => {
      // --skipBuild: the build is the one the smoke test checks; electron-vite would only redo it.
      const run = await runNpm(
        project.root,
        ['start', '--', '--skipBuild'],
        offlineEnvironment(project, port),
      )
      expect(run.stderr).not.toMatch(/Downloading|Preparing the database module|error/i)
      expect(run.code, run.stderr).toBe(0)

      expectLaunchOfBuiltApp(recordFile, project)
      expect(existsSync(join(project.root, 'electron-cache'))).toBe(false)
    })

    it('refuses to launch with a database module built for another runtime, and says which', async () => {
      const module = join(
        project.root,
        'native',
        `electron-v${ELECTRON.version}-${TARGET}`,
        'better_sqlite3.node',
      )
      writeFileSync(module, Buffer.from('\0node_register_module_v115\0'))
      const launched = join(project.root, 'launch.json')
      writeFileSync(launched, '')
      // Rebuilding needs the network (prebuilt module or Electron's headers), and none is cached from earlier.
      const run = await runNpm(project.root, ['start', '--', '--skipBuild'], {
        ...offlineEnvironment(project, port),
        npm_config_devdir: join(project.root, 'node-gyp-cache'),
      })
      expect(run.code).not.toBe(0)
      expect(run.stderr).toContain(
        `Replacing a database module that does not fit Electron ${ELECTRON.version} (${TARGET}, NODE_MODULE_VERSION ${ELECTRON_MODULE_VERSION}): ` +
          `${module} is built for NODE_MODULE_VERSION 115, but NODE_MODULE_VERSION ${ELECTRON_MODULE_VERSION} is needed.`,
      )
      expect(run.stderr).toContain(`Could not build the database module for Electron ${ELECTRON.version}`)
      expect(existsSync(module)).toBe(false)
      expect(readFileSync(launched, 'utf8')).toBe('')
    })
  })

  describe('when ELECTRON_EXEC_PATH names an Electron elsewhere (as electron-vite allows)', () => {
    let project: TTempProject
    beforeAll(() => {
      project = createTempProject()
      plantElectronDatabaseModule(project)
    })
    afterAll(() => project.remove())

    it('launches that one and downloads nothing', async () => {
      const recordFile = join(project.root, 'launch.json')
      const program = writeStandInElectron(join(project.root, 'system-electron'), recordFile)
      const environment = { ...offlineEnvironment(project, port), ELECTRON_EXEC_PATH: program }
      const run = await runNpm(project.root, ['start', '--', '--skipBuild'], environment)
      expect(run.code, run.stderr).toBe(0)
      expectLaunchOfBuiltApp(recordFile, project)
      expect(existsSync(join(project.electronFolder, 'path.txt'))).toBe(false)

      const missing = await runNpm(project.root, ['start', '--', '--skipBuild'], {
        ...environment,
        ELECTRON_EXEC_PATH: join(project.root, 'no-such-electron'),
      })
      expect(missing.code).toBe(1)
      expect(missing.stderr.trim()).toBe(
        `Cannot run "npm start": ELECTRON_EXEC_PATH names ${join(project.root, 'no-such-electron')}, which does not exist.`,
      )
    })
  })

  describe('when Electron is not installed and there is no network', () => {
    let project: TTempProject
    beforeAll(() => {
      project = createTempProject()
    })
    afterAll(() => project.remove())

    for (const script of [
      { args: ['start'], said: 'npm start' },
      { args: ['run', 'dev'], said: 'npm run dev' },
      { args: ['run', 'dist'], said: 'npm run dist' },
    ]) {
      it(`${script.said} stops at once with one sentence, not a stack trace`, async () => {
        const run = await runNpm(
          project.root,
          [...script.args, '--', '--skipBuild'],
          offlineEnvironment(project, port),
        )
        expect(run.code).toBe(1)
        const lines = run.stderr.split('\n').filter((line) => line.trim() !== '')
        expect(lines).toEqual([
          `Downloading Electron ${ELECTRON.version} (${TARGET}), once, for "${script.said}"…`,
          `Cannot run "${script.said}": Electron ${ELECTRON.version} (${TARGET}) is not on this computer yet and its ` +
            'one-time download failed (fetch failed); connect to the internet and try again ("npm test" needs no Electron).',
        ])
        // Nothing after it ran: no database module build, no app build, no half-installed Electron.
        expect(run.stdout).not.toContain('> electron-vite build')
        expect(existsSync(join(project.electronFolder, 'path.txt'))).toBe(false)
        expect(existsSync(join(project.root, 'native'))).toBe(false)
      })
    }
  })
})
