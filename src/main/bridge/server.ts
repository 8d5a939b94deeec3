import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { build } from 'esbuild'
import { createServices, type TDesktopPort, type TServices, type TServicesOptions } from '../core/services'
import { ChromiumPdfPrinter } from '../core/packets/chromium-pdf'
import { writeFileAtomic } from '../core/fs/atomic-write'
import { IdleLock } from '../core/vault/idle-lock'
import { dispatch } from '../ipc/dispatch'
import { CHANNEL_NAMES, contract, type TChannelName } from '../../shared/contract'
import { createHandlerTable } from '../ipc/handler-table'
import { SECURITY_HEADERS } from '../security/csp'
import { serveRendererFile } from '../security/static-files'

const PROJECT_ROOT = join(import.meta.dirname, '../../..')
const COOKIE_NAME = 'ccij_bridge'
const MAX_REQUEST_BYTES = 16 * 1024 * 1024

export type TBridgeOptions = {
  /** Folder for the vault and device settings: a temp folder in tests. */
  dataDirectory: string
  /** The built renderer (out/renderer by default). */
  rendererDirectory?: string
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  port?: number
  /** Stands in for native dialogs; tests decide what the "person" chooses. */
  desktop?: Partial<TDesktopPort>
  /**
   * Where saved and printed packets go (a browser has no save or print dialog): tests pass a temp folder of their
   * own, outside the data folder; dev:browser uses <data>/packets.
   */
  packetsDirectory?: string
  /** Vault options; tests pass cheaper key derivation (never dev:browser). */
  vault?: TServicesOptions['vault']
}

export type TBridge = {
  /** Open this to get the app; it carries the one-time token. */
  url: string
  origin: string
  services: TServices
  /** https links the app asked to open (the bridge never opens them). */
  externalLinkRequests: string[]
  /** Where packets are saved (`<packet ID>.pdf`) and printed (`printed-<n>.pdf`). */
  packetsDirectory: string
  close(): Promise<void>
}

const isChannelName = (name: string): name is TChannelName => (CHANNEL_NAMES as string[]).includes(name)

let clientScript: Promise<string> | undefined

/** The browser-side half, bundled from client.ts (beside this file) on first use. */
function bundleClient(): Promise<string> {
  clientScript ??= build({
    entryPoints: [join(import.meta.dirname, 'client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
  }).then((result) => result.outputFiles[0]?.text ?? '')
  return clientScript
}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected))
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_REQUEST_BYTES) throw new Error('too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function send(response: ServerResponse, fetchResponse: Response): Promise<void> {
  response.writeHead(fetchResponse.status, Object.fromEntries(fetchResponse.headers.entries()))
  response.end(Buffer.from(await fetchResponse.arrayBuffer()))
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(value))
}

/**
 * The one bridge between a browser and the app's handler table, used by the end-to-end tests and by
 * `npm run dev:browser`. Same contract, same dispatcher, same handlers as Electron's main process;
 * only the transport differs (HTTP on loopback, guarded by a random token and an Origin check).
 */
export async function startBridge(options: TBridgeOptions): Promise<TBridge> {
  const rendererDirectory =
    options.rendererDirectory ?? process.env['CCIJ_RENDERER_DIR'] ?? join(PROJECT_ROOT, 'out/renderer')
  if (!existsSync(join(rendererDirectory, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDirectory}. Run "npx electron-vite build" first.`)
  }
  const token = randomBytes(32).toString('hex')
  const externalLinkRequests: string[] = []
  // A browser has no native file dialogs: backups go to (and restore from the newest in) <data>/backups/.
  const backupsDirectory = join(options.dataDirectory, 'backups')
  // Packets print with system Chromium, one browser for the bridge's life. With no printer to send them to, a
  // print goes where a browser's "Save as PDF" printer would put it: a PDF in the packets folder, written 0600.
  const packetPrinter = new ChromiumPdfPrinter()
  const packetsDirectory = options.packetsDirectory ?? join(options.dataDirectory, 'packets')
  const packetsFolder = (): string => {
    mkdirSync(packetsDirectory, { recursive: true, mode: 0o700 })
    return packetsDirectory
  }
  let printJobs = 0
  const desktop: TDesktopPort = {
    printPacketToPdf: (html, pageSize) => packetPrinter.print(html, pageSize),
    choosePacketDestination: async (suggestedName) => join(packetsFolder(), suggestedName),
    printPacket: async (html, pageSize) => {
      const pdf = await packetPrinter.print(html, pageSize)
      writeFileAtomic(join(packetsFolder(), `printed-${++printJobs}.pdf`), pdf, 0o600)
      return true
    },
    openExternalAfterConfirm: async (url) => {
      externalLinkRequests.push(url)
      return false
    },
    chooseBackupDestination: async () => {
      mkdirSync(backupsDirectory, { recursive: true, mode: 0o700 })
      return join(backupsDirectory, `ccij-vault-${new Date().toISOString().replace(/[:.]/g, '-')}.ccijbackup`)
    },
    // Intakes CSV exports go to <data>/exports/ (inside the test's temp folder).
    chooseExportDestination: async () => {
      const exportsDirectory = join(options.dataDirectory, 'exports')
      mkdirSync(exportsDirectory, { recursive: true, mode: 0o700 })
      return join(exportsDirectory, `ccij-intakes-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`)
    },
    // Cases file exports (ccij-cases-v1) go there too.
    chooseCasesFileDestination: async () => {
      const exportsDirectory = join(options.dataDirectory, 'exports')
      mkdirSync(exportsDirectory, { recursive: true, mode: 0o700 })
      return join(exportsDirectory, `ccij-cases-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    },
    // Blank templates (the lawyer sign-up file) go there under the name the app suggests.
    chooseTemplateDestination: async (suggestedName) => {
      const exportsDirectory = join(options.dataDirectory, 'exports')
      mkdirSync(exportsDirectory, { recursive: true, mode: 0o700 })
      return join(exportsDirectory, suggestedName)
    },
    chooseBackupSource: async () => {
      const newest = existsSync(backupsDirectory)
        ? readdirSync(backupsDirectory)
            .filter((name) => name.endsWith('.ccijbackup'))
            .sort()
            .at(-1)
        : undefined
      return newest === undefined ? null : join(backupsDirectory, newest)
    },
    ...options.desktop,
  }
  const services = createServices({
    dataDirectory: options.dataDirectory,
    runtime: 'bridge',
    appVersion: (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version,
    desktop,
    ...(options.vault === undefined ? {} : { vault: options.vault }),
  })
  const table = createHandlerTable(services)
  // The same idle lock as the desktop app; the browser has no OS idle time, so only app activity counts.
  const idleLock = new IdleLock(
    () => services.settings.get().idleLockMinutes * 60_000,
    () => services.vault.lock('idle'),
    () => services.currentStaff() !== null,
  )
  const stopIdleLock = idleLock.start()
  const client = await bundleClient()
  let origin = ''

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin)
      // First visit: trade the token in the URL for a strict, HttpOnly cookie.
      if (url.searchParams.has('token')) {
        if (!sameSecret(url.searchParams.get('token'), token))
          return sendJson(response, 403, { error: 'bad token' })
        response.writeHead(303, {
          ...SECURITY_HEADERS,
          Location: '/',
          'Set-Cookie': `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        })
        return response.end()
      }
      if (!sameSecret(readCookie(request, COOKIE_NAME), token))
        return sendJson(response, 403, { error: 'no token' })

      if (url.pathname.startsWith('/__bridge/invoke/')) {
        if (request.method !== 'POST' || request.headers.origin !== origin) {
          return sendJson(response, 403, { error: 'cross-origin request refused' })
        }
        let body: unknown
        try {
          body = JSON.parse(await readBody(request))
        } catch {
          return sendJson(response, 400, {
            ok: false,
            error: { code: 'BAD_REQUEST', message: 'Unreadable request' },
          })
        }
        const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length))
        if (isChannelName(channel) && contract[channel].countsAsActivity !== false) idleLock.recordActivity()
        return sendJson(
          response,
          200,
          await dispatch(table, channel, body, { staff: services.currentStaff() }),
        )
      }
      if (url.pathname === '/__bridge/client.js') {
        response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' })
        return response.end(client)
      }
      if (url.pathname === '/' || url.pathname === '/index.html') {
        const html = await readFile(join(rendererDirectory, 'index.html'), 'utf8')
        const withBridge = html.replace('<script', '<script src="/__bridge/client.js"></script>\n    <script')
        response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' })
        return response.end(withBridge)
      }
      return send(response, await serveRendererFile(rendererDirectory, url.pathname))
    })().catch(() => sendJson(response, 500, { error: 'bridge failure' }))
  })

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    services,
    externalLinkRequests,
    packetsDirectory,
    close: () =>
      new Promise<void>((resolve) => {
        stopIdleLock()
        services.vault.lock()
        server.closeAllConnections()
        server.close(() => void packetPrinter.close().then(resolve, resolve))
      }),
  }
}
