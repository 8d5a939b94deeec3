import { readFileSync } from 'node:fs'

/*
 * Which runtime a native module (.node file) was built for, read from the file without loading it:
 * loading a wrong-ABI module is exactly the failure we want to name before it happens.
 *
 * A module built with node.h's NODE_MODULE_INIT (better-sqlite3 is one; it is not N-API) exports a
 * function named `node_register_module_v<NODE_MODULE_VERSION>`. The name sits in the file's symbol
 * table as plain bytes on every platform (ELF .dynstr, Mach-O with a leading underscore, PE export
 * names), so a byte search finds it. N-API modules export `napi_register_module_v1` instead.
 */

export type TNativeModuleVersion =
  { kind: 'abi'; moduleVersion: number } | { kind: 'napi' } | { kind: 'unknown'; reason: string }

const ABI_SYMBOL = /node_register_module_v(\d+)/g
const NAPI_SYMBOL = 'napi_register_module_v1'

export function readNativeModuleVersion(file: string): TNativeModuleVersion {
  // latin1 maps every byte to one character, so offsets and ASCII names survive any binary content.
  const bytes = readFileSync(file).toString('latin1')
  const versions = new Set([...bytes.matchAll(ABI_SYMBOL)].map((match) => Number(match[1])))
  if (versions.size === 1) return { kind: 'abi', moduleVersion: [...versions][0]! }
  if (versions.size > 1) {
    return { kind: 'unknown', reason: `it names several versions (${[...versions].sort().join(', ')})` }
  }
  if (bytes.includes(NAPI_SYMBOL)) return { kind: 'napi' }
  return { kind: 'unknown', reason: 'it carries no module version (is it a native Node module?)' }
}

/** "NODE_MODULE_VERSION 115", "N-API" or the reason: for messages that name what a file is. */
export function describeNativeModuleVersion(version: TNativeModuleVersion): string {
  if (version.kind === 'abi') return `NODE_MODULE_VERSION ${version.moduleVersion}`
  if (version.kind === 'napi') return 'N-API'
  return `no readable version: ${version.reason}`
}

/**
 * Null when `file` is a module Electron (or Node) with `expectedModuleVersion` can load; otherwise a sentence
 * naming what was expected and what was found. N-API modules load on any runtime.
 */
export function nativeModuleMismatch(file: string, expectedModuleVersion: number): string | null {
  const found = readNativeModuleVersion(file)
  if (found.kind === 'napi') return null
  if (found.kind === 'abi' && found.moduleVersion === expectedModuleVersion) return null
  return `${file} is built for ${describeNativeModuleVersion(found)}, but NODE_MODULE_VERSION ${expectedModuleVersion} is needed`
}
