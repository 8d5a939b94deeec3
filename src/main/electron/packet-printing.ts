import { randomUUID } from 'node:crypto'
import { BrowserWindow, session } from 'electron'
import type { TPageSize } from '../../shared/packets/vocabulary'
import { denyAllPermissions } from './hardening'

/** The packet's own scheme, served from memory in the packet's private session: the HTML never touches the disk. */
const PACKET_SCHEME = 'ccij-packet'

/**
 * Runs `work` with the packet loaded in a hidden window of its own: an in-memory partition made for this packet,
 * sandboxed, JavaScript off, every request but the packet itself refused, and everything dropped afterwards.
 */
async function withPacketWindow<T>(html: string, work: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const packetSession = session.fromPartition(`ccij-packet-${randomUUID()}`, { cache: false })
  denyAllPermissions(packetSession)
  packetSession.protocol.handle(
    PACKET_SCHEME,
    () => new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
  )
  packetSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith(`${PACKET_SCHEME}:`) && !details.url.startsWith('data:') }),
  )
  const window = new BrowserWindow({
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
  try {
    await window.loadURL(`${PACKET_SCHEME}://packet/`)
    return await work(window)
  } finally {
    window.destroy()
    packetSession.protocol.unhandle(PACKET_SCHEME)
    await packetSession.clearStorageData()
  }
}

/** Save as PDF: Chromium's own print-to-PDF, honouring the packet's @page size and running footer. */
export const printPacketToPdf = (html: string, pageSize: TPageSize): Promise<Buffer> =>
  withPacketWindow(html, (window) =>
    window.webContents.printToPDF({
      pageSize: pageSize === 'a4' ? 'A4' : 'Letter',
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
    }),
  )

/** Print: the OS print dialog, on the packet's paper; false when the person cancels it. */
export const printPacket = (html: string, pageSize: TPageSize): Promise<boolean> =>
  withPacketWindow(
    html,
    (window) =>
      new Promise<boolean>((resolve, reject) => {
        const paper = pageSize === 'a4' ? ('A4' as const) : ('Letter' as const)
        window.webContents.print(
          { silent: false, printBackground: true, pageSize: paper },
          (success, reason) => {
            if (success) resolve(true)
            else if (reason === 'cancelled' || reason === 'Print job canceled') resolve(false)
            else reject(new Error(`The packet could not be printed: ${reason}`))
          },
        )
      }),
  )
