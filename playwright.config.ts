import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests of the built renderer in the system Chromium (Debian's /usr/bin/chromium),
 * with window.api bound to main's handler table through src/main/bridge. Never `npx playwright install`.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // A test.only left in a commit would quietly skip every other test.
  forbidOnly: true,
  workers: 2,
  // One retry on CI: a test that fails twice is a failure; one that passes on retry is listed as flaky in the output.
  retries: process.env['CI'] ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 720 },
    locale: 'en-CA',
    trace: 'off',
    screenshot: 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
})
