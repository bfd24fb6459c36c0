// A new user changes every setting on the Settings page, quits, and starts the app again on the
// same data folder: each choice is on screen again (and in main), a bad number typed in the stall
// field is refused without losing the saved one, and the page's controls are reached by Tab in the
// order they are shown.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { value } from './bridge'
import { closeBrowser, startHarness, type Harness } from './harness'
import { chooseKeychain } from './ui-helpers'

const STALL = 'Treat a download as stalled after (seconds)'

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
}

describe.skipIf(chromiumMissingReason !== undefined)('UI: every setting survives a restart (end to end)', () => {
  let dataDir: string
  let folder: string
  let harness: Harness | undefined
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-e2e-settings-'))
    folder = join(dataDir, 'Recordings here')
    await mkdir(folder)
  })
  afterAll(async () => {
    await harness?.close()
    await closeBrowser()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('changes every setting on the page', async () => {
    harness = await startHarness({ dataDir })
    const { page } = harness
    await chooseKeychain(page)
    await openSettings(page)
    await page.getByLabel('Theme', { exact: true }).selectOption('dark')
    await page.getByLabel('Clear a copied token from the clipboard after', { exact: true }).selectOption('120')
    await page.getByLabel('Refresh tokens before they expire by', { exact: true }).selectOption('900')
    await page.getByRole('switch', { name: 'Remember the Zoom sign-in in the connect window' }).click()
    harness.saveDialogAnswers.push(folder)
    await page.getByRole('button', { name: 'Choose folder…' }).click()
    await expect.poll(() => page.getByLabel('Download folder', { exact: true }).inputValue()).toBe(folder)
    await page.getByLabel('Downloads at a time', { exact: true }).selectOption('5')
    const stall = page.getByLabel(STALL, { exact: true })
    await stall.fill('75')
    await stall.press('Enter')
    await page.getByLabel('Delete kept lists after', { exact: true }).selectOption('7')
    await page.getByRole('switch', { name: 'Check for updates when Zoom Connect starts' }).click()
    const expected = {
      theme: 'dark',
      clipboardClearSeconds: 120,
      refreshSkewSeconds: 900,
      rememberZoomSignIn: false,
      downloadFolder: folder,
      downloadConcurrency: 5,
      downloadStallSeconds: 75,
      keptDatasetDays: 7,
      checkForUpdatesAtStart: false,
    }
    await expect.poll(async () => await value(page, 'settings.get')).toMatchObject(expected)
  })

  it('a bad number typed for the stall time is refused and the saved one stays', async () => {
    const page = harness!.page
    const stall = page.getByLabel(STALL, { exact: true })
    for (const bad of ['2', '601', '7.5', '-10']) {
      await stall.fill(bad)
      await stall.press('Tab')
      await expect.poll(() => stall.getAttribute('aria-invalid')).toBe('true')
      expect((await value(page, 'settings.get')).downloadStallSeconds).toBe(75)
    }
    await stall.fill('75')
    await stall.press('Tab')
    await expect.poll(() => stall.getAttribute('aria-invalid')).not.toBe('true')
  })

  it('shows every choice again after a restart on the same data folder', async () => {
    await harness!.close()
    harness = undefined
    harness = await startHarness({ dataDir })
    const { page } = harness
    await openSettings(page)
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('dark')
    expect(await page.getByLabel('Clear a copied token from the clipboard after', { exact: true }).inputValue()).toBe('120')
    expect(await page.getByLabel('Refresh tokens before they expire by', { exact: true }).inputValue()).toBe('900')
    expect(await page.getByRole('switch', { name: 'Remember the Zoom sign-in in the connect window' }).getAttribute('aria-checked')).toBe('false')
    expect(await page.getByLabel('Download folder', { exact: true }).inputValue()).toBe(folder)
    expect(await page.getByLabel('Downloads at a time', { exact: true }).inputValue()).toBe('5')
    expect(await page.getByLabel(STALL, { exact: true }).inputValue()).toBe('75')
    expect(await page.getByLabel('Delete kept lists after', { exact: true }).inputValue()).toBe('7')
    expect(await page.getByRole('switch', { name: 'Check for updates when Zoom Connect starts' }).getAttribute('aria-checked')).toBe('false')
    expect(harness.pageErrors).toEqual([])
  })

  it('reaches the settings by Tab in the order they are shown', async () => {
    const page = harness!.page
    const controls = [
      page.getByLabel('Theme', { exact: true }),
      page.getByLabel('Clear a copied token from the clipboard after', { exact: true }),
      page.getByLabel('Refresh tokens before they expire by', { exact: true }),
      page.getByRole('switch', { name: 'Remember the Zoom sign-in in the connect window' }),
      page.getByLabel('Download folder', { exact: true }),
      page.getByRole('button', { name: 'Choose folder…' }),
      page.getByLabel('Downloads at a time', { exact: true }),
      page.getByLabel(STALL, { exact: true }),
      page.getByLabel('Delete kept lists after', { exact: true }),
    ]
    await controls[0]!.focus()
    for (const next of controls.slice(1)) {
      await page.keyboard.press('Tab')
      expect(await next.evaluate((el) => el === document.activeElement)).toBe(true)
    }
  })

  it('a theme mistyped by hand in profiles.json resets only the theme, and Settings says which', async () => {
    await harness!.close()
    harness = undefined
    const file = join(dataDir, 'profiles.json')
    const stored = JSON.parse(await readFile(file, 'utf8'))
    stored.data.settings.theme = 'purple'
    await writeFile(file, JSON.stringify(stored, null, 2))
    harness = await startHarness({ dataDir })
    const { page } = harness
    await openSettings(page)
    const problem = page.getByRole('region', { name: /could not be read/ }).or(page.locator('.problem-list')).first()
    await expect.poll(() => problem.innerText()).toMatch(/“theme”.*back to the default/s)
    const settings = await value(page, 'settings.get')
    expect(settings).toMatchObject({ theme: 'system', downloadConcurrency: 5, downloadStallSeconds: 75, keptDatasetDays: 7, downloadFolder: folder })
  })
})
