import { EventEmitter } from 'node:events'

type TListener = (...args: never[]) => unknown

/** A recording stand-in for the `electron` module: enough of its surface for main to start. */
export function createElectronStub(options: { singleInstanceLock: boolean; isPackaged?: boolean }) {
  const record = {
    privilegedSchemes: [] as unknown[],
    sandboxEnabled: false,
    quitCalled: false,
    singleInstanceLockRequested: false,
    /** The code given to app.exit(); undefined while the app runs. */
    exitCode: undefined as number | undefined,
    ipcHandlers: new Map<string, TListener>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    permissionRequestHandlers: [] as TListener[],
    permissionCheckHandlers: [] as TListener[],
    devicePermissionHandlers: [] as TListener[],
    windows: [] as { options: Record<string, unknown>; loadedUrl: string | undefined; instance: unknown }[],
    menuTemplates: [] as unknown[],
    openedExternally: [] as string[],
    dialogs: [] as unknown[],
    errorBoxes: [] as { title: string; content: string }[],
    dialogResponse: 1,
  }

  const app = Object.assign(new EventEmitter(), {
    /** An installed app unless told otherwise; `npm run dev` and `electron .` are not packaged. */
    isPackaged: options.isPackaged ?? true,
    disableHardwareAcceleration: () => undefined,
    enableSandbox: () => {
      record.sandboxEnabled = true
    },
    requestSingleInstanceLock: () => {
      record.singleInstanceLockRequested = true
      return options.singleInstanceLock
    },
    whenReady: () => Promise.resolve(),
    // Like Electron, an unknown name throws; main asks only for its data folder.
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`the stub knows only app.getPath('userData'), not '${name}'`)
      return process.env['CCIJ_STUB_USER_DATA'] ?? ''
    },
    getVersion: () => '0.0.0-test',
    getName: () => 'CCIJ Caseworker',
    getLocale: () => 'en-CA',
    getAppPath: () => process.env['CCIJ_STUB_APP_PATH'] ?? process.cwd(),
    quit: () => {
      record.quitCalled = true
    },
    exit: (code = 0) => {
      record.exitCode = code
    },
  })

  /** A session that remembers the last handler of each kind it was given, and how often it was wiped. */
  const makeSession = () => {
    const session = {
      permissionRequestHandler: undefined as TListener | undefined,
      permissionCheckHandler: undefined as TListener | undefined,
      devicePermissionHandler: undefined as TListener | undefined,
      storageClears: 0,
      cacheClears: 0,
      protocol: {
        handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
          record.protocolHandlers.set(scheme, handler)
        },
      },
      setPermissionRequestHandler: (handler: TListener) => {
        session.permissionRequestHandler = handler
        record.permissionRequestHandlers.push(handler)
      },
      setPermissionCheckHandler: (handler: TListener) => {
        session.permissionCheckHandler = handler
        record.permissionCheckHandlers.push(handler)
      },
      setDevicePermissionHandler: (handler: TListener) => {
        session.devicePermissionHandler = handler
        record.devicePermissionHandlers.push(handler)
      },
      clearStorageData: async () => {
        session.storageClears += 1
      },
      clearCache: async () => {
        session.cacheClears += 1
      },
    }
    return session
  }
  const defaultSession = makeSession()
  const partitions = new Map<string, ReturnType<typeof makeSession>>()

  class BrowserWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), {
      reloads: 0,
      reload() {
        this.reloads += 1
      },
      mainFrame: { url: 'app://ccij/index.html' },
    })
    private readonly entry: {
      options: Record<string, unknown>
      loadedUrl: string | undefined
      instance: unknown
    }
    constructor(windowOptions: Record<string, unknown>) {
      super()
      this.entry = { options: windowOptions, loadedUrl: undefined, instance: this }
      record.windows.push(this.entry)
    }
    loadURL(url: string) {
      this.entry.loadedUrl = url
      return Promise.resolve()
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false
    }
  }

  const module = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: TListener) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
        record.ipcHandlers.set(channel, handler)
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
    },
    session: {
      defaultSession,
      fromPartition: (name: string) => {
        if (!partitions.has(name)) partitions.set(name, makeSession())
        return partitions.get(name)
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => {
        record.menuTemplates.push(template)
        return template
      },
      setApplicationMenu: () => undefined,
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push({ title, content }),
      showMessageBox: async (...args: unknown[]) => {
        record.dialogs.push(args)
        return { response: record.dialogResponse }
      },
    },
    shell: {
      openExternal: async (url: string) => {
        record.openedExternally.push(url)
      },
    },
    powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0 }),
  }
  return { module, record, app }
}
