import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { nativeModuleMismatch } from './native-module-version'

/**
 * better-sqlite3's native module is built for Node by `npm install` (tests, CLI) and, separately,
 * for Electron by scripts/electron-native.ts into native/electron-v<version>-<platform>-<arch>/.
 * Electron passes that file as the `nativeBinding` option so both builds live side by side.
 */

export type TRuntime = {
  /** process.versions.electron; undefined under plain Node, which uses the Node build in node_modules. */
  electronVersion: string | undefined
  /** process.versions.modules: the NODE_MODULE_VERSION this runtime loads. */
  moduleVersion: string
  platform: string
  arch: string
}

/** The Electron build of the database module is missing or was built for another runtime. */
export class NativeBindingError extends Error {
  override readonly name = 'NativeBindingError'
}

const CURRENT_RUNTIME: TRuntime = {
  electronVersion: process.versions.electron,
  moduleVersion: process.versions.modules,
  platform: process.platform,
  arch: process.arch,
}

/**
 * The file to pass as `nativeBinding` under Electron (undefined under Node). Throws NativeBindingError,
 * naming the expected and found module versions, rather than let the first unlock fail inside SQLite's
 * loader after the person has started work.
 */
export function electronNativeBindingPath(
  appPath: string,
  runtime: TRuntime = CURRENT_RUNTIME,
): string | undefined {
  if (runtime.electronVersion === undefined) return undefined
  const folder = `electron-v${runtime.electronVersion}-${runtime.platform}-${runtime.arch}`
  // Packaged apps keep native files outside the asar archive.
  const base = appPath.replace(/app\.asar$/, 'app.asar.unpacked')
  const candidate = join(base, 'native', folder, 'better_sqlite3.node')
  if (!existsSync(candidate)) {
    throw new NativeBindingError(
      `The database module for Electron ${runtime.electronVersion} is missing (${candidate}).`,
    )
  }
  const mismatch = nativeModuleMismatch(candidate, Number(runtime.moduleVersion))
  if (mismatch !== null) {
    throw new NativeBindingError(
      `The database module does not fit Electron ${runtime.electronVersion}: ${mismatch}.`,
    )
  }
  return candidate
}

/** What a person can do about a NativeBindingError, in an installed app or a source checkout. */
export function nativeBindingRemedy(isPackaged: boolean): string {
  return isPackaged
    ? 'Reinstall CCIJ Caseworker.'
    : 'Run "npm start" to build it (the admin CLI also runs without it: "npm run admin").'
}
