/**
 * `npm run dev:browser`: the app in an ordinary browser, for developers without a display or Electron.
 * Serves the built renderer through the same bridge the end-to-end tests use, on 127.0.0.1 only, with a
 * random token in the printed URL. Uses a temp folder (removed on exit) unless --vault DIR is given.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startBridge } from '../src/main/bridge/server'

const projectRoot = resolve(import.meta.dirname, '..')

function refuse(message: string): never {
  process.stderr.write(`dev:browser: ${message}\n`)
  process.exit(1)
}

// A packaged build has no sources and runs inside Electron; this tool is only for a source checkout.
if (process.versions['electron'] !== undefined || import.meta.dirname.includes('app.asar')) {
  refuse('this is a development tool and does not run from a packaged build.')
}
if (!existsSync(join(projectRoot, 'src/main/index.ts')) || !existsSync(join(projectRoot, '.git'))) {
  refuse('run it from a source checkout of CCIJ Caseworker.')
}

const { values } = parseArgs({
  options: { vault: { type: 'string' }, port: { type: 'string', default: '0' } },
  strict: true,
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) refuse(`--port ${values.port} is not a port number.`)

const isTemporary = values.vault === undefined
const dataDirectory = isTemporary ? mkdtempSync(join(tmpdir(), 'ccij-dev-browser-')) : resolve(values.vault!)
const bridge = await startBridge({ dataDirectory, port })

process.stdout.write(
  [
    '',
    'CCIJ Caseworker is being served to your browser (loopback only).',
    `  Open: ${bridge.url}`,
    `  Data: ${dataDirectory}${isTemporary ? ' (temporary; removed when you stop this)' : ''}`,
    '  Stop: Ctrl+C',
    '',
  ].join('\n'),
)

const stop = async (): Promise<void> => {
  await bridge.close()
  if (isTemporary) rmSync(dataDirectory, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
