import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'
import { startBridge, type TBridge } from '../../src/main/bridge/server'
import type { TRole } from '../../src/shared/roles'

/** Cheap key derivation for tests only (production uses N=2^17); the vault code is otherwise the same. */
export const TEST_KDF = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 }

/** Synthetic staff used across the end-to-end tests. Never real people. */
export const ADMIN = {
  organizationName: 'Test Office (synthetic)',
  username: 'admin.tester',
  displayName: 'Alex Admin-Tester',
  passphrase: 'orchard-lantern-velvet-92',
}
export const CASEWORKER = {
  username: 'casey.worker',
  displayName: 'Casey Worker-Test',
  role: 'caseworker' as TRole,
  passphrase: 'granite-harbour-meadow-37',
}

type TFixtures = {
  /** A fresh data folder and bridge per test: every test starts on a machine that never ran the app. */
  bridge: TBridge
  /** The app on a machine with no vault yet (first run). */
  firstRun: Page
  /** A vault with an admin and a caseworker account, locked: the unlock screen. */
  lockedApp: Page
  /** The same vault, unlocked as the admin: the app shell. */
  app: Page
}

function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

async function seedVault(bridge: TBridge): Promise<void> {
  const { vault, accounts, recovery } = bridge.services
  await vault.create(ADMIN)
  recovery.confirm()
  if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
  await accounts.add(CASEWORKER)
}

export const test = base.extend<TFixtures>({
  bridge: async ({}, use) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-'))
    const bridge = await startBridge({ dataDirectory, vault: { kdf: TEST_KDF } })
    try {
      await use(bridge)
    } finally {
      await bridge.close()
      rmSync(dataDirectory, { recursive: true, force: true })
    }
  },
  firstRun: async ({ page, bridge }, use) => {
    const errors = watchConsole(page)
    await page.goto(bridge.url)
    await use(page)
    // A CSP violation or a React error shows up here; a finished product has none.
    expect(errors, 'console errors').toEqual([])
  },
  lockedApp: async ({ page, bridge }, use) => {
    await seedVault(bridge)
    bridge.services.vault.lock()
    const errors = watchConsole(page)
    await page.goto(bridge.url)
    await use(page)
    expect(errors, 'console errors').toEqual([])
  },
  app: async ({ page, bridge }, use) => {
    await seedVault(bridge)
    bridge.services.vault.lock()
    await bridge.services.vault.unlock(ADMIN.username, ADMIN.passphrase)
    const errors = watchConsole(page)
    await page.goto(bridge.url)
    await use(page)
    expect(errors, 'console errors').toEqual([])
  },
})

/** Zero serious or critical WCAG 2.1 A/AA violations on what the page shows now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
  expect(
    serious.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
    `axe violations on ${label}`,
  ).toEqual([])
}

export { expect }
