import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import viteConfig from '../../electron.vite.config'
import { INTAKE_WORKER_ENTRY, builtWorkerUrl } from '../../src/main/core/cases/csv/intake-csv-worker-reader'

const root = join(import.meta.dirname, '../..')
const builder = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'))
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** electron-builder's globs as the files they match (`**` any folders, `*` within one name), for paths in the app. */
const globMatches = (pattern: string, path: string): boolean => {
  const source = pattern
    .split('**/')
    .map((part) =>
      part
        .split('**')
        .map((piece) => piece.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
        .join('.*'),
    )
    .join('(?:.*/)?')
  return new RegExp(`^${source}$`).test(path)
}
/** Whether electron-builder packs `path` (relative to the app): a pattern includes it and no `!` pattern excludes it. */
const packed = (path: string): boolean =>
  (builder.files as string[]).reduce(
    (included, pattern) =>
      pattern.startsWith('!')
        ? included && !globMatches(pattern.slice(1), path)
        : included || globMatches(pattern, path),
    false,
  )

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

  it('pack the intakes CSV worker inside app.asar, where the main bundle starts it from', () => {
    // The build writes the worker entry as out/main/<entry>.js, beside the main bundle (out/main/index.js).
    const input = viteConfig.main?.build?.rollupOptions?.input as Record<string, string>
    expect(input[INTAKE_WORKER_ENTRY]).toMatch(
      /src[\\/]main[\\/]core[\\/]cases[\\/]csv[\\/]intake-csv-worker\.ts$/,
    )
    expect(Object.keys(input)).toContain('index')
    const workerInApp = `out/main/${INTAKE_WORKER_ENTRY}.js`
    // The path main resolves in a packaged app is that file inside the archive...
    const resources = join(root, 'dist', 'linux-unpacked', 'resources')
    const bundle = pathToFileURL(join(resources, 'app.asar', manifest.main))
    expect(fileURLToPath(builtWorkerUrl(bundle.href))).toBe(join(resources, 'app.asar', workerInApp))
    // ...which electron-builder packs, into the archive (not unpacked: the asar integrity fuse covers it, and
    // Electron loads worker scripts from asar), with the chunks it imports.
    expect(packed(workerInApp)).toBe(true)
    expect(packed('out/main/chunks/shared.js')).toBe(true)
    expect(builder.asar).toBe(true)
    expect((builder.asarUnpack as string[]).some((pattern) => globMatches(pattern, workerInApp))).toBe(false)
    expect(packed('out/main/index.js.map')).toBe(false)
  })
})
