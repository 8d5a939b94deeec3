import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const projectRoot = join(import.meta.dirname, '../..')

test('the desktop app starts hardened, on the app protocol, and answers over IPC', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'ccij-electron-'))
  const app = await electron.launch({ args: [projectRoot, `--user-data-dir=${userData}`], cwd: projectRoot })
  try {
    const page = await app.firstWindow()
    await expect(page.locator('main')).toBeVisible()
    expect(page.url()).toMatch(/^app:\/\/ccij\//)

    // The renderer has no Node: no require, no process.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')

    const info = await page.evaluate(() => window.api.app.info())
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron' } })

    // window.open is denied; no second window appears.
    await page.evaluate(() => window.open('https://example.org/'))
    expect(app.windows()).toHaveLength(1)
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
