import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../src/shared/contract'
import { createElectronStub } from './electron-stub'

/**
 * Loads the *built* main bundle (out/main/index.js) under a recording stub of `electron` and checks
 * the hardening a real launch would get. Run `npx electron-vite build` first (npm test does).
 */
const MAIN_BUNDLE = join(import.meta.dirname, '../../out/main/index.js')
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

async function loadMain(singleInstanceLock: boolean) {
  vi.resetModules()
  stubs.current = createElectronStub({ singleInstanceLock })
  await import(/* @vite-ignore */ `${MAIN_BUNDLE}?lock=${singleInstanceLock}`)
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

  it('bundles neither the browser bridge nor any synthetic test data', () => {
    const bundle = readFileSync(MAIN_BUNDLE, 'utf8')
    // The bridge's HTTP route and its client bundler, and the synthetic generators' names.
    for (const marker of ['/__bridge/', 'startBridge', 'esbuild', 'syntheticIntake', 'seededRandom']) {
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
