import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** What the built main bundle (out/main/index.js) must not carry. Run `npx electron-vite build` first. */
const MAIN_BUNDLE = join(import.meta.dirname, '../../out/main/index.js')

describe('the built main bundle', () => {
  it('bundles neither the browser bridge, nor any synthetic test data, nor the bench’s plain database', () => {
    expect(existsSync(MAIN_BUNDLE), 'out/main/index.js exists (run electron-vite build)').toBe(true)
    const bundle = readFileSync(MAIN_BUNDLE, 'utf8')
    // The bridge's HTTP route and its client bundler, the synthetic generators' names, the bench's unencrypted twin.
    const markers = [
      '/__bridge/',
      'startBridge',
      'esbuild',
      'syntheticIntake',
      'syntheticCaseload',
      'seededRandom',
    ]
    for (const marker of [...markers, 'createPlainTwin', 'RecordingConnection']) {
      expect(bundle.includes(marker), marker).toBe(false)
    }
  })
})
