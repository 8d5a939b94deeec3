import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../src/shared/contract'
import { createElectronStub } from './electron-stub'
import {
  ADMIN_PASSPHRASE,
  createTestVault,
  FLOOR_KDF,
  makeTempFolder,
  removeFolder,
} from '#test-support/vault-fixtures'

/**
 * Loads the *built* main bundle (out/main/index.js) under a recording stub of `electron` and checks
 * the hardening a real launch would get. Run `npx electron-vite build` first (npm test does).
 */
const MAIN_BUNDLE = join(import.meta.dirname, '../../out/main/index.js')
const NODE_BUILD = join(
  import.meta.dirname,
  '../../node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
)
const stubs = vi.hoisted(() => ({ current: undefined as ReturnType<typeof createElectronStub> | undefined }))
// The factory runs once; getters let each load of the bundle see that load's fresh stub.
vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'ipcMain',
    'protocol',
    'session',
    'Menu',
    'dialog',
    'shell',
    'powerMonitor',
  ]
  const live = {}
  for (const name of names) {
    Object.defineProperty(live, name, {
      enumerable: true,
      get: () => (stubs.current!.module as Record<string, unknown>)[name],
    })
  }
  return live
})

let loads = 0
async function loadMain(singleInstanceLock: boolean) {
  vi.resetModules()
  stubs.current = createElectronStub({ singleInstanceLock })
  loads += 1
  await import(/* @vite-ignore */ `${MAIN_BUNDLE}?load=${loads}`)
  // start() awaits whenReady(); let its microtasks run.
  await new Promise((resolve) => setTimeout(resolve, 50))
  return stubs.current
}

describe('the built main process, started under a stub electron', () => {
  const userData = mkdtempSync(join(tmpdir(), 'ccij-main-smoke-'))
  let stub: ReturnType<typeof createElectronStub>

  beforeAll(async () => {
    expect(existsSync(MAIN_BUNDLE), 'out/main/index.js exists (run electron-vite build)').toBe(true)
    process.env['CCIJ_STUB_USER_DATA'] = userData
    stub = await loadMain(true)
  })
  afterAll(() => rmSync(userData, { recursive: true, force: true }))

  it('opens one window with every hardening switch on', () => {
    expect(stub.record.windows).toHaveLength(1)
    const preferences = stub.record.windows[0]!.options['webPreferences'] as Record<string, unknown>
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    })
    expect(String(preferences['preload'])).toMatch(/preload[\\/]index\.cjs$/)
    expect(String(preferences['partition']).startsWith('persist:')).toBe(false)
    expect(stub.record.sandboxEnabled).toBe(true)
  })

  it('loads the renderer from the app protocol, never file://', () => {
    expect(stub.record.windows[0]!.loadedUrl).toBe('app://ccij/index.html')
    expect(stub.record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('serves the renderer with a strict CSP and refuses paths that escape it', async () => {
    const handler = stub.record.protocolHandlers.get('app')!
    const page = await handler(new Request('app://ccij/index.html'))
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    expect(await page.text()).toContain('http-equiv="Content-Security-Policy"')
    for (const escape of [
      'app://ccij/../../package.json',
      'app://ccij/%2e%2e/%2e%2e/package.json',
      'app://ccij/..%2fmain%2findex.js',
    ]) {
      expect((await handler(new Request(escape))).status, escape).toBe(404)
    }
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })

  it('registers exactly one IPC handler per contract channel', () => {
    expect([...stub.record.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('refuses IPC from anything but the app window', async () => {
    const handler = stub.record.ipcHandlers.get('app:info')!
    const stranger = { sender: {}, senderFrame: { url: 'https://evil.example/' } }
    expect(await handler(stranger as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    })

    const window = stub.record.windows[0]!.instance as { webContents: { mainFrame: { url: string } } }
    const ownFrame = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
    expect(await handler(ownFrame as never, {} as never)).toMatchObject({
      ok: true,
      value: { name: 'CCIJ Caseworker' },
    })

    const subFrame = { sender: window.webContents, senderFrame: { url: 'app://ccij/index.html' } }
    expect(await handler(subFrame as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    })
  })

  it('denies every permission request and check', () => {
    expect(stub.record.permissionRequestHandlers.length).toBeGreaterThanOrEqual(2)
    for (const handler of stub.record.permissionRequestHandlers) {
      const callback = vi.fn()
      ;(handler as (...args: unknown[]) => void)({}, 'media', callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    for (const handler of stub.record.permissionCheckHandlers)
      expect((handler as () => boolean)()).toBe(false)
    for (const handler of stub.record.devicePermissionHandlers)
      expect((handler as () => boolean)()).toBe(false)
  })

  it('denies navigation away from the app and every new window', async () => {
    const contents = Object.assign(new (await import('node:events')).EventEmitter(), {
      windowOpenHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        this.windowOpenHandler = handler
      },
    })
    stub.app.emit('web-contents-created', {}, contents)

    const navigateAway = { preventDefault: vi.fn() }
    contents.emit('will-navigate', navigateAway, 'https://example.org/')
    expect(navigateAway.preventDefault).toHaveBeenCalled()
    const navigateToFile = { preventDefault: vi.fn() }
    contents.emit('will-navigate', navigateToFile, 'file:///etc/passwd')
    expect(navigateToFile.preventDefault).toHaveBeenCalled()
    const navigateInside = { preventDefault: vi.fn() }
    contents.emit('will-navigate', navigateInside, 'app://ccij/index.html#/survivors')
    expect(navigateInside.preventDefault).not.toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()

    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'https://ccij.ca/' })).toEqual({ action: 'deny' })
    // The person was asked about the https link, said no (the stub's default), and nothing opened.
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(stub.record.dialogs.length).toBeGreaterThanOrEqual(1)
    expect(stub.record.openedExternally).toEqual([])
  })

  it('locks on OS suspend and screen lock', () => {
    const power = stub.module.powerMonitor
    expect(power.listenerCount('suspend')).toBeGreaterThan(0)
    expect(power.listenerCount('lock-screen')).toBeGreaterThan(0)
  })

  it('builds an application menu with a lock shortcut', () => {
    expect(JSON.stringify(stub.record.menuTemplates.at(-1))).toContain('CmdOrCtrl+L')
  })

  it('refuses to start, naming both versions, when the database module does not fit this Electron', async () => {
    // The Node build from npm install, where Electron 45.5.0 (NODE_MODULE_VERSION 150) looks for its own.
    const appPath = join(userData, 'app')
    const folder = join(appPath, 'native', `electron-v45.5.0-${process.platform}-${process.arch}`)
    mkdirSync(folder, { recursive: true })
    copyFileSync(NODE_BUILD, join(folder, 'better_sqlite3.node'))
    const modules = Object.getOwnPropertyDescriptor(process.versions, 'modules')!
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true })
    Object.defineProperty(process.versions, 'modules', { ...modules, value: '150' })
    process.env['CCIJ_STUB_APP_PATH'] = appPath
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      const refused = await loadMain(true)
      expect(refused.record.exitCode).toBe(1)
      expect(refused.record.windows).toHaveLength(0)
      expect(refused.record.ipcHandlers.size).toBe(0)
      expect(refused.record.errorBoxes).toHaveLength(1)
      expect(refused.record.errorBoxes[0]!.title).toBe('CCIJ Caseworker cannot start')
      expect(refused.record.errorBoxes[0]!.content).toContain(
        `is built for NODE_MODULE_VERSION ${modules.value}, but NODE_MODULE_VERSION 150 is needed`,
      )
    } finally {
      quiet.mockRestore()
      delete process.env['CCIJ_STUB_APP_PATH']
      Object.defineProperty(process.versions, 'modules', modules)
      delete (process.versions as Record<string, string | undefined>)['electron']
    }
  })

  it('bundles neither the browser bridge, nor any synthetic test data, nor the bench’s plain database', () => {
    const bundle = readFileSync(MAIN_BUNDLE, 'utf8')
    // The bridge's HTTP route and its client bundler, the synthetic generators' names, the bench's unencrypted twin.
    const markers = [
      '/__bridge/',
      'startBridge',
      'esbuild',
      'syntheticIntake',
      'syntheticCaseload',
      'seededRandom',
    ]
    for (const marker of [...markers, 'createPlainTwin', 'RecordingConnection']) {
      expect(bundle.includes(marker), marker).toBe(false)
    }
  })

  it('quits at once when another instance already holds the single-instance lock', async () => {
    const second = await loadMain(false)
    expect(second.record.quitCalled).toBe(true)
    expect(second.record.windows).toHaveLength(0)
    expect(second.record.ipcHandlers.size).toBe(0)
  })
})

describe('the built main process started with --admin (the installed app’s admin CLI)', () => {
  let root: string
  let vaultFolder: string
  const originalArgv = process.argv
  beforeAll(async () => {
    expect(existsSync(MAIN_BUNDLE), 'out/main/index.js exists (run electron-vite build)').toBe(true)
    root = makeTempFolder('ccij-admin-mode-')
    const { vault } = await createTestVault(root, { kdf: FLOOR_KDF }) // the built app enforces production's floor
    vault.lock()
    vaultFolder = join(root, 'vault')
  })
  afterAll(() => {
    process.argv = originalArgv
    delete process.env['CCIJ_PASSPHRASE']
    removeFolder(root)
  })

  /** Starts the bundle as `"CCIJ Caseworker" <args>` and waits for it to exit, capturing what it printed. */
  async function runApp(args: string[]) {
    const printed = { stdout: '', stderr: '' }
    const capture = (stream: 'stdout' | 'stderr') =>
      vi
        .spyOn(process[stream], 'write')
        .mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
          printed[stream] += chunk.toString()
          const done = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined
          done?.()
          return true
        })
    const spies = [capture('stdout'), capture('stderr')]
    process.argv = ['/opt/CCIJ Caseworker/ccij-caseworker', ...args]
    try {
      const stub = await loadMain(true)
      await vi.waitFor(() => expect(stub.record.exitCode).toBeDefined(), { timeout: 30_000, interval: 20 })
      return { stub, ...printed }
    } finally {
      for (const spy of spies) spy.mockRestore()
      process.argv = originalArgv
    }
  }

  it('runs a CLI command on a vault, prints its answer and exits with its code, with no window', async () => {
    process.env['CCIJ_PASSPHRASE'] = ADMIN_PASSPHRASE
    const run = await runApp(['--admin', 'users', 'list', '--vault', vaultFolder, '--user', 'alex.example'])
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('alex.example\tadmin\tactive\tAlex Staff-Example\n')
    expect(run.stub.record.exitCode).toBe(0)
    expect(run.stub.record.windows).toHaveLength(0)
    expect(run.stub.record.ipcHandlers.size).toBe(0)
    // It runs beside an open app instead of handing its arguments to it.
    expect(run.stub.record.singleInstanceLockRequested).toBe(false)
  })

  it('answers --help with the commands as the installed app spells them', async () => {
    const run = await runApp(['--admin', '--help'])
    expect(run.stub.record.exitCode).toBe(0)
    expect(run.stdout).toContain('Usage: "CCIJ Caseworker" --admin <command> [options]')
    expect(run.stdout).toContain('backup --vault DIR --user NAME --out FILE')
    expect(run.stub.record.windows).toHaveLength(0)
  })

  it('fails like the CLI: a reason on stderr and a non-zero exit', async () => {
    process.env['CCIJ_PASSPHRASE'] = 'not the passphrase'
    const wrong = await runApp(['--admin', 'verify', '--vault', vaultFolder, '--user', 'alex.example'])
    expect(wrong.stub.record.exitCode).toBe(1)
    expect(wrong.stderr).toMatch(/^error: /)
    const unknown = await runApp(['--admin', 'frobnicate'])
    expect(unknown.stub.record.exitCode).toBe(2)
    expect(unknown.stderr).toBe(
      'error: Unknown command "frobnicate".\nFor the list of commands, run: "CCIJ Caseworker" --admin help\n',
    )
  })
})
