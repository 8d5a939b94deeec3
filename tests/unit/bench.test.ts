/**
 * `npm run bench` cannot rot: a tiny run with --json prints exactly one flat object with every figure the issue
 * lists, each a number or null, with numbers for every figure whose feature has landed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIGURE_KEYS, FIGURES, type TFigure } from '../../bench/figures'

const PROJECT_ROOT = join(import.meta.dirname, '../..')
const RENDERER_FIGURES = ['list_first_render_ms', 'renderer_memory_bytes', 'main_rss_bytes']
const hasChromium = existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium')
const rendererBuilt = existsSync(join(PROJECT_ROOT, 'out/renderer/index.html')) && hasChromium
/** Printed by Chromium: null (with a note) on a machine without it. */
const CHROMIUM_FIGURES = ['packet_pdf_ms']

describe('npm run bench -- --scale tiny --json', () => {
  it('prints one flat object with every figure, measured unless its feature has not landed', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--scale', 'tiny', '--json'],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        timeout: 280_000,
      },
    )
    expect(run.status, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const result = JSON.parse(lines[0] ?? '') as Record<string, unknown>

    expect(Object.keys(result)).toEqual(['scale', 'machine', ...FIGURE_KEYS])
    expect(result['scale']).toBe('tiny')
    expect(result['machine']).toMatchObject({
      cpu: expect.any(String),
      cores: expect.any(Number),
      node: process.version,
      sqlite: expect.stringMatching(/^3\.\d+\.\d+$/),
      cipher: expect.stringContaining('Multiple Ciphers'),
      load_start: [expect.any(Number), expect.any(Number), expect.any(Number)],
      load_end: [expect.any(Number), expect.any(Number), expect.any(Number)],
    })
    for (const key of FIGURE_KEYS) {
      const figure: TFigure = FIGURES[key]
      const value = result[key]
      if (figure.pending !== undefined) {
        expect(value, key).toBeNull()
        expect(run.stderr).toContain(`${key}: not measured yet: ${figure.pending} has not landed`)
      } else if (
        (RENDERER_FIGURES.includes(key) && !rendererBuilt) ||
        (CHROMIUM_FIGURES.includes(key) && !hasChromium)
      ) {
        expect(value, key).toBeNull()
      } else {
        expect(typeof value, key).toBe('number')
        expect(Number.isFinite(value) && (value as number) > 0, `${key} = ${String(value)}`).toBe(true)
      }
    }
    // Progress and notes go to stderr only.
    expect(run.stderr).toContain('imported 300 / 300 cases')
  }, 300_000)
})
