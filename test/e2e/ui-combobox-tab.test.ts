// Tab out of a type-ahead field whose suggestions are open (the one-user picker opens them on
// focus) must reach the next control. Chromium makes a scrolling box without focusable children a
// Tab stop of its own, so Tab landed on the suggestion list, whose field then closed it on blur:
// focus fell to the page's body and a keyboard user had to start again from the top.
import { describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { useUiScenario } from './ui-helpers'

describe.skipIf(chromiumMissingReason !== undefined)('UI: Tab out of an open type-ahead (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 23, users: 40, plan: 'unlimited' }, beforeApp: async () => ({ apiFiles: true }), connection: { name: 'Keyboard admin' } })

  it('goes on to the next control, not to the page', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('tab', { name: 'Meetings' }).click()
    const form = page.getByRole('form', { name: 'Meetings parameters' })
    await form.getByRole('radio', { name: 'One user' }).check()
    const box = form.getByRole('combobox', { name: 'User (e-mail, name or ID)' })
    await box.focus()
    const list = page.getByRole('listbox', { name: 'Matching users' })
    // Enough users that the list scrolls, as in any real account.
    await expect.poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Last 7 days')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
  })
  it('does the same from the console’s Path field with its operations listed', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Console' }).click()
    const path = page.getByRole('form', { name: 'Request' }).getByLabel('Path', { exact: true })
    await path.fill('list')
    const list = page.getByRole('listbox', { name: 'Matching operations' })
    await expect.poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Send')
  })
})
