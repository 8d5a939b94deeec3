import { defineConfig } from '@playwright/test'

/**
 * `npm run test:electron`: drives the real Electron app with Playwright's `_electron`.
 * Only for machines where the Electron binary can be downloaded; not part of `npm test`.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 120_000,
  reporter: [['list']],
})
