/**
 * The renderer: the case list's first render in headless Chromium against the built renderer, served by a child
 * process standing in for main (the browser bridge over the bench's vault), and the memory of both. Builds the
 * renderer when it is missing (except at tiny scale), and never fails the run: without a renderer or a Chromium,
 * its figures are null with the reason on stderr.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import type { TFigureKey, TFigureValues } from './figures'
import type { TBench, TBenchModule } from './module'
import { BENCH_ADMIN } from './support/caseload'
import { median, ms, percentile } from './support/measure'

const PROJECT_ROOT = join(import.meta.dirname, '..')
const RENDERER = process.env['CCIJ_RENDERER_DIR'] ?? join(PROJECT_ROOT, 'out/renderer')
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const FIGURES: readonly TFigureKey[] = ['list_first_render_ms', 'renderer_memory_bytes', 'main_rss_bytes']

/**
 * In the page (a script, so the bench's Node types need no DOM): from the hash change to the case list to the mark
 * the list sets once rows with data are in the DOM, and to the next frame after it (painted).
 */
const NAVIGATE_TO_LIST = `new Promise((resolve, reject) => {
  performance.clearMarks()
  const start = performance.now()
  const timer = setTimeout(() => reject(new Error('no rows within 20 s')), 20000)
  const observer = new PerformanceObserver((list) => {
    const mark = list.getEntriesByName('caseList:firstRows')[0]
    if (mark === undefined) return
    observer.disconnect()
    requestAnimationFrame(() => {
      clearTimeout(timer)
      resolve({ rows: mark.startTime - start, painted: performance.now() - start })
    })
  })
  observer.observe({ type: 'mark' })
  location.hash = '#/survivors'
})`

const isTiming = (value: unknown): value is { rows: number; painted: number } =>
  typeof value === 'object' && value !== null && 'rows' in value && 'painted' in value

/** The next message from the child that passes `accept`, or an error after `timeoutMs`. */
function nextMessage<T>(
  child: ChildProcess,
  accept: (message: unknown) => message is T,
  timeoutMs = 60_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the bridge host did not answer')), timeoutMs)
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'error' in message)
        done(new Error(String(message.error)))
      else if (accept(message)) done(null, message)
    }
    const onExit = () => done(new Error('the bridge host exited'))
    function done(error: Error | null, message?: T) {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error === null) resolve(message as T)
      else reject(error)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

/** True when there is a built renderer, building it first when allowed; otherwise says why there is none. */
function ensureRenderer(bench: TBench): string | null {
  if (existsSync(join(RENDERER, 'index.html'))) return null
  if (bench.scale.name === 'tiny') return `no built renderer in ${RENDERER} (a tiny run does not build one)`
  bench.progress('building the renderer (none was built)')
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  return build.status === 0 && existsSync(join(RENDERER, 'index.html'))
    ? null
    : `the renderer did not build: ${build.stderr.toString().trim().split('\n').at(-1) ?? 'no output'}`
}

/** Proportional memory (PSS) of a process on Linux, else null: the page's fair share of what Chromium shares. */
function processMemoryBytes(pid: number): number | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
    const kilobytes = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1]
    return kilobytes === undefined ? null : Number(kilobytes) * 1024
  } catch {
    return null
  }
}

/** The renderer process that did the work (the page's; Chromium keeps idle spares too): most CPU time. */
async function rendererMemory(browser: Browser, page: Page, bench: TBench): Promise<number | null> {
  const session = await browser.newBrowserCDPSession()
  const info = (await session.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[]
  }
  const busiest = info.processInfo
    .filter((process) => process.type === 'renderer')
    .sort((left, right) => right.cpuTime - left.cpuTime)[0]
  const pageSession = await page.context().newCDPSession(page)
  await pageSession.send('Performance.enable')
  const { metrics } = await pageSession.send('Performance.getMetrics')
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? null
  const pss = busiest === undefined ? null : processMemoryBytes(busiest.id)
  bench.note(
    'renderer_memory_bytes',
    pss === null
      ? 'JS heap in use (no /proc here to read the renderer process)'
      : `proportional set size (PSS) of the page's renderer process with the list open; JS heap in use ${heap === null ? '?' : `${(heap / 1_048_576).toFixed(1)} MiB`}`,
  )
  return pss ?? heap
}

async function measure(bench: TBench, host: ChildProcess, url: string): Promise<Partial<TFigureValues>> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const dashboard = page.getByRole('heading', { level: 1, name: 'Dashboard' })
    await page.goto(url)
    await dashboard.waitFor()
    const painted: number[] = []
    const rows: number[] = []
    // The first navigation warms the JIT and the bridge; it is left out.
    for (let run = 0; run <= bench.scale.runs.render; run++) {
      await page.evaluate("location.hash = '#/'")
      await dashboard.waitFor()
      const timing: unknown = await page.evaluate(NAVIGATE_TO_LIST)
      await page.locator('[role="grid"] [aria-rowindex="2"] td').first().waitFor()
      if (!isTiming(timing)) throw new Error('the page did not report a timing')
      if (run > 0) {
        painted.push(timing.painted)
        rows.push(timing.rows)
      }
    }
    bench.note(
      'list_first_render_ms',
      `median of ${painted.length} in-app navigations from the dashboard to the first rows painted (p95 ${ms(percentile(painted, 0.95))} ms; rows in the DOM at ${ms(median(rows))} ms), ${bench.caseload.count.toLocaleString('en-CA')} cases`,
    )
    const rendererBytes = await rendererMemory(browser, page, bench)
    host.send('memory')
    const { rss } = await nextMessage(
      host,
      (message): message is { rss: number } =>
        typeof message === 'object' && message !== null && 'rss' in message,
    )
    bench.note(
      'main_rss_bytes',
      'resident memory of the process holding the unlocked vault and serving the list (the core as main runs it, without Electron itself)',
    )
    return {
      list_first_render_ms: ms(median(painted)),
      renderer_memory_bytes: rendererBytes,
      main_rss_bytes: rss,
    }
  } finally {
    await browser.close()
  }
}

/** Waits for the child to exit after 'close', ending it after five seconds. */
function stopped(host: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      host.kill()
      resolve()
    }, 5_000)
    host.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

export const rendererBench: TBenchModule = {
  name: 'renderer',
  figures: FIGURES,
  async run(bench) {
    const skip = (why: string) => {
      for (const key of FIGURES) bench.note(key, `not measured: ${why}`)
      return {}
    }
    const missing = ensureRenderer(bench)
    if (missing !== null) return skip(missing)
    if (!existsSync(CHROMIUM)) return skip(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)
    const host = fork(
      join(import.meta.dirname, 'support/bridge-host.ts'),
      [dirname(bench.caseload.vault.directory)],
      {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    )
    try {
      await nextMessage(host, (message): message is 'listening' => message === 'listening')
      host.send({ unlock: { username: BENCH_ADMIN.username, passphrase: BENCH_ADMIN.passphrase } })
      const { url } = await nextMessage(
        host,
        (message): message is { url: string } =>
          typeof message === 'object' && message !== null && 'url' in message,
      )
      return await measure(bench, host, url)
    } catch (error) {
      return skip(error instanceof Error ? error.message : String(error))
    } finally {
      if (host.exitCode === null) {
        host.send('close')
        await stopped(host)
      }
    }
  },
}
