import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test'
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
  /** Console errors and uncaught exceptions of every page the test opened; must be empty when it ends. */
  consoleErrors: string[]
  /**
   * The clock every bridge reads: real time plus `offsetMs`, 0 when a test starts. A test moves it forward to let
   * time pass (a follow-up becomes overdue) without waiting; most tests never touch it.
   */
  clock: { offsetMs: number }
  /** A fresh data folder and bridge per test: every test starts on a machine that never ran the app. */
  bridge: TBridge
  /** The app on a machine with no vault yet (first run). */
  firstRun: Page
  /** A vault with an admin and a caseworker account, locked: the unlock screen. */
  lockedApp: Page
  /** The same vault, unlocked as the admin: the app shell. */
  app: Page
}

const watchedContexts = new WeakSet<BrowserContext>()

/** Collects the console errors and uncaught exceptions of every page in `context`, opened now or later. */
function watchConsole(context: BrowserContext, errors: string[]): void {
  if (watchedContexts.has(context)) return
  watchedContexts.add(context)
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // A request (bridge call or bundled asset such as a font) still in flight when the test's server has already
      // closed (teardown): not the app's error.
      const refusedByClosedBridge =
        /ERR_(CONNECTION_REFUSED|CONNECTION_RESET|SOCKET_NOT_CONNECTED)/.test(message.text()) &&
        /\/(__bridge|assets)\//.test(message.location().url)
      if (refusedByClosedBridge) return
      errors.push(`${message.text()} (${message.location().url})`)
    })
    page.on('pageerror', (error) => errors.push(error.message))
  }
  context.pages().forEach(watch)
  context.on('page', watch)
}

/** The first passphrase an admin gives a colleague in these tests; the colleague replaces it at their first unlock. */
export const ADMIN_CHOSEN_PASSPHRASE = 'pebble-summit-orchid-lagoon-58'

/**
 * A colleague added by the signed-in admin who has already replaced the admin's choice with `staff.passphrase`, as
 * the app makes them at their first unlock (the real flow, through the core). Leaves the vault unlocked as ADMIN.
 */
export async function addColleague(
  bridge: TBridge,
  staff: { username: string; displayName: string; role: TRole; passphrase: string },
): Promise<void> {
  const { vault, accounts } = bridge.services
  await accounts.add({ ...staff, passphrase: ADMIN_CHOSEN_PASSPHRASE })
  vault.lock()
  await vault.unlock(staff.username, ADMIN_CHOSEN_PASSPHRASE)
  await accounts.changeOwnPassphrase(ADMIN_CHOSEN_PASSPHRASE, staff.passphrase)
  vault.lock()
  await vault.unlock(ADMIN.username, ADMIN.passphrase)
}

async function seedVault(bridge: TBridge): Promise<void> {
  const { vault, recovery } = bridge.services
  await vault.create(ADMIN)
  recovery.confirm()
  if (vault.status().state !== 'unlocked') await vault.unlock(ADMIN.username, ADMIN.passphrase)
  await addColleague(bridge, CASEWORKER)
}

export const test = base.extend<TFixtures>({
  // Runs for every test, whatever fixtures it asks for: a console error (a CSP violation, a React error) or an
  // uncaught exception in any page of any browser context the test opens fails the test. A finished product has none.
  consoleErrors: [
    async ({ browser }, use) => {
      const errors: string[] = []
      const newContext = browser.newContext.bind(browser)
      // Playwright's own context fixture and browser.newPage() both open their context this way.
      browser.newContext = async (...options) => {
        const context = await newContext(...options)
        watchConsole(context, errors)
        return context
      }
      try {
        await use(errors)
      } finally {
        browser.newContext = newContext
      }
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
  // Depends on the bridge so that it closes first: the pages go before the server they talk to, and a request
  // still in flight when a test ends is not reported as a failed load.
  context: async ({ context, consoleErrors, bridge }, use) => {
    void bridge
    watchConsole(context, consoleErrors)
    await use(context)
  },
  clock: async ({}, use) => {
    await use({ offsetMs: 0 })
  },
  bridge: async ({ clock }, use) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-'))
    // Packets the test saves or prints go to a folder of its own, outside the app's data folder.
    const packetsDirectory = mkdtempSync(join(tmpdir(), 'ccij-e2e-packets-'))
    const bridge = await startBridge({
      dataDirectory,
      packetsDirectory,
      vault: { kdf: TEST_KDF, now: () => Date.now() + clock.offsetMs },
    })
    try {
      await use(bridge)
    } finally {
      await bridge.close()
      rmSync(dataDirectory, { recursive: true, force: true })
      rmSync(packetsDirectory, { recursive: true, force: true })
    }
  },
  firstRun: async ({ page, bridge }, use) => {
    await page.goto(bridge.url)
    await use(page)
  },
  lockedApp: async ({ page, bridge }, use) => {
    await seedVault(bridge)
    bridge.services.vault.lock()
    await page.goto(bridge.url)
    await use(page)
  },
  app: async ({ page, bridge }, use) => {
    await seedVault(bridge)
    bridge.services.vault.lock()
    await bridge.services.vault.unlock(ADMIN.username, ADMIN.passphrase)
    await page.goto(bridge.url)
    await use(page)
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
