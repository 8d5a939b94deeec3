import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
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
 * The mutation run (vitest.mutation.config.ts) sets CCIJ_SMOKE_MAIN=source to load src/main/index.ts instead, so
 * the code Stryker changes is the code these tests start.
 */
const MAIN_BUNDLE = join(import.meta.dirname, '../../out/main/index.js')
const FROM_SOURCE = process.env['CCIJ_SMOKE_MAIN'] === 'source'
const MAIN_ENTRY = FROM_SOURCE ? join(import.meta.dirname, '../../src/main/index.ts') : MAIN_BUNDLE
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
async function loadMain(singleInstanceLock: boolean, isPackaged = true) {
  vi.resetModules()
  stubs.current = createElectronStub({ singleInstanceLock, isPackaged })
  loads += 1
  await import(/* @vite-ignore */ `${MAIN_ENTRY}?load=${loads}`)
  // start() awaits whenReady(); let its microtasks run.
  await new Promise((resolve) => setTimeout(resolve, 50))
  return stubs.current
}

describe('the built main process, started under a stub electron', () => {
  // Made in beforeAll, not while collecting: a run filtered to other tests would leave an empty folder behind.
  let userData: string
  let stub: ReturnType<typeof createElectronStub>

  beforeAll(async () => {
    expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} exists (run electron-vite build)`).toBe(true)
    userData = mkdtempSync(join(tmpdir(), 'ccij-main-smoke-'))
    // A locked vault in the app's data folder, so the lock paths below have something to lock.
    const { vault } = await createTestVault(userData, { kdf: FLOOR_KDF }) // the built app enforces production’s floor
    vault.lock()
    process.env['CCIJ_STUB_USER_DATA'] = userData
    stub = await loadMain(true)
  })
  afterAll(() => rmSync(userData, { recursive: true, force: true }))

  type TStubWindow = { webContents: { mainFrame: { url: string }; reloads: number } }
  const appWindow = () => stub.record.windows[0]!.instance as TStubWindow
  const rendererSession = () => {
    const preferences = stub.record.windows[0]!.options['webPreferences'] as { partition: string }
    return stub.module.session.fromPartition(preferences.partition)!
  }
  /** A request from the app window's own main frame, as the preload sends it. */
  const invoke = (channel: string, request: unknown = {}, event?: unknown): Promise<unknown> => {
    const contents = appWindow().webContents
    const handler = stub.record.ipcHandlers.get(channel) as (
      event: unknown,
      request: unknown,
    ) => Promise<unknown>
    return handler(event ?? { sender: contents, senderFrame: contents.mainFrame }, request)
  }
  const unlockAsAdmin = async () =>
    expect(
      await invoke('vault:unlock', { username: 'alex.example', passphrase: ADMIN_PASSPHRASE }),
    ).toMatchObject({ ok: true })

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
    // An empty name is Electron's default session, which persists to disk like a `persist:` one.
    expect(preferences['partition']).toEqual(expect.stringMatching(/^[a-z][a-z-]*$/))
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

  it('answers IPC only from the main frame of the app window, on the app origin', async () => {
    const own = appWindow().webContents
    const refused = { ok: false, error: { code: 'FORBIDDEN_SENDER' } }
    // Another web contents (a second window, a devtools page) whose main frame shows the app's own URL.
    const stranger = { mainFrame: { url: 'app://ccij/index.html' } }
    expect(await invoke('app:info', {}, { sender: stranger, senderFrame: stranger.mainFrame })).toMatchObject(
      refused,
    )
    // A sub-frame of the app window, even one on the app origin.
    expect(
      await invoke('app:info', {}, { sender: own, senderFrame: { url: 'app://ccij/index.html' } }),
    ).toMatchObject(refused)
    // A frame that is gone (navigated away or destroyed).
    expect(await invoke('app:info', {}, { sender: own, senderFrame: null })).toMatchObject(refused)
    // The app window's own main frame, after something navigated it to another origin.
    own.mainFrame.url = 'https://evil.example/index.html'
    try {
      expect(await invoke('app:info')).toMatchObject(refused)
      // Refused before dispatch: an unlock from there does not unlock.
      await invoke('vault:unlock', { username: 'alex.example', passphrase: ADMIN_PASSPHRASE })
    } finally {
      own.mainFrame.url = 'app://ccij/index.html'
    }
    expect(await invoke('vault:status')).toMatchObject({ ok: true, value: { state: 'locked' } })
    expect(await invoke('app:info')).toMatchObject({ ok: true, value: { name: 'CCIJ Caseworker' } })
  })

  it('denies every permission request, check and device request, in the renderer’s session and the default one', () => {
    const sessions = { renderer: rendererSession(), default: stub.module.session.defaultSession }
    for (const [name, session] of Object.entries(sessions)) {
      const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } = session
      expect(permissionRequestHandler, `${name}: request handler`).toBeTypeOf('function')
      expect(permissionCheckHandler, `${name}: check handler`).toBeTypeOf('function')
      expect(devicePermissionHandler, `${name}: device handler`).toBeTypeOf('function')
      for (const permission of [
        'media',
        'geolocation',
        'notifications',
        'clipboard-read',
        'hid',
        'fullscreen',
      ]) {
        const callback = vi.fn()
        const request = permissionRequestHandler as (...args: unknown[]) => void
        request(appWindow().webContents, permission, callback, { requestingUrl: 'app://ccij/index.html' })
        expect(callback, `${name}: ${permission}`).toHaveBeenCalledExactlyOnceWith(false)
        const check = permissionCheckHandler as (...args: unknown[]) => unknown
        expect(check(appWindow().webContents, permission, 'app://ccij', {}), `${name}: ${permission}`).toBe(
          false,
        )
      }
      for (const deviceType of ['hid', 'serial', 'usb']) {
        const device = devicePermissionHandler as (details: unknown) => unknown
        expect(device({ deviceType, origin: 'app://ccij', device: {} }), `${name}: ${deviceType}`).toBe(false)
      }
    }
  })

  it('denies navigation and redirects away from the app, webviews and every new window', async () => {
    const contents = Object.assign(new (await import('node:events')).EventEmitter(), {
      windowOpenHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        this.windowOpenHandler = handler
      },
    })
    stub.app.emit('web-contents-created', {}, contents)
    const fire = (event: string, url?: string) => {
      const decision = { preventDefault: vi.fn() }
      contents.emit(event, decision, url)
      return decision.preventDefault.mock.calls.length > 0 ? 'prevented' : 'allowed'
    }

    expect(fire('will-navigate', 'https://example.org/')).toBe('prevented')
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe('prevented')
    expect(fire('will-navigate', 'app://ccij.evil.example/index.html')).toBe('prevented')
    expect(fire('will-navigate', 'app://ccij/index.html#/survivors')).toBe('allowed')
    expect(fire('will-redirect', 'https://example.org/phish')).toBe('prevented')
    expect(fire('will-redirect', 'file:///etc/passwd')).toBe('prevented')
    expect(fire('will-redirect', 'app://ccij/index.html')).toBe('allowed')
    expect(fire('will-attach-webview')).toBe('prevented')

    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'https://ccij.ca/' })).toEqual({ action: 'deny' })
    // Only the https links were offered to the person (in a native dialog naming them); they said no, the stub's
    // default, and nothing opened.
    const offered = () =>
      stub.record.dialogs.map((args) => {
        const options = (args as unknown[]).at(-1) as { detail: string }
        return options.detail.split('\n').at(-1)
      })
    await vi.waitFor(() => expect(offered()).toEqual(['https://example.org/', 'https://ccij.ca/']))
    expect(stub.record.openedExternally).toEqual([])
    // Said yes: only then does the system browser get it.
    stub.record.dialogResponse = 0
    try {
      expect(fire('will-navigate', 'https://ccij.ca/about')).toBe('prevented')
      await vi.waitFor(() => expect(stub.record.openedExternally).toEqual(['https://ccij.ca/about']))
    } finally {
      stub.record.dialogResponse = 1
    }
  })

  /** The File menu's Lock item, as the person clicks it or presses Ctrl/Cmd+L. */
  const lockMenuItem = (): { accelerator: string; click: () => void } => {
    const items: unknown[] = [stub.record.menuTemplates.at(-1)]
    while (items.length > 0) {
      const item = items.shift()
      if (Array.isArray(item)) items.push(...item)
      else if (item !== null && typeof item === 'object') {
        const entry = item as { accelerator?: string; submenu?: unknown; click?: () => void }
        if (entry.accelerator === 'CmdOrCtrl+L' && entry.click) return entry as never
        if (entry.submenu !== undefined) items.push(entry.submenu)
      }
    }
    throw new Error('no menu item with CmdOrCtrl+L')
  }

  it.each([
    { way: 'OS suspend', reason: 'suspend', lock: () => stub.module.powerMonitor.emit('suspend') },
    {
      way: 'the screen locking',
      reason: 'screen-lock',
      lock: () => stub.module.powerMonitor.emit('lock-screen'),
    },
    { way: 'the menu’s Lock (Ctrl/Cmd+L)', reason: 'shortcut', lock: () => lockMenuItem().click() },
  ])(
    '$way locks the vault, wipes the renderer’s storage and cache, and reloads the page',
    async ({ reason, lock }) => {
      await unlockAsAdmin()
      const renderer = rendererSession()
      const before = {
        storage: renderer.storageClears,
        cache: renderer.cacheClears,
        reloads: appWindow().webContents.reloads,
      }
      lock()
      expect(await invoke('vault:status')).toMatchObject({
        ok: true,
        value: { state: 'locked', staff: null, lastLockReason: reason },
      })
      expect({
        storage: renderer.storageClears,
        cache: renderer.cacheClears,
        reloads: appWindow().webContents.reloads,
      }).toEqual({ storage: before.storage + 1, cache: before.cache + 1, reloads: before.reloads + 1 })
    },
  )

  it('locks when the app quits unlocked, without reloading a page that is closing', async () => {
    await unlockAsAdmin()
    const reloads = appWindow().webContents.reloads
    stub.app.emit('before-quit')
    expect(await invoke('vault:status')).toMatchObject({
      ok: true,
      value: { state: 'locked', lastLockReason: 'quit' },
    })
    expect(appWindow().webContents.reloads).toBe(reloads)
  })

  it('Help › About shows the version in a dialog over the app window', async () => {
    const help = (stub.record.menuTemplates.at(-1) as { role?: string; submenu?: unknown[] }[]).find(
      (item) => item.role === 'help',
    )!
    const about = help.submenu![0] as { label: string; click: () => void }
    expect(about.label).toBe('About CCIJ Caseworker')
    const before = stub.record.dialogs.length
    about.click()
    await vi.waitFor(() => expect(stub.record.dialogs).toHaveLength(before + 1))
    const [parent, options] = stub.record.dialogs.at(-1) as [unknown, { type: string; message: string }]
    expect(parent).toBe(appWindow())
    expect(options).toMatchObject({ type: 'info', message: 'CCIJ Caseworker 0.0.0-test' })
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

  it('locks after the idle time set, counting IPC requests as activity', { timeout: 240_000 }, async () => {
    // Main's idle lock reads the clock and its timer from the moment main starts: this load starts under fake ones.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    try {
      const idle = await loadMain(true)
      const contents = (idle.record.windows[0]!.instance as TStubWindow).webContents
      const send = (channel: string, request: unknown = {}) =>
        (idle.record.ipcHandlers.get(channel) as (event: unknown, request: unknown) => Promise<unknown>)(
          { sender: contents, senderFrame: contents.mainFrame },
          request,
        )
      const status = async () =>
        ((await send('vault:status')) as { value: { state: string; lastLockReason: string | null } }).value
      expect(
        await send('vault:unlock', { username: 'alex.example', passphrase: ADMIN_PASSPHRASE }),
      ).toMatchObject({ ok: true })
      const { value } = (await send('settings:get')) as { value: { idleLockMinutes: number } }
      const timeout = value.idleLockMinutes * 60_000
      // Idle for most of the time, then a request that counts as activity (reading the status does not): the count
      // starts again from the request.
      vi.advanceTimersByTime(timeout - 30_000)
      expect((await status()).state).toBe('unlocked')
      expect(await send('app:activity')).toMatchObject({ ok: true })
      vi.advanceTimersByTime(timeout - 30_000)
      expect((await status()).state).toBe('unlocked')
      vi.advanceTimersByTime(60_000)
      expect(await status()).toMatchObject({ state: 'locked', lastLockReason: 'idle' })
    } finally {
      vi.useRealTimers()
    }
  })

  it('quits at once when another instance already holds the single-instance lock', async () => {
    const second = await loadMain(false)
    expect(second.record.quitCalled).toBe(true)
    expect(second.record.windows).toHaveLength(0)
    expect(second.record.ipcHandlers.size).toBe(0)
  })

  it('answers no IPC once the app window has closed, even from that window’s page', async () => {
    const closing = await loadMain(true)
    const window = closing.record.windows[0]!.instance as TStubWindow & { emit(event: string): void }
    const contents = window.webContents
    const send = (channel: string) =>
      (closing.record.ipcHandlers.get(channel) as (event: unknown, request: unknown) => Promise<unknown>)(
        { sender: contents, senderFrame: contents.mainFrame },
        {},
      )
    expect(await send('app:info')).toMatchObject({ ok: true })
    window.emit('closed')
    expect(await send('app:info')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
  })

  describe('the renderer’s address, packaged or under `npm run dev`', () => {
    const DEV_SERVER = 'http://localhost:5173/'
    afterAll(() => {
      delete process.env['ELECTRON_RENDERER_URL']
    })
    /** A fresh main, and whether its window's own page answers IPC once it shows the dev server's origin. */
    async function start(isPackaged: boolean, rendererUrl: string | undefined) {
      if (rendererUrl === undefined) delete process.env['ELECTRON_RENDERER_URL']
      else process.env['ELECTRON_RENDERER_URL'] = rendererUrl
      const started = await loadMain(true, isPackaged)
      const window = started.record.windows[0]!
      const contents = (window.instance as TStubWindow).webContents
      contents.mainFrame.url = `${DEV_SERVER}index.html`
      const answer = await (
        started.record.ipcHandlers.get('app:info') as (event: unknown, request: unknown) => Promise<unknown>
      )({ sender: contents, senderFrame: contents.mainFrame }, {})
      const devTools = (window.options['webPreferences'] as { devTools: boolean }).devTools
      return { loadedUrl: window.loadedUrl, answer, devTools }
    }
    const refused = { ok: false, error: { code: 'FORBIDDEN_SENDER' } }

    it('`npm run dev` loads the dev server and trusts its origin', async () => {
      const dev = await start(false, DEV_SERVER)
      expect(dev.loadedUrl).toBe(DEV_SERVER)
      expect(dev.answer).toMatchObject({ ok: true })
      expect(dev.devTools).toBe(true)
    })

    it('unpackaged with no dev server, the app protocol', async () => {
      const plain = await start(false, undefined)
      expect(plain.loadedUrl).toBe('app://ccij/index.html')
      expect(plain.answer).toMatchObject(refused)
    })

    it('an installed app ignores ELECTRON_RENDERER_URL: the app protocol only', async () => {
      const installed = await start(true, DEV_SERVER)
      expect(installed.loadedUrl).toBe('app://ccij/index.html')
      expect(installed.answer).toMatchObject(refused)
      expect(installed.devTools).toBe(false)
    })
  })
})

describe('the built main process started with --admin (the installed app’s admin CLI)', () => {
  let root: string
  let vaultFolder: string
  const originalArgv = process.argv
  beforeAll(async () => {
    expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} exists (run electron-vite build)`).toBe(true)
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
  async function runApp(args: string[], argv0 = ['/opt/CCIJ Caseworker/ccij-caseworker']) {
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
    process.argv = [...argv0, ...args]
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

  describe('from a source checkout (`electron . --admin …`, where Electron sets process.defaultApp)', () => {
    const checkout = ['/usr/lib/node_modules/electron/dist/electron', '/home/dev/ccij-caseworker']
    beforeAll(() => {
      Object.defineProperty(process, 'defaultApp', { value: true, configurable: true })
    })
    afterAll(() => {
      delete (process as { defaultApp?: boolean }).defaultApp
    })

    it('finds --admin after the app folder Electron puts first', async () => {
      const run = await runApp(['--admin', '--help'], checkout)
      expect(run.stub.record.exitCode).toBe(0)
      expect(run.stdout).toContain('Usage: "CCIJ Caseworker" --admin <command> [options]')
      expect(run.stub.record.windows).toHaveLength(0)
    })

    it('never reads the app folder’s place as the switch: the app starts as usual', async () => {
      process.env['CCIJ_STUB_USER_DATA'] = root
      process.argv = [checkout[0]!, '--admin', 'frobnicate']
      try {
        const started = await loadMain(true)
        expect(started.record.exitCode).toBeUndefined()
        expect(started.record.singleInstanceLockRequested).toBe(true)
        expect(started.record.windows).toHaveLength(1)
      } finally {
        process.argv = originalArgv
        delete process.env['CCIJ_STUB_USER_DATA']
      }
    })
  })
})
