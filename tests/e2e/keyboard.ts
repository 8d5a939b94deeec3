import type { Locator, Page } from '@playwright/test'

/** Replaces a text field's value as a keyboard user would: focus, select all, type. */
export async function retype(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(text)
}
