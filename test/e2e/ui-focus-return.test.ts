// Issue 13, "The editor and the keyboard": focus returns to the control that opened a drawer or a
// dialog, or whose work just finished, in real Chromium against the sandbox, driven by keyboard
// only: Load (its crawl ends), a grid row (its detail drawer closes), and Export (its dialog is
// dismissed, and its export finishes).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser, startHarness, type Harness } from './harness'
import { addS2SConnection, chooseKeychain, quickFailures } from './ui-helpers'

/** What has focus, as "tag: text" for failure messages. */
const focused = (harness: Harness) =>
  harness.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return el === null || el === document.body ? 'body' : `${el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 60)}`
  })

describe.skipIf(chromiumMissingReason !== undefined)('UI: focus returns (end to end)', () => {
  let zoom: Sandbox
  let harness: Harness
  let exportDir: string

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 91, users: 60, plan: 'unlimited' })
    exportDir = await mkdtemp(join(tmpdir(), 'zc-e2e-focus-'))
    harness = await startHarness()
    quickFailures(harness)
    await chooseKeychain(harness.page)
    await addS2SConnection(harness.page, zoom, 'Focus admin')
    await harness.page.getByRole('tab', { name: 'Browse' }).click()
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
    if (exportDir) await rm(exportDir, { recursive: true, force: true })
  })

  it('gives focus back to Load when the crawl it started ends', async () => {
    const { page } = harness
    // Slow pages, so the button is disabled (and loses focus) for a while.
    zoom.setLatency(400)
    try {
      await page.getByRole('button', { name: 'Load users' }).focus()
      await page.keyboard.press('Enter')
      await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    } finally {
      zoom.setLatency(0)
    }
    await expect.poll(() => focused(harness)).toBe('button: Reload users')
  })

  it('gives focus back to the grid row that opened the detail drawer', async () => {
    const { page } = harness
    const grid = page.getByRole('grid', { name: 'Users' })
    await grid.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog', { name: 'User details' })
    await drawer.waitFor()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true)
    // Still on the row it opened (the second one).
    expect(await grid.getAttribute('aria-activedescendant')).toMatch(/-row-1$/)
  })

  it('gives focus back to Export when its dialog is dismissed, and when its export finishes', async () => {
    const { page } = harness
    const exportButton = page.getByRole('button', { name: 'Export', exact: true })
    const dialog = page.getByRole('dialog', { name: /^Export/ })
    const openDialog = async () => {
      await exportButton.focus()
      await page.keyboard.press('Enter')
      await page.getByRole('menuitem', { name: 'CSV file…' }).waitFor()
      await page.keyboard.press('Enter')
      await dialog.waitFor()
    }

    await openDialog()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => focused(harness)).toBe('button: Export')

    await openDialog()
    harness.saveDialogAnswers.push(join(exportDir, 'users.csv'))
    await dialog.getByRole('button', { name: 'Export…' }).focus()
    await page.keyboard.press('Enter')
    await page.getByText(/^Exported \d+ rows$/).waitFor({ timeout: 20_000 })
    await expect.poll(() => focused(harness)).toBe('button: Export')
    await harness.screenshot('ui-focus-return-01-after-export')
  })

  it('opened no page error on the way', () => {
    expect(harness.pageErrors).toEqual([])
  })
})
