// Issue 13, "The editor and the keyboard", in real Chromium against the sandbox: a skip link
// passes the sidebar; focus goes on after the keychain choice; typing a loopback API base URL
// keeps Advanced open, the focus and the port; Enter on a checkbox toggles it and sends nothing;
// the sticky footer never hides the focused control; Save focuses the first invalid field and the
// summary goes once fixed; the overview opens at its top; focus comes back to Test connection.
import { beforeAll, describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { type Harness } from './harness'
import { expectAccessible, useUiScenario, waitConnected } from './ui-helpers'

const NAME = 'Keyboard S2S'

/** What has focus, as "role: accessible name"-ish text for failure messages. */
const focused = (harness: Harness) =>
  harness.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}` : 'none'
  })

describe.skipIf(chromiumMissingReason !== undefined)('UI: the editor and the keyboard (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 132, users: 10, plan: 'unlimited' }, keychain: false })
  // A short window, so the sticky footer has controls to hide.
  beforeAll(() => ui.page.setViewportSize({ width: 1200, height: 640 }))

  it('starts Tab at a skip link past the sidebar, and goes on after the keychain choice', async () => {
    const { page } = ui
    await page.getByRole('heading', { name: 'How should your secrets be protected?' }).waitFor()
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    await ui.harness.screenshot('ui-keyboard-01-skip-link')
    await page.keyboard.press('Enter')
    expect(await page.getByRole('main').evaluate((el) => el === document.activeElement)).toBe(true)
    // The next Tab lands in the main area, not in the sidebar's list.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement))).toBe(true)

    await page.getByRole('button', { name: 'Use the OS keychain' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Use the OS keychain' }).waitFor({ state: 'detached' })
    await expect.poll(() => focused(ui.harness)).toMatch(/^button .*Server-to-Server OAuth/)
  })

  it('keeps Advanced open, the focus and the port while a loopback URL is typed', async () => {
    const { page } = ui
    await page.keyboard.press('Enter') // the focused first choice: a new Server-to-Server connection
    const editor = page.getByRole('form', { name: 'New connection' })
    await editor.getByLabel('Connection name', { exact: true }).fill(NAME)
    await editor.getByLabel('Account ID', { exact: true }).fill(ui.zoom.apps.s2s.accountId)
    await editor.getByLabel('Client ID', { exact: true }).fill(ui.zoom.apps.s2s.clientId)
    await editor.getByLabel('Client Secret', { exact: true }).fill(ui.zoom.apps.s2s.clientSecret)
    await editor.getByText('Advanced', { exact: true }).click()
    await editor.getByLabel('Cloud', { exact: true }).selectOption('custom')
    const oauth = editor.getByLabel('OAuth base URL', { exact: true })
    const api = editor.getByLabel('API base URL', { exact: true })
    // Leaving the empty fields flags them: Advanced now has errors, which typing fixes.
    await oauth.focus()
    await api.focus()
    await editor.getByLabel('Validation URL', { exact: true }).focus()
    await expect.poll(() => api.getAttribute('aria-invalid')).toBe('true')
    await oauth.pressSequentially(ui.zoom.url)
    await api.pressSequentially(ui.zoom.url)
    expect(await api.getAttribute('aria-invalid')).toBeNull()
    expect(await editor.locator('details.advanced').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    expect(await api.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await api.inputValue()).toBe(ui.zoom.url)
    await ui.harness.screenshot('ui-keyboard-02-advanced-typed')
  })

  it('toggles a checkbox with Enter and sends no token request', async () => {
    const { page } = ui
    const editor = page.getByRole('form', { name: 'New connection' })
    const users = editor.getByRole('checkbox', { name: /Users/ })
    const tokensBefore = ui.zoom.stats().tokenRequests.account_credentials ?? 0
    await users.focus()
    await page.keyboard.press('Enter')
    expect(await users.isChecked()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await users.isChecked()).toBe(false)
    await page.keyboard.press('Enter')
    expect(await users.isChecked()).toBe(true)
    expect(ui.zoom.stats().tokenRequests.account_credentials ?? 0).toBe(tokensBefore)
    expect(await editor.count()).toBe(1)
  })

  it('never lets the sticky footer cover the focused control while tabbing through the form', async () => {
    const { page } = ui
    const editor = page.getByRole('form', { name: 'New connection' })
    await editor.getByLabel('Connection name', { exact: true }).focus()
    const hidden: string[] = []
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const overlap = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        const footer = document.querySelector('.editor-actions')
        if (!el || !footer || footer.contains(el) || !el.closest('form')) return undefined
        const box = el.getBoundingClientRect()
        return box.bottom > footer.getBoundingClientRect().top + 1 ? `${el.tagName} ${el.getAttribute('aria-label') ?? el.id}` : undefined
      })
      if (overlap) hidden.push(overlap)
      if (await editor.getByRole('button', { name: 'Save & connect' }).evaluate((el) => el === document.activeElement)) break
    }
    expect(hidden).toEqual([])
  })

  it('moves focus to the first invalid field on Save, and drops the summary once it is fixed', async () => {
    const { page } = ui
    const editor = page.getByRole('form', { name: 'New connection' })
    const name = editor.getByLabel('Connection name', { exact: true })
    await name.fill('')
    await editor.getByRole('button', { name: 'Save & connect' }).click()
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true)
    await editor.getByText('Some fields need attention.').waitFor()
    await ui.harness.screenshot('ui-keyboard-03-first-invalid-focused')
    await expectAccessible(page, 'editor (invalid, focused)')
    await name.pressSequentially(NAME)
    await editor.getByText('Some fields need attention.').waitFor({ state: 'detached' })
  })

  it('connects, opens the overview at its top, and saved the API base URL with its port', async () => {
    const { page } = ui
    await page.getByRole('main').evaluate((main) => main.scrollTo({ top: main.scrollHeight }))
    await page.getByRole('form', { name: 'New connection' }).getByRole('button', { name: 'Save & connect' }).click()
    await waitConnected(page, NAME)
    expect(await page.getByRole('main').evaluate((main) => main.scrollTop)).toBe(0)
    await ui.harness.screenshot('ui-keyboard-04-overview-top')
    // What was saved, as the editor reads it back.
    await page.getByRole('tab', { name: 'Edit' }).click()
    const editor = page.getByRole('form', { name: `Edit ${NAME}` })
    await editor.getByText('Advanced', { exact: true }).click()
    expect(await editor.getByLabel('API base URL', { exact: true }).inputValue()).toBe(ui.zoom.url)
    expect(await editor.getByLabel('OAuth base URL', { exact: true }).inputValue()).toBe(ui.zoom.url)
  })

  it('gives focus back to Test connection when the test finishes', async () => {
    const { page } = ui
    const test = page.getByRole('button', { name: 'Test connection' })
    await test.focus()
    ui.zoom.setLatency(400)
    try {
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: 'Testing…' }).waitFor()
      await page.getByRole('button', { name: 'Test connection' }).waitFor()
    } finally {
      ui.zoom.setLatency(0)
    }
    await expect.poll(() => test.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
