import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * The console watch of fixtures.ts, checked on its own: every e2e test leans on it to see a CSP violation or a React
 * error, so a watch that stopped listening would leave the whole suite green and blind. Each test plants an error in
 * a blank page (not the app: nothing here depends on the screens) and checks the watch saw it, then empties the list
 * so its own end-of-test check passes; the last one leaves it there and must fail.
 */
const PLANTED = 'planted by the console-watch self-test'

async function logConsoleError(page: Page): Promise<void> {
  await Promise.all([
    page.waitForEvent('console', (message) => message.type() === 'error'),
    page.evaluate((text) => console.error(text), PLANTED),
  ])
}

async function throwUncaught(page: Page): Promise<void> {
  await Promise.all([
    page.waitForEvent('pageerror'),
    page.evaluate((text) => {
      setTimeout(() => {
        throw new Error(text)
      })
    }, PLANTED),
  ])
}

test.describe('the console watch on every e2e page', () => {
  test('sees a console error in the test’s own page', async ({ page, consoleErrors }) => {
    await page.setContent('<p>blank</p>')
    await logConsoleError(page)
    expect(consoleErrors).toEqual([expect.stringContaining(PLANTED)])
    consoleErrors.length = 0
  })

  test('sees a console error in a page opened with browser.newPage()', async ({ browser, consoleErrors }) => {
    const page = await browser.newPage()
    await logConsoleError(page)
    expect(consoleErrors).toEqual([expect.stringContaining(PLANTED)])
    consoleErrors.length = 0
    await page.close()
  })

  test('sees an uncaught exception in a page of a context opened by hand', async ({
    browser,
    consoleErrors,
  }) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await throwUncaught(page)
    expect(consoleErrors).toEqual([expect.stringContaining(PLANTED)])
    consoleErrors.length = 0
    await context.close()
  })

  test('fails a test that ends with an error seen', async ({ browser, consoleErrors }) => {
    // Expected to fail, at the watch's end-of-test check. The tests above prove the error is collected, so the
    // only thing left to fail here is that check; if it passes, Playwright reports this test red.
    test.fail()
    const page = await browser.newPage()
    await logConsoleError(page)
    expect(consoleErrors).toHaveLength(1)
    await page.close()
  })
})
