import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3's native module is built for Node by `npm install` (tests, CLI) and, separately,
 * for Electron by scripts/electron-native.mjs into native/electron-v<version>-<platform>-<arch>/.
 * Electron passes that file as the `nativeBinding` option so both builds live side by side.
 */
export function electronNativeBindingPath(appPath: string): string | undefined {
  const electronVersion = process.versions.electron
  if (electronVersion === undefined) return undefined
  const folder = `electron-v${electronVersion}-${process.platform}-${process.arch}`
  // Packaged apps keep native files outside the asar archive.
  const base = appPath.replace(/app\.asar$/, 'app.asar.unpacked')
  const candidate = join(base, 'native', folder, 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}
