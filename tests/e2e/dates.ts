import { expect, type Locator, type Page } from '@playwright/test'

const SEGMENTS = { year: /^year|^année/i, month: /^month|^mois/i, day: /^day|^jour/i } as const

/**
 * The date input labelled `label` (the kit's DateField: a group of year, month and day segments), not a fieldset
 * of the same name around it ("Date of birth" is both).
 */
export const dateField = (scope: Page | Locator, label: string | RegExp): Locator =>
  scope
    .getByRole('group', { name: label, exact: typeof label === 'string' })
    .and(scope.locator('.ui-date-field__input'))

/**
 * Empties a segment by keyboard: Backspace removes one digit at a time, until the placeholder shows again. Each press
 * is awaited until the segment shows it: read before React has re-rendered, a segment would look still filled, and
 * the extra Backspace on the emptied segment would move to the one before it and erase a digit there.
 */
async function clearSegment(page: Page, segment: Locator): Promise<void> {
  await segment.focus()
  for (let presses = 0; presses < 6; presses += 1) {
    if ((await segment.getAttribute('data-placeholder')) !== null) return
    const before = await segment.textContent()
    await page.keyboard.press('Backspace')
    await expect.poll(() => segment.textContent()).not.toBe(before)
  }
}

/**
 * Types a date into a DateField, segment by segment, as a keyboard user would, in English or French. A segment
 * already holding the value is left alone; one holding another value is emptied first (typing into a filled
 * segment adds to its digits rather than replacing them).
 */
export async function typeDate(
  page: Page,
  label: string | RegExp,
  iso: string,
  scope: Page | Locator = page,
): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string]
  const group = dateField(scope, label)
  const typeInto = async (name: RegExp, digits: string) => {
    const segment = group.getByRole('spinbutton', { name })
    const now = await segment.getAttribute('aria-valuenow')
    if (now !== null && Number(now) === Number(digits)) return
    await clearSegment(page, segment)
    await segment.focus()
    // One digit at a time, each awaited. A digit that completes a date makes React Aria show the field's old value
    // until the page passes the new one back; the report's period passes it through the address, in a transition,
    // and a digit typed before that lands is dropped ("31" read as "3" on a loaded machine). Waiting for each digit
    // to show waits for the value to come back.
    for (let length = 1; length <= digits.length; length += 1) {
      await page.keyboard.type(digits.charAt(length - 1))
      if (Number(digits.slice(0, length)) === 0) continue
      await expect(segment).toHaveAttribute('aria-valuenow', String(Number(digits.slice(0, length))))
    }
  }
  await typeInto(SEGMENTS.year, year)
  await typeInto(SEGMENTS.month, month)
  await typeInto(SEGMENTS.day, day)
}

/** Empties a DateField by keyboard (day, month, then year). */
export async function clearDate(
  page: Page,
  label: string | RegExp,
  scope: Page | Locator = page,
): Promise<void> {
  const group = dateField(scope, label)
  for (const name of [SEGMENTS.day, SEGMENTS.month, SEGMENTS.year]) {
    await clearSegment(page, group.getByRole('spinbutton', { name }))
  }
}
