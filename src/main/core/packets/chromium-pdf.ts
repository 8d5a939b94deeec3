import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { AppError } from '../../../shared/result'
import type { TPageSize } from '../../../shared/packets/vocabulary'

/*
 * Packets to PDF outside Electron (the admin CLI, tests, the browser bridge): the packet's HTML printed by the
 * system Chromium. The HTML goes in with setContent, so it never touches the disk; JavaScript is off and every
 * request is refused, so nothing in a name can run or reach the network. Playwright gives the browser a fresh
 * temporary profile and deletes it when the browser closes.
 */

/** `$CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new AppError(
      'NOT_FOUND',
      `No Chromium found at ${path} to print the packet. Install Chromium or set CHROMIUM_PATH to its program file.`,
    )
  }
  return path
}

/** Chromium's own sandbox needs user namespaces, which a root process (a container) does not get. */
const sandboxAllowed = (): boolean => process.getuid?.() !== 0

const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Prints packets to PDF with system Chromium. One browser serves every packet until `close()` (starting Chromium
 * is most of the cost of a packet); each packet gets its own context, closed after, so nothing carries over.
 */
export class ChromiumPdfPrinter {
  private browser: Promise<Browser> | null = null

  constructor(private readonly executablePath: () => string = () => chromiumPath()) {}

  async print(html: string, pageSize: TPageSize): Promise<Buffer> {
    const browser = await this.launch()
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    try {
      await context.route('**/*', (route) => route.abort())
      const page = await context.newPage()
      await page.setContent(html, { waitUntil: 'load' })
      await page.emulateMedia({ media: 'print' })
      return await page.pdf({
        format: pageSize === 'a4' ? 'A4' : 'Letter',
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
      })
    } finally {
      await context.close()
    }
  }

  /** Closes the browser; Playwright then deletes its temporary profile. */
  async close(): Promise<void> {
    const browser = this.browser
    this.browser = null
    if (browser !== null) await (await browser).close()
  }

  private launch(): Promise<Browser> {
    if (this.browser === null) {
      const launching = chromium.launch({
        executablePath: this.executablePath(),
        headless: true,
        chromiumSandbox: sandboxAllowed(),
        args: LAUNCH_ARGS,
      })
      // A failed launch is not cached: the next packet tries again (after Chromium was installed, say).
      launching.catch(() => {
        if (this.browser === launching) this.browser = null
      })
      this.browser = launching
    }
    return this.browser
  }
}

/** One packet to PDF bytes, with a browser of its own (the CLI prints one packet and exits). */
export async function printPacketPdf(html: string, pageSize: TPageSize): Promise<Buffer> {
  const printer = new ChromiumPdfPrinter()
  try {
    return await printer.print(html, pageSize)
  } finally {
    await printer.close()
  }
}
