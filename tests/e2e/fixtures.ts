import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'
import { startBridge, type TBridge } from '../bridge/server'

type TFixtures = {
  /** A fresh data folder and bridge per test: every test starts on a machine that never ran the app. */
  bridge: TBridge
  /** The app, opened through the bridge, in English. */
  app: Page
}

export const test = base.extend<TFixtures>({
  bridge: async ({}, use) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-'))
    const bridge = await startBridge({ dataDirectory })
    try {
      await use(bridge)
    } finally {
      await bridge.close()
      rmSync(dataDirectory, { recursive: true, force: true })
    }
  },
  app: async ({ page, bridge }, use) => {
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    await page.goto(bridge.url)
    await use(page)
    // A CSP violation or a React error shows up here; a finished product has none.
    expect(consoleErrors, 'console errors').toEqual([])
  },
})

/** Zero serious or critical WCAG 2.1 A/AA violations on what the page shows now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
    `axe violations on ${label}`,
  ).toEqual([])
}

export { expect }
