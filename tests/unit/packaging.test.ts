import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const builder = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'))
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

describe('packaged builds', () => {
  it('set the fuses: no RunAsNode, no NODE_OPTIONS or inspect, cookie encryption and asar integrity on', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('target Windows, macOS and Linux with the native module outside the asar', () => {
    expect(Object.keys(builder)).toEqual(expect.arrayContaining(['win', 'mac', 'linux']))
    expect(builder.asar).toBe(true)
    expect(builder.asarUnpack).toEqual(expect.arrayContaining(['native/**', '**/*.node']))
    // Rebuilding in place would replace the Node build the tests and CLI use; native/ holds Electron's.
    expect(builder.npmRebuild).toBe(false)
  })

  it('declare the install scripts we rely on for a future npm that blocks unreviewed ones', () => {
    expect(manifest.allowScripts['better-sqlite3-multiple-ciphers']).toBe(true)
  })
})
