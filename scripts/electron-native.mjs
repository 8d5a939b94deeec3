#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron-v<version>-<platform>-<arch>/,
// beside (never over) the Node build that `npm install` made for tests and the admin CLI. Main passes the
// file as better-sqlite3's `nativeBinding` option. Runs before `npm start`, `npm run dev` and `npm run dist`;
// does nothing when the build already exists.
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = join(import.meta.dirname, '..')
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const platform = process.env.npm_config_platform ?? process.platform
const arch = process.env.npm_config_arch ?? process.arch
const target = join(root, 'native', `electron-v${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node')

if (existsSync(target)) process.exit(0)

const packageDirectory = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'))
const workDirectory = mkdtempSync(join(tmpdir(), 'ccij-native-'))
const copy = join(workDirectory, 'better-sqlite3-multiple-ciphers')
const run = (command, args) =>
  execFileSync(command, args, {
    cwd: copy,
    stdio: 'inherit',
    env: { ...process.env, npm_config_build_from_source: '' },
  })

process.stderr.write(`Preparing the database module for Electron ${electronVersion} (${platform}-${arch})…\n`)
try {
  cpSync(packageDirectory, copy, { recursive: true })
  rmSync(join(copy, 'build'), { recursive: true, force: true })
  try {
    run(process.execPath, [
      require.resolve('prebuild-install/bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--platform=${platform}`,
    ])
  } catch {
    process.stderr.write(
      'No prebuilt binary could be downloaded; compiling from source against Electron headers…\n',
    )
    const nodeGyp = join(
      dirname(process.execPath),
      '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    )
    run(process.execPath, [
      existsSync(nodeGyp) ? nodeGyp : require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ])
  }
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), target)
  process.stderr.write(`Ready: ${target}\n`)
} catch (error) {
  process.stderr.write(
    `\nCould not build the database module for Electron ${electronVersion}: ${error instanceof Error ? error.message : error}\n` +
      'This needs the network once (Electron headers or a prebuilt binary). Tests do not need it: run "npm test".\n',
  )
  process.exitCode = 1
} finally {
  rmSync(workDirectory, { recursive: true, force: true })
}
