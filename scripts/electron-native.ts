/*
 * Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron-v<version>-<platform>-<arch>/,
 * beside (never over) the Node build that `npm install` made for tests and the admin CLI. Main passes the
 * file as better-sqlite3's `nativeBinding` option. Runs before `npm start`, `npm run dev` and `npm run dist`;
 * does nothing when a build for Electron's module version is already there, and replaces one that is not.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { nativeModuleMismatch } from '../src/main/electron/native-module-version'
import {
  electronBuildEnvironment,
  nodeGypArguments,
  prebuildInstallArguments,
  type TElectronTarget,
} from './electron-native/build-environment'
import { keepElectronBuild } from './electron-native/keep-electron-build'

const root = join(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))

function report(message: string): void {
  process.stderr.write(`\n${message}\nTests do not need it: run "npm test".\n`)
  process.exitCode = 1
}

function fail(message: string): never {
  report(message)
  process.exit()
}

const electronFolder = dirname(require.resolve('electron/package.json'))
const electron: TElectronTarget = {
  version: JSON.parse(readFileSync(join(electronFolder, 'package.json'), 'utf8')).version,
  platform: process.env['npm_config_platform'] ?? process.platform,
  arch: process.env['npm_config_arch'] ?? process.arch,
}
// The electron package records the NODE_MODULE_VERSION its binary loads.
const moduleVersion = Number(readFileSync(join(electronFolder, 'abi_version'), 'utf8').trim())
if (!Number.isInteger(moduleVersion) || moduleVersion <= 0) {
  fail(
    `Cannot tell which module version Electron ${electron.version} loads (node_modules/electron/abi_version).`,
  )
}
const label = `Electron ${electron.version} (${electron.platform}-${electron.arch}, NODE_MODULE_VERSION ${moduleVersion})`
const target = join(
  root,
  'native',
  `electron-v${electron.version}-${electron.platform}-${electron.arch}`,
  'better_sqlite3.node',
)

if (existsSync(target)) {
  const mismatch = nativeModuleMismatch(target, moduleVersion)
  if (mismatch === null) process.exit(0)
  process.stderr.write(`Replacing a database module that does not fit ${label}: ${mismatch}.\n`)
  rmSync(target)
}

/** npm's own node-gyp (npm tells its scripts where it is), else the one beside node, else ours. */
function nodeGypScript(): string {
  const candidates = [
    process.env['npm_config_node_gyp'],
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ]
  return (
    candidates.find((candidate) => candidate !== undefined && existsSync(candidate)) ??
    require.resolve('node-gyp/bin/node-gyp.js')
  )
}

const packageFolder = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'))
const workFolder = mkdtempSync(join(tmpdir(), 'ccij-native-'))
const copy = join(workFolder, 'better-sqlite3-multiple-ciphers')
const environment = electronBuildEnvironment(process.env)
/** Runs a build tool in the copy; its own output shows, and its failure is named in one line. */
function run(step: string, script: string, args: string[]): void {
  try {
    execFileSync(process.execPath, [script, ...args], { cwd: copy, stdio: 'inherit', env: environment })
  } catch {
    throw new Error(`${step} failed (its output is above)`)
  }
}

process.stderr.write(`Preparing the database module for ${label}…\n`)
try {
  // The Node build in node_modules stays as it is; the Electron build happens in a copy.
  cpSync(packageFolder, copy, {
    recursive: true,
    filter: (source) => !(basename(source) === 'build' && dirname(source) === packageFolder),
  })
  try {
    run(
      'downloading a prebuilt module',
      require.resolve('prebuild-install/bin.js', { paths: [packageFolder] }),
      prebuildInstallArguments(electron),
    )
  } catch {
    process.stderr.write('No prebuilt module could be downloaded; compiling against Electron’s headers…\n')
    run('compiling against Electron’s headers', nodeGypScript(), nodeGypArguments(electron))
  }
  keepElectronBuild(join(copy, 'build', 'Release', 'better_sqlite3.node'), target, moduleVersion)
  process.stderr.write(`Ready: ${target}\n`)
} catch (error) {
  report(
    `Could not build the database module for ${label}: ${error instanceof Error ? error.message : String(error)}\n` +
      'This needs the network once (a prebuilt module or Electron’s headers).',
  )
} finally {
  rmSync(workFolder, { recursive: true, force: true })
}
