import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { nativeModuleMismatch } from '../../src/main/electron/native-module-version'

/**
 * Puts a fresh build at `target` only if it is built for `moduleVersion` (Electron's NODE_MODULE_VERSION).
 * A wrong-ABI file is refused with both versions named and never lands under the Electron name; the copy
 * goes through a temporary name and a rename, so an interrupted run leaves no half-written module either.
 */
export function keepElectronBuild(built: string, target: string, moduleVersion: number): void {
  const mismatch = nativeModuleMismatch(built, moduleVersion)
  if (mismatch !== null) throw new Error(`the build was not kept: ${mismatch}`)
  mkdirSync(dirname(target), { recursive: true })
  const partial = `${target}.partial`
  try {
    copyFileSync(built, partial)
    renameSync(partial, target)
  } finally {
    rmSync(partial, { force: true })
  }
}
