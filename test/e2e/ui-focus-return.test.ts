// Issue 13, "The editor and the keyboard": focus returns to the control that opened a drawer or a
// dialog, or whose work just finished, in real Chromium against the sandbox, driven by keyboard
// only: Load (its crawl ends), a grid row (its detail drawer closes), and Export (its dialog is
// dismissed, and its export finishes).
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { type Harness } from './harness'
import { useUiScenario } from './ui-helpers'

/** What has focus, as "tag: text" for failure messages. */
const focused = (harness: Harness) =>
  harness.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return el === null || el === document.body ? 'body' : `${el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 60)}`
  })

describe.skipIf(chromiumMissingReason !== undefined)('UI: focus returns (end to end)', () => {
  let exportDir: string
  const ui = useUiScenario({
    sandbox: { seed: 91, users: 60, plan: 'unlimited' },
    folders: ['zc-e2e-focus-'],
    beforeApp: async () => void (exportDir = ui.folders[0]!),
    connection: { name: 'Focus admin' },
  })
  beforeAll(() => ui.page.getByRole('tab', { name: 'Browse' }).click())

  it('gives focus back to Load when the crawl it started ends', async () => {
    const { page } = ui
    // Slow pages, so the button is disabled (and loses focus) for a while.
    ui.zoom.setLatency(400)
    try {
      await page.getByRole('button', { name: 'Load users' }).focus()
      await page.keyboard.press('Enter')
      await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    } finally {
      ui.zoom.setLatency(0)
    }
    await expect.poll(() => focused(ui.harness)).toBe('button: Reload users')
  })

  it('gives focus back to the grid row that opened the detail drawer', async () => {
    const { page } = ui
    const grid = page.getByRole('grid', { name: 'Users' })
    await grid.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog', { name: 'User details' })
    await drawer.waitFor()
    // Escape closes the drawer once it has taken focus (as a person sees it happen); before that, on
    // a loaded machine, the key can reach the page before the drawer listens for it.
    await expect.poll(() => drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true)
    // Still on the row it opened (the second one).
    expect(await grid.getAttribute('aria-activedescendant')).toMatch(/-row-1$/)
  })

  it('gives focus back to Export when its dialog is dismissed, and when its export finishes', async () => {
    const { page } = ui
    const exportButton = page.getByRole('button', { name: 'Export', exact: true })
    const dialog = page.getByRole('dialog', { name: /^Export/ })
    const openDialog = async () => {
      await exportButton.focus()
      await page.keyboard.press('Enter')
      await page.getByRole('menuitem', { name: 'CSV file…' }).waitFor()
      await page.keyboard.press('Enter')
      await dialog.waitFor()
      await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    }

    await openDialog()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => focused(ui.harness)).toBe('button: Export')

    await openDialog()
    ui.harness.saveDialogAnswers.push(join(exportDir, 'users.csv'))
    await dialog.getByRole('button', { name: 'Export…' }).focus()
    await page.keyboard.press('Enter')
    await page.getByText(/^Exported \d+ rows$/).waitFor({ timeout: 20_000 })
    await expect.poll(() => focused(ui.harness)).toBe('button: Export')
    await ui.harness.screenshot('ui-focus-return-01-after-export')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
