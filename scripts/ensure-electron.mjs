#!/usr/bin/env node
// @ts-check
/*
 * Makes sure Electron's program is on this computer before `npm start`, `npm run dev`, `npm run dist` and
 * `npm run test:electron` use it. Since Electron 42 `npm install` no longer downloads it: the `electron`
 * package fetches it on first use of its own entry point, or through its `install-electron` command.
 * electron-vite reads node_modules/electron/path.txt directly and never triggers that download (upstream
 * electron-vite issue 904), so we run Electron's own installer first.
 *
 * Quiet and quick when Electron is there. When it is not and cannot be downloaded (no network), it stops
 * with one sentence instead of the installer's stack trace. `npm test` needs none of this.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const event = process.env['npm_lifecycle_event']
const command = event === undefined ? 'the app' : `"npm ${event === 'start' ? 'start' : `run ${event}`}"`
const NO_TEST_NEED = '("npm test" needs no Electron)'

/** @param {string} sentence */
function stop(sentence) {
  process.stderr.write(`\n${sentence}\n`)
  process.exit(1)
}

/** The electron package's folder and version, or undefined when npm install has not run. */
function electronPackage() {
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve('electron/package.json')
    return { folder: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version }
  } catch {
    return undefined
  }
}

/**
 * True when electron-vite will find the program: path.txt names it, it exists under dist/, and dist/version is
 * this package's version (the checks of Electron's own installer).
 * @param {{ folder: string, version: string }} electron
 */
function isInstalled(electron) {
  try {
    const executable = readFileSync(join(electron.folder, 'path.txt'), 'utf8')
    const installed = readFileSync(join(electron.folder, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '')
    return installed === electron.version && existsSync(join(electron.folder, 'dist', executable))
  } catch {
    return false
  }
}

/** The installer's own explanation, from the stack it printed: "fetch failed", "Response code 404 …". */
function reasonFrom(/** @type {string} */ output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim())
  const error = lines.map((line) => /^\w*Error: (.+)$/.exec(line)?.[1]).find((found) => found !== undefined)
  const reason = error ?? lines.find((line) => line !== '' && !line.startsWith('at '))
  return reason === undefined ? '' : ` (${reason.slice(0, 200)})`
}

/**
 * Runs node_modules/electron/install.js (the `install-electron` command) with its output captured.
 * @param {{ folder: string, version: string }} electron
 * @returns {Promise<{ code: number | null, output: string }>}
 */
function runInstaller(electron) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electron.folder, 'install.js')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    // A 100 MB download takes a while; on a terminal, show that it is still going.
    const started = Date.now()
    const heartbeat = process.stderr.isTTY
      ? setInterval(() => process.stderr.write(` ${Math.round((Date.now() - started) / 1000)} s`), 10_000)
      : undefined
    child.on('error', (error) => {
      clearInterval(heartbeat)
      resolve({ code: null, output: `Error: ${error.message}` })
    })
    child.on('close', (code) => {
      clearInterval(heartbeat)
      resolve({ code, output })
    })
  })
}

const electron = electronPackage()
if (electron === undefined) {
  stop(
    `Cannot run ${command}: the electron package is not installed; run "npm install" first ${NO_TEST_NEED}.`,
  )
} else {
  // electron-vite launches ELECTRON_EXEC_PATH when it is set: then that program is the one that must exist.
  const chosen = process.env['ELECTRON_EXEC_PATH']
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen))
      stop(`Cannot run ${command}: ELECTRON_EXEC_PATH names ${chosen}, which does not exist.`)
  } else if (!isInstalled(electron)) {
    const target = `${electron.version} (${process.env['npm_config_platform'] ?? process.platform}-${process.env['npm_config_arch'] ?? process.arch})`
    process.stderr.write(`Downloading Electron ${target}, once, for ${command}…`)
    const { code, output } = await runInstaller(electron)
    if (code !== 0 || !isInstalled(electron)) {
      stop(
        `Cannot run ${command}: Electron ${target} is not on this computer yet and its one-time download failed` +
          `${reasonFrom(output)}; connect to the internet and try again ${NO_TEST_NEED}.`,
      )
    }
    process.stderr.write(' done.\n')
  }
}
