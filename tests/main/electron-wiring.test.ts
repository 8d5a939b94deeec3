import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES, contract } from '../../src/shared/contract'
import { ok } from '../../src/shared/result'
import type { THandlerTable } from '../../src/main/ipc/types'
import { desktopText, type TDesktopMessageKey } from '../../src/shared/i18n/desktop-messages'

/*
 * Main's Electron wiring called directly, inside each test, under a small recording `electron`: the smoke test
 * starts the whole of main once per file, so everything it checks runs before any test does, and mutation testing
 * must re-run every smoke test for each change there. These tests pin the same promises file by file, cheaply.
 */

type TDialogAnswer = { canceled: boolean; filePath?: string; filePaths?: string[]; response?: number }
const fake = vi.hoisted(() => ({
  calls: [] as { method: string; args: unknown[] }[],
  answer: { canceled: false } as TDialogAnswer,
  opened: [] as string[],
  windows: [] as {
    options: Record<string, unknown>
    url?: string
    shown: number
    destroyed: number
    once: Map<string, () => void>
  }[],
  /** What the stand-in print dialog reports: success, and Chromium's reason when it failed. */
  printOutcome: { success: true, reason: '' } as { success: boolean; reason: string },
  printed: [] as { method: string; options: unknown }[],
  sessions: [] as { name: string; options: unknown; session: TFakeSession }[],
}))
type TFakeSession = {
  permissionHandlers: number
  handled: Map<string, () => Response>
  unhandled: string[]
  storageClears: number
  beforeRequest?: (details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void
}
vi.mock('electron', () => {
  const dialogCall =
    (method: string) =>
    async (...args: unknown[]) => {
      fake.calls.push({ method, args })
      return fake.answer
    }
  class BrowserWindow {
    readonly entry: (typeof fake.windows)[number]
    readonly webContents = {
      printToPDF: async (options: unknown) => {
        fake.printed.push({ method: 'pdf', options })
        return Buffer.from('%PDF-1.7 synthetic')
      },
      print: (options: unknown, done: (success: boolean, reason: string) => void) => {
        fake.printed.push({ method: 'print', options })
        done(fake.printOutcome.success, fake.printOutcome.reason)
      },
    }
    constructor(options: Record<string, unknown>) {
      this.entry = { options, shown: 0, destroyed: 0, once: new Map() }
      fake.windows.push(this.entry)
    }
    destroy() {
      this.entry.destroyed += 1
    }
    once(name: string, listener: () => void) {
      this.entry.once.set(name, listener)
    }
    show() {
      this.entry.shown += 1
    }
    loadURL(url: string) {
      this.entry.url = url
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template },
    session: {
      fromPartition: (name: string, options: unknown) => {
        const session: TFakeSession = {
          permissionHandlers: 0,
          handled: new Map(),
          unhandled: [],
          storageClears: 0,
        }
        fake.sessions.push({ name, options, session })
        const count = () => (session.permissionHandlers += 1)
        return Object.assign(session, {
          setPermissionRequestHandler: count,
          setPermissionCheckHandler: count,
          setDevicePermissionHandler: count,
          protocol: {
            handle: (scheme: string, handler: () => Response) => session.handled.set(scheme, handler),
            unhandle: (scheme: string) => session.unhandled.push(scheme),
          },
          webRequest: {
            onBeforeRequest: (listener: TFakeSession['beforeRequest']) => (session.beforeRequest = listener),
          },
          clearStorageData: async () => {
            session.storageClears += 1
          },
        })
      },
    },
    dialog: {
      showSaveDialog: dialogCall('save'),
      showOpenDialog: dialogCall('open'),
      showMessageBox: dialogCall('message'),
    },
    shell: {
      openExternal: async (url: string) => {
        fake.opened.push(url)
      },
    },
  }
})

const { secureWebPreferences, denyAllPermissions, lockDownWebContents } =
  await import('../../src/main/electron/hardening')
const { buildApplicationMenu } = await import('../../src/main/electron/menu')
const { createMainWindow } = await import('../../src/main/electron/window')
const { registerIpc } = await import('../../src/main/electron/ipc')
const { createElectronDesktop } = await import('../../src/main/electron/desktop')
const { printPacket, printPacketToPdf } = await import('../../src/main/electron/packet-printing')

beforeEach(() => {
  fake.calls.length = 0
  fake.opened.length = 0
  fake.windows.length = 0
  fake.answer = { canceled: false }
  fake.printed.length = 0
  fake.sessions.length = 0
  fake.printOutcome = { success: true, reason: '' }
})

describe('hardening', () => {
  it('turns every webPreferences switch to its safe side, DevTools only in a development build', () => {
    const expected = {
      preload: '/app/preload.js',
      partition: 'ccij-test',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    }
    expect(secureWebPreferences('/app/preload.js', 'ccij-test', true)).toEqual({
      ...expected,
      devTools: false,
    })
    expect(secureWebPreferences('/app/preload.js', 'ccij-test', false)).toEqual({
      ...expected,
      devTools: true,
    })
  })

  it('denies every permission request, check and device request', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    denyAllPermissions({
      setPermissionRequestHandler: (handler: never) => (handlers['request'] = handler),
      setPermissionCheckHandler: (handler: never) => (handlers['check'] = handler),
      setDevicePermissionHandler: (handler: never) => (handlers['device'] = handler),
    } as never)
    const answers: boolean[] = []
    ;(
      handlers['request'] as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
      ) => void
    )({}, 'media', (granted) => answers.push(granted))
    expect(answers).toEqual([false])
    expect((handlers['check'] as () => unknown)()).toBe(false)
    expect((handlers['device'] as () => unknown)()).toBe(false)
  })

  describe('navigation', () => {
    const contents = () => {
      const emitter = new EventEmitter()
      let openHandler: ((details: { url: string }) => unknown) | undefined
      const opened: string[] = []
      lockDownWebContents(
        Object.assign(emitter, {
          setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
        }) as never,
        (url) => opened.push(url),
        'http://localhost:5173',
      )
      /** Emits `name` for `url`; true when the listener prevented it. */
      const emit = (name: string, url?: string): boolean => {
        let prevented = false
        emitter.emit(name, { preventDefault: () => (prevented = true) }, url)
        return prevented
      }
      return { emit, opened, open: (url: string) => openHandler?.({ url }) }
    }

    it('lets the app navigate within itself and the dev server, and stops everything else', () => {
      const page = contents()
      expect(page.emit('will-navigate', 'app://ccij/index.html#/cases')).toBe(false)
      expect(page.emit('will-navigate', 'http://localhost:5173/#/intake')).toBe(false)
      expect(page.emit('will-navigate', 'https://example.org/help')).toBe(true)
      expect(page.emit('will-navigate', 'http://example.org/plain')).toBe(true)
      expect(page.emit('will-navigate', 'file:///etc/passwd')).toBe(true)
      // Only the https link is offered to the OS browser (which asks first).
      expect(page.opened).toEqual(['https://example.org/help'])
    })

    it('stops redirects away from the app and every webview', () => {
      const page = contents()
      expect(page.emit('will-redirect', 'app://ccij/index.html')).toBe(false)
      expect(page.emit('will-redirect', 'https://example.org/elsewhere')).toBe(true)
      expect(page.emit('will-attach-webview')).toBe(true)
      expect(page.opened).toEqual([])
    })

    it('never opens a window, offering only https links to the OS browser', () => {
      const page = contents()
      expect(page.open('https://example.org/new')).toEqual({ action: 'deny' })
      expect(page.open('javascript:alert(1)')).toEqual({ action: 'deny' })
      expect(page.opened).toEqual(['https://example.org/new'])
    })
  })
})

describe('the application menu', () => {
  type TItem = { label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: TItem[] }
  const menu = (locale: 'en' | 'fr', isPackaged: boolean) => {
    const done: string[] = []
    const template = buildApplicationMenu(locale, isPackaged, {
      lock: () => done.push('lock'),
      about: () => done.push('about'),
    }) as unknown as TItem[]
    const items = template.flatMap((entry) => entry.submenu ?? [])
    return { template, items, done }
  }

  it('locks from File with Ctrl/Cmd+L and opens About from Help, in the interface language', () => {
    const { template, items, done } = menu('fr', true)
    const lock = items.find((item) => item.accelerator === 'CmdOrCtrl+L')
    expect(lock?.label).toBe('Verrouiller')
    lock?.click?.()
    items.find((item) => item.label === 'À propos de CCIJ Caseworker')?.click?.()
    expect(done).toEqual(['lock', 'about'])
    expect(template.map((entry) => entry.label).filter(Boolean)).toEqual(
      expect.arrayContaining(['Fichier', 'Aide']),
    )
    expect(template.find((entry) => entry.role === 'help')?.label).toBe('Aide')
  })
})

describe('the application menu, whole', () => {
  const en = (key: TDesktopMessageKey) => desktopText('en', key)
  const click = expect.any(Function)
  /** The menu as built on `platform`; process.platform is put back after. */
  const builtOn = (platform: string, isPackaged: boolean) => {
    const real = process.platform
    Object.defineProperty(process, 'platform', { value: platform })
    try {
      return buildApplicationMenu('en', isPackaged, { lock: () => undefined, about: () => undefined })
    } finally {
      Object.defineProperty(process, 'platform', { value: real })
    }
  }
  const edit = {
    label: en('menu.edit'),
    submenu: [
      { role: 'undo', label: en('menu.undo') },
      { role: 'redo', label: en('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: en('menu.cut') },
      { role: 'copy', label: en('menu.copy') },
      { role: 'paste', label: en('menu.paste') },
      { role: 'selectAll', label: en('menu.selectAll') },
    ],
  }
  const view = (developer: object[]) => ({
    label: en('menu.view'),
    submenu: [
      ...developer,
      { role: 'resetZoom', label: en('menu.resetZoom') },
      { role: 'zoomIn', label: en('menu.zoomIn') },
      { role: 'zoomOut', label: en('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: en('menu.fullScreen') },
    ],
  })
  const rest = [
    {
      label: en('menu.window'),
      submenu: [
        { role: 'minimize', label: en('menu.minimize') },
        { role: 'close', label: en('menu.close') },
      ],
    },
    { role: 'help', label: en('menu.help'), submenu: [{ label: en('menu.about'), click }] },
  ]
  const file = (last: object) => ({
    label: en('menu.file'),
    submenu: [{ label: en('menu.lock'), accelerator: 'CmdOrCtrl+L', click }, { type: 'separator' }, last],
  })

  it('is File, Edit, View, Window and Help on Windows and Linux, with Quit in File', () => {
    expect(builtOn('linux', true)).toEqual([
      file({ role: 'quit', label: en('menu.quit') }),
      edit,
      view([]),
      ...rest,
    ])
  })

  it('adds the app menu on macOS, where File closes the window instead of quitting', () => {
    expect(builtOn('darwin', true)).toEqual([
      { role: 'appMenu' },
      file({ role: 'close', label: en('menu.close') }),
      edit,
      view([]),
      ...rest,
    ])
  })

  it('puts Reload and the developer tools first in View in a development build', () => {
    expect(builtOn('linux', false)).toEqual([
      file({ role: 'quit', label: en('menu.quit') }),
      edit,
      view([
        { role: 'reload', label: en('menu.reload') },
        { role: 'toggleDevTools', label: en('menu.toggleDevTools') },
        { type: 'separator' },
      ]),
      ...rest,
    ])
  })
})

describe('the main window', () => {
  it('is hardened, hidden until its first paint, and loads the app protocol unless a dev server is named', () => {
    createMainWindow({ preloadPath: '/app/preload.js', partition: 'ccij-test', isPackaged: true })
    createMainWindow({
      preloadPath: '/app/preload.js',
      partition: 'ccij-test',
      isPackaged: false,
      devServerUrl: 'http://localhost:5173',
    })
    const [packaged, development] = fake.windows
    expect(packaged?.options).toEqual({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'CCIJ Caseworker',
      backgroundColor: '#f7f7f4',
      autoHideMenuBar: false,
      webPreferences: secureWebPreferences('/app/preload.js', 'ccij-test', true),
    })
    expect(development?.options).toMatchObject({ webPreferences: { devTools: true } })
    expect(packaged?.url).toBe('app://ccij/index.html')
    expect(development?.url).toBe('http://localhost:5173')
    expect(packaged?.shown).toBe(0)
    packaged?.once.get('ready-to-show')?.()
    expect(packaged?.shown).toBe(1)
  })
})

describe('IPC registration', () => {
  const register = (trusted: boolean) => {
    const handlers = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>()
    let activity = 0
    const seen: string[] = []
    const table = Object.fromEntries(
      CHANNEL_NAMES.map((channel) => [
        channel,
        () => {
          seen.push(channel)
          return {}
        },
      ]),
    ) as unknown as THandlerTable
    registerIpc({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, {
      table,
      isTrustedSender: () => trusted,
      context: () => ({ staff: null }),
      onActivity: () => (activity += 1),
    })
    return { handlers, seen, activity: () => activity }
  }

  it('registers one handler per contract channel and refuses a sender that is not the app window', async () => {
    const { handlers, seen, activity } = register(false)
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
    expect(await handlers.get('app:info')?.({}, {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the app window.' },
    })
    expect(seen).toEqual([])
    expect(activity()).toBe(0)
  })

  it('dispatches a trusted request, counting it as activity unless its channel says otherwise', async () => {
    const passive = CHANNEL_NAMES.find((channel) => contract[channel].countsAsActivity === false)
    const active = CHANNEL_NAMES.find((channel) => contract[channel].countsAsActivity === undefined)
    expect(passive).toBeDefined()
    expect(active).toBeDefined()
    const { handlers, activity } = register(true)
    // With no staff signed in, dispatch answers (LOCKED or a validation error) without calling the handler.
    const answer = await handlers.get(active!)?.({}, {})
    expect(answer).toMatchObject({ ok: false })
    expect(answer).not.toEqual(ok({}))
    expect(activity()).toBe(1)
    await handlers.get(passive!)?.({}, {})
    expect(activity()).toBe(1)
  })
})

describe('the desktop port', () => {
  const owner = { id: 'app window' }
  const desktop = (withWindow = true) =>
    createElectronDesktop(
      () => (withWindow ? (owner as never) : null),
      () => 'fr',
    )

  it('offers a dated file name in the chosen language and answers the path, or null when cancelled', async () => {
    const today = new Date().toISOString().slice(0, 10)
    fake.answer = { canceled: false, filePath: '/home/staff/out.csv' }
    expect(await desktop().chooseExportDestination?.()).toBe('/home/staff/out.csv')
    expect(fake.calls[0]).toMatchObject({
      method: 'save',
      args: [
        owner,
        {
          defaultPath: `ccij-intakes-${today}.csv`,
          filters: [{ extensions: ['csv'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      ],
    })
    expect((fake.calls[0]?.args[1] as { title: string }).title).not.toMatch(/^dialog\./)
    fake.answer = { canceled: true, filePath: '/home/staff/ignored.json' }
    expect(await desktop().chooseCasesFileDestination?.()).toBeNull()
    expect(fake.calls[1]?.args[1]).toMatchObject({ defaultPath: `ccij-cases-${today}.json` })
    fake.answer = { canceled: false }
    expect(await desktop(false).chooseBackupDestination?.()).toBeNull()
    // With no window the dialog is not attached to one.
    expect(fake.calls[2]?.args).toHaveLength(1)
    expect(fake.calls[2]?.args[0]).toMatchObject({ defaultPath: `ccij-vault-${today}.ccijbackup` })
  })

  it('asks where to save a packet under the suggested name, and which backup to restore', async () => {
    fake.answer = { canceled: false, filePath: '/home/staff/packet.pdf' }
    expect(await desktop().choosePacketDestination?.('packet-2026.pdf')).toBe('/home/staff/packet.pdf')
    expect(fake.calls[0]?.args[1]).toMatchObject({
      defaultPath: 'packet-2026.pdf',
      filters: [{ extensions: ['pdf'] }],
    })
    expect(fake.calls[0]?.args[1]).toMatchObject({
      title: desktopText('fr', 'dialog.packet.saveTitle'),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    })
    fake.answer = { canceled: true, filePath: '/home/staff/ignored.pdf' }
    expect(await desktop(false).choosePacketDestination?.('packet-2026.pdf')).toBeNull()
    expect(fake.calls[1]?.args).toHaveLength(1)
    fake.answer = { canceled: false }
    expect(await desktop().choosePacketDestination?.('packet-2026.pdf')).toBeNull()
    fake.calls.splice(2, 1)
    fake.answer = { canceled: false, filePaths: ['/home/staff/a.ccijbackup', '/home/staff/b.ccijbackup'] }
    expect(await desktop().chooseBackupSource?.()).toBe('/home/staff/a.ccijbackup')
    expect(fake.calls[2]?.args[1]).toMatchObject({
      filters: [{ extensions: ['ccijbackup'] }],
      properties: ['openFile'],
    })
    fake.answer = { canceled: true, filePaths: ['/home/staff/a.ccijbackup'] }
    expect(await desktop(false).chooseBackupSource?.()).toBeNull()
    fake.answer = { canceled: false, filePaths: [] }
    expect(await desktop().chooseBackupSource?.()).toBeNull()
  })

  it('opens only an https link, and only when the person chooses Open', async () => {
    const link = 'https://example.org/legal-aid'
    fake.answer = { canceled: false, response: 1 }
    expect(await desktop().openExternalAfterConfirm(link)).toBe(false)
    fake.answer = { canceled: false, response: 0 }
    expect(await desktop(false).openExternalAfterConfirm(link)).toBe(true)
    expect(await desktop().openExternalAfterConfirm('http://example.org/plain')).toBe(false)
    expect(fake.opened).toEqual([link])
    // The question names the link, and Cancel is the default.
    expect(fake.calls).toHaveLength(2)
    expect(fake.calls[0]?.args[0]).toBe(owner)
    expect(fake.calls[1]?.args).toHaveLength(1)
    expect(fake.calls[0]?.args[1]).toMatchObject({
      type: 'question',
      buttons: [desktopText('fr', 'dialog.openLink.open'), desktopText('fr', 'dialog.openLink.cancel')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    expect((fake.calls[0]?.args[1] as { detail: string }).detail).toContain(link)
  })
})

describe('packet printing', () => {
  it('prints to PDF in a hidden, script-less window of a session made for this packet, then drops it all', async () => {
    const html = '<p>Invented packet</p>'
    expect((await printPacketToPdf(html, 'a4')).toString()).toBe('%PDF-1.7 synthetic')
    expect(fake.printed).toEqual([
      {
        method: 'pdf',
        options: { pageSize: 'A4', preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true },
      },
    ])
    const [made] = fake.sessions
    expect(made?.name).toMatch(/^ccij-packet-[0-9a-f-]{36}$/)
    expect(made?.options).toEqual({ cache: false })
    const packetSession = made!.session
    expect(packetSession.permissionHandlers).toBe(3)
    const served = packetSession.handled.get('ccij-packet')?.()
    expect(await served?.text()).toBe(html)
    // Served as HTML in UTF-8: as plain text the packet would print as its markup, and accents would be garbled.
    expect(served?.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Only the packet itself and inline images load; anything else is refused.
    const cancelled = (url: string) => {
      let answer: boolean | undefined
      packetSession.beforeRequest?.({ url }, ({ cancel }) => (answer = cancel))
      return answer
    }
    expect(cancelled('ccij-packet://packet/')).toBe(false)
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false)
    expect(cancelled('https://example.org/tracker.png')).toBe(true)
    expect(cancelled('file:///etc/passwd')).toBe(true)
    const [window] = fake.windows
    expect(window?.options).toEqual({
      show: false,
      webPreferences: {
        session: packetSession,
        sandbox: true,
        javascript: false,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    })
    expect(window?.url).toBe('ccij-packet://packet/')
    expect(window?.destroyed).toBe(1)
    expect(packetSession.unhandled).toEqual(['ccij-packet'])
    expect(packetSession.storageClears).toBe(1)
    // A second packet gets a session of its own.
    await printPacketToPdf(html, 'letter')
    expect(fake.sessions[1]?.name).not.toBe(made?.name)
    expect(fake.printed[1]?.options).toMatchObject({ pageSize: 'Letter' })
  })

  it('prints through the OS dialog on the packet’s paper: true when printed, false when cancelled', async () => {
    expect(await printPacket('<p>Invented</p>', 'letter')).toBe(true)
    expect(fake.printed[0]).toEqual({
      method: 'print',
      options: { silent: false, printBackground: true, pageSize: 'Letter' },
    })
    fake.printOutcome = { success: false, reason: 'cancelled' }
    expect(await printPacket('<p>Invented</p>', 'a4')).toBe(false)
    expect(fake.printed[1]?.options).toMatchObject({ pageSize: 'A4' })
    fake.printOutcome = { success: false, reason: 'Print job canceled' }
    expect(await printPacket('<p>Invented</p>', 'a4')).toBe(false)
  })

  it('fails with Chromium’s reason when printing fails, and still drops the window and its session', async () => {
    fake.printOutcome = { success: false, reason: 'Printing failed' }
    await expect(printPacket('<p>Invented</p>', 'a4')).rejects.toThrow(
      'The packet could not be printed: Printing failed',
    )
    expect(fake.windows[0]?.destroyed).toBe(1)
    expect(fake.sessions[0]?.session.storageClears).toBe(1)
  })
})
