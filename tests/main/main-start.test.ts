import { EventEmitter } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { App, BrowserWindow, Dialog, IpcMainInvokeEvent } from 'electron'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TLockListener } from '../../src/main/core/vault/vault-service'
import type { TLockReason } from '../../src/shared/contract/vault'
import { appProtocolHandler, showAboutDialog } from '../../src/main/electron/app-shell'
import { wireLocking } from '../../src/main/electron/lock-wiring'
import { NativeBindingError } from '../../src/main/electron/native-binding'
import { createSenderCheck } from '../../src/main/electron/sender-check'
import { nativeBindingOption, refuseToStart, startSingleInstance } from '../../src/main/electron/startup'
import { makeTempFolder, removeFolder } from '#test-support/temp-folder'

/*
 * The logic main's entry (src/main/index.ts) wires together, each piece alone against small fakes: the sender check,
 * the lock wiring, the native module's refusal, the single-instance entry, the app protocol and the About dialog.
 * The smoke test starts the whole of main once; these run in milliseconds with no vault, so a mutation run can
 * afford them for every mutant.
 */

/** A window whose web contents has a main frame on `url`, as Electron gives it to an IPC handler. */
function fakeWindow(url = 'app://ccij/index.html') {
  const webContents = { mainFrame: { url }, reloads: 0, reload: () => (webContents.reloads += 1) }
  return { webContents } as unknown as BrowserWindow & { webContents: { reloads: number } }
}
const eventFrom = (sender: unknown, senderFrame: unknown) =>
  ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent

describe('the IPC sender check', () => {
  const window = fakeWindow()
  const own = window.webContents
  const check = createSenderCheck(() => window, undefined)

  it('accepts the app window’s own main frame on the app origin', () => {
    expect(check(eventFrom(own, own.mainFrame))).toBe(true)
  })

  it('refuses when there is no window, or the frame is gone', () => {
    expect(createSenderCheck(() => null, undefined)(eventFrom(own, own.mainFrame))).toBe(false)
    expect(check(eventFrom(own, null))).toBe(false)
  })

  it('refuses another web contents, even one showing the app’s URL', () => {
    const stranger = { mainFrame: { url: 'app://ccij/index.html' } }
    expect(check(eventFrom(stranger, stranger.mainFrame))).toBe(false)
  })

  it('refuses a destroyed web contents, whose frames are all gone', () => {
    const gone = { webContents: { mainFrame: null } } as unknown as BrowserWindow
    expect(createSenderCheck(() => gone, undefined)(eventFrom(gone.webContents, null))).toBe(false)
  })

  it('refuses a sub-frame of the app window, even on the app origin', () => {
    expect(check(eventFrom(own, { url: 'app://ccij/index.html' }))).toBe(false)
  })

  it('refuses the app window’s main frame once it shows another origin', () => {
    const moved = fakeWindow('https://evil.example/index.html')
    const contents = moved.webContents
    expect(createSenderCheck(() => moved, undefined)(eventFrom(contents, contents.mainFrame))).toBe(false)
  })

  it('reads the window at each request (the window made after the check, or closed since)', () => {
    let current: BrowserWindow | null = null
    const late = createSenderCheck(() => current, undefined)
    expect(late(eventFrom(own, own.mainFrame))).toBe(false)
    current = window
    expect(late(eventFrom(own, own.mainFrame))).toBe(true)
  })

  it('accepts the dev server’s origin only when one is in use', () => {
    const dev = fakeWindow('http://localhost:5173/')
    const contents = dev.webContents
    const event = eventFrom(contents, contents.mainFrame)
    expect(createSenderCheck(() => dev, 'http://localhost:5173')(event)).toBe(true)
    expect(createSenderCheck(() => dev, undefined)(event)).toBe(false)
  })
})

describe('the lock wiring', () => {
  afterEach(() => vi.useRealTimers())

  /** A vault that records each lock and tells its listeners, as the real one does (nothing while locked). */
  function setUp(options: { idleLockMinutes?: number } = {}) {
    const listeners = new Set<TLockListener>()
    let state: 'locked' | 'unlocked' = 'unlocked'
    const locks: TLockReason[] = []
    const vault = {
      lock(reason: TLockReason) {
        if (state === 'locked') return
        state = 'locked'
        locks.push(reason)
        for (const listener of listeners) listener('locked')
      },
      unlock() {
        state = 'unlocked'
        for (const listener of listeners) listener('unlocked')
      },
      onLockChange(listener: TLockListener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    const wipes = { storage: 0, cache: 0 }
    const rendererSession = {
      clearStorageData: async () => {
        wipes.storage += 1
      },
      clearCache: async () => {
        wipes.cache += 1
      },
    }
    const app = new EventEmitter()
    const powerMonitor = new EventEmitter()
    let window: ReturnType<typeof fakeWindow> | null = fakeWindow()
    const wired = wireLocking(
      {
        vault,
        settings: { get: () => ({ idleLockMinutes: options.idleLockMinutes ?? 5 }) },
        currentStaff: () => (state === 'unlocked' ? { username: 'alex.example' } : null),
      },
      {
        app: app as unknown as App,
        powerMonitor: powerMonitor as never,
        rendererSession: rendererSession as never,
        appWindow: () => window,
      },
    )
    const reloads = () => window?.webContents.reloads
    return {
      vault,
      locks,
      wipes,
      app,
      powerMonitor,
      wired,
      reloads,
      closeWindow: () => (window = null),
    }
  }

  it.each([
    { event: 'suspend', reason: 'suspend' },
    { event: 'lock-screen', reason: 'screen-lock' },
  ])(
    'locks on the OS’s $event, wipes the renderer’s storage and cache, and reloads',
    async ({ event, reason }) => {
      const wiring = setUp()
      wiring.powerMonitor.emit(event)
      expect(wiring.locks).toEqual([reason])
      expect(wiring.wipes).toEqual({ storage: 1, cache: 1 })
      expect(wiring.reloads()).toBe(1)
    },
  )

  it('locks for the reason the menu gives, with the same wipe and reload', () => {
    const wiring = setUp()
    wiring.wired.lockNow('shortcut')
    expect(wiring.locks).toEqual(['shortcut'])
    expect(wiring.wipes).toEqual({ storage: 1, cache: 1 })
    expect(wiring.reloads()).toBe(1)
  })

  it('wipes nothing when the vault unlocks', () => {
    const wiring = setUp()
    wiring.vault.lock('manual')
    wiring.vault.unlock()
    expect(wiring.wipes).toEqual({ storage: 1, cache: 1 })
    expect(wiring.reloads()).toBe(1)
  })

  it('locks when the app quits, without wiping or reloading a page that is closing', () => {
    const wiring = setUp()
    wiring.app.emit('before-quit')
    expect(wiring.locks).toEqual(['quit'])
    expect(wiring.wipes).toEqual({ storage: 0, cache: 0 })
    expect(wiring.reloads()).toBe(0)
  })

  it('still wipes the storage when there is no window to reload', () => {
    const wiring = setUp()
    wiring.closeWindow()
    wiring.powerMonitor.emit('suspend')
    expect(wiring.locks).toEqual(['suspend'])
    expect(wiring.wipes).toEqual({ storage: 1, cache: 1 })
  })

  it('a failed wipe is not an unhandled rejection', async () => {
    const listeners = new Set<TLockListener>()
    const failing = async () => {
      throw new Error('gone')
    }
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      wireLocking(
        {
          vault: {
            lock: () => listeners.forEach((listener) => listener('locked')),
            onLockChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
          },
          settings: { get: () => ({ idleLockMinutes: 5 }) },
          currentStaff: () => null,
        },
        {
          app: new EventEmitter() as unknown as App,
          powerMonitor: new EventEmitter() as never,
          rendererSession: { clearStorageData: failing, clearCache: failing } as never,
          appWindow: () => null,
        },
      ).lockNow('manual')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(rejections).toEqual([])
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })

  it('locks after the idle time set, counting recorded activity, and only while unlocked', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const wiring = setUp({ idleLockMinutes: 2 })
    vi.advanceTimersByTime(90_000)
    wiring.wired.recordActivity()
    vi.advanceTimersByTime(90_000)
    expect(wiring.locks).toEqual([])
    vi.advanceTimersByTime(45_000)
    expect(wiring.locks).toEqual(['idle'])
    // Locked: the idle count does not lock again.
    vi.advanceTimersByTime(600_000)
    expect(wiring.locks).toEqual(['idle'])
  })

  it('starts the idle count again at unlock, however long the vault stayed locked', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const wiring = setUp({ idleLockMinutes: 2 })
    wiring.wired.lockNow('manual')
    vi.advanceTimersByTime(600_000)
    wiring.vault.unlock()
    vi.advanceTimersByTime(60_000)
    expect(wiring.locks).toEqual(['manual'])
    vi.advanceTimersByTime(75_000)
    expect(wiring.locks).toEqual(['manual', 'idle'])
  })
})

describe('the database module’s option, and refusing to start', () => {
  it('is none under plain Node, and Electron’s build when there is one', () => {
    // No `nativeBinding` key at all (toEqual would take `{ nativeBinding: undefined }` for `{}`).
    expect(nativeBindingOption(() => undefined)).toStrictEqual({})
    expect(nativeBindingOption(() => '/app/native/better_sqlite3.node')).toEqual({
      nativeBinding: '/app/native/better_sqlite3.node',
    })
  })

  it('hands back a NativeBindingError, and lets any other error through', () => {
    const missing = new NativeBindingError('The database module for Electron 45.5.0 is missing.')
    expect(
      nativeBindingOption(() => {
        throw missing
      }),
    ).toBe(missing)
    const other = new Error('disk on fire')
    expect(() =>
      nativeBindingOption(() => {
        throw other
      }),
    ).toThrow(other)
  })

  function refuse(locale: string, isPackaged: boolean) {
    const exits: number[] = []
    const boxes: { title: string; content: string }[] = []
    const printed: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk))
      return true
    })
    try {
      refuseToStart(
        {
          getLocale: () => locale,
          isPackaged,
          exit: (code?: number) => exits.push(code ?? 0),
        } as unknown as App,
        {
          showErrorBox: (title: string, content: string) => boxes.push({ title, content }),
        } as unknown as Dialog,
        new NativeBindingError('The database module is missing.'),
      )
    } finally {
      spy.mockRestore()
    }
    return { exits, boxes, printed }
  }

  it('says why on stderr and in a dialog, then exits with code 1', () => {
    const { exits, boxes, printed } = refuse('en-CA', true)
    expect(printed).toEqual(['The database module is missing. Reinstall CCIJ Caseworker.\n'])
    expect(boxes).toHaveLength(1)
    expect(boxes[0]!.title).toBe('CCIJ Caseworker cannot start')
    expect(boxes[0]!.content).toMatch(/\n\nThe database module is missing\. Reinstall CCIJ Caseworker\.$/)
    expect(boxes[0]!.content.startsWith('\n')).toBe(false)
    expect(exits).toEqual([1])
  })

  it('in French for a French system, with a checkout’s remedy in a checkout', () => {
    const { boxes, printed } = refuse('fr-CA', false)
    expect(boxes[0]!.title).toBe('CCIJ Caseworker ne peut pas démarrer')
    expect(printed[0]).toContain('Run "npm start" to build it')
    expect(refuse('de-DE', true).boxes[0]!.title).toBe('CCIJ Caseworker cannot start')
  })
})

describe('the single-instance entry', () => {
  function fakeApp(gotLock: boolean) {
    const app = Object.assign(new EventEmitter(), {
      quits: 0,
      requestSingleInstanceLock: () => gotLock,
      quit: () => (app.quits += 1),
    })
    return app
  }
  function fakeFocusable(minimized: boolean) {
    const calls: string[] = []
    const window = {
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      focus: () => calls.push('focus'),
    } as unknown as BrowserWindow
    return { window, calls }
  }

  it('quits at once, starting nothing, when another instance holds the lock', () => {
    const app = fakeApp(false)
    const start = vi.fn(async () => undefined)
    startSingleInstance(app as unknown as App, () => null, start)
    expect(app.quits).toBe(1)
    expect(start).not.toHaveBeenCalled()
    expect(app.listenerCount('second-instance')).toBe(0)
    expect(app.listenerCount('window-all-closed')).toBe(0)
  })

  it('starts, and quits when the last window closes', () => {
    const app = fakeApp(true)
    const start = vi.fn(async () => undefined)
    startSingleInstance(app as unknown as App, () => null, start)
    expect(start).toHaveBeenCalledOnce()
    expect(app.quits).toBe(0)
    app.emit('window-all-closed')
    expect(app.quits).toBe(1)
  })

  it('gives the first instance’s window back when a second starts: restored if minimized, then focused', () => {
    const app = fakeApp(true)
    let current: BrowserWindow | null = null
    startSingleInstance(
      app as unknown as App,
      () => current,
      async () => undefined,
    )
    // No window yet (still starting): nothing to do, and no error.
    app.emit('second-instance')
    const minimized = fakeFocusable(true)
    current = minimized.window
    app.emit('second-instance')
    expect(minimized.calls).toEqual(['restore', 'focus'])
    const shown = fakeFocusable(false)
    current = shown.window
    app.emit('second-instance')
    expect(shown.calls).toEqual(['focus'])
    expect(app.quits).toBe(0)
  })
})

describe('the app protocol and the About dialog', () => {
  let renderer: string
  beforeAll(() => {
    renderer = makeTempFolder('ccij-app-shell-')
    mkdirSync(join(renderer, 'assets'))
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
    writeFileSync(join(renderer, 'assets', 'app.js'), 'export {}')
  })
  afterAll(() => removeFolder(renderer))

  it('serves the renderer’s files on the app’s host only', async () => {
    const handler = appProtocolHandler(renderer)
    const page = await handler(new Request('app://ccij/index.html'))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>t</title>')
    const script = await handler(new Request('app://ccij/assets/app.js'))
    expect(script.status).toBe(200)
    expect(await script.text()).toBe('export {}')
    const elsewhere = await handler(new Request('app://elsewhere/index.html'))
    expect(elsewhere.status).toBe(404)
    expect(await elsewhere.text()).toBe('Not found')
    expect((await handler(new Request('app://ccij.evil.example/index.html'))).status).toBe(404)
  })

  function about(window: BrowserWindow | null, locale: 'en' | 'fr') {
    const calls: unknown[][] = []
    showAboutDialog(
      {
        showMessageBox: async (...args: unknown[]) => (calls.push(args), { response: 0 }),
      } as unknown as Dialog,
      window,
      locale,
      '1.2.3',
    )
    return calls
  }

  it('names the version, in the person’s language, over the app window when there is one', () => {
    const window = fakeWindow()
    const [withWindow] = about(window, 'en')
    expect(withWindow![0]).toBe(window)
    const options = withWindow![1] as { type: string; message: string; detail: string; buttons: string[] }
    expect(options.type).toBe('info')
    expect(options.message).toBe('CCIJ Caseworker 1.2.3')
    expect(options.detail.length).toBeGreaterThan(0)
    expect(options.buttons).toEqual(['OK'])
    const [alone] = about(null, 'fr')
    expect(alone).toHaveLength(1)
    const french = alone![0] as { message: string; detail: string }
    expect(french.message).toBe('CCIJ Caseworker 1.2.3')
    expect(french.detail).not.toBe(options.detail)
  })
})
