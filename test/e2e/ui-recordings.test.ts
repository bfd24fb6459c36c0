// Issue 6, scenario 4: Browse → Cloud recordings in real Chromium. Crawl every user's recordings
// over a date range the sandbox has data for, read two rows' files in the detail drawer, select
// the two rows, "Download selected" into a folder, and check each file on disk has exactly the
// size the sandbox advertised.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, useUiScenario } from './ui-helpers'

interface AdvertisedFile {
  id: string
  file_size: number
}

const DAY_MS = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

async function filesUnder(dir: string): Promise<{ name: string; path: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => ({ name: e.name, path: join(e.parentPath, e.name) }))
}

describe.skipIf(chromiumMissingReason !== undefined)('UI: cloud recordings and downloads (end to end)', () => {
  let folder: string
  const advertised: AdvertisedFile[] = []
  const ui = useUiScenario({
    sandbox: { seed: 64, users: 30, plan: 'unlimited' },
    folders: ['zc-e2e-recordings-'],
    beforeApp: async () => void (folder = ui.folders[0]!),
    connection: { name: 'Recordings admin', ratePlan: 'business' },
  })

  it('crawls every user’s recordings of the last 60 days (fetched month by month)', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('tab', { name: 'Cloud recordings' }).click()
    const form = page.getByRole('form', { name: 'Cloud recordings parameters' })
    expect(await form.getByRole('radio', { name: 'Every user' }).isChecked()).toBe(true)
    const today = ui.zoom.now()
    await form.getByLabel('From', { exact: true }).fill(isoDay(today - 60 * DAY_MS))
    await form.getByLabel('To', { exact: true }).fill(isoDay(today))
    await ui.harness.screenshot('ui-recordings-01-parameters')
    await expectAccessible(page, 'cloud recordings (parameters)')
    await form.getByRole('button', { name: 'Load cloud recordings' }).click()
    await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    const grid = page.getByRole('grid', { name: 'Cloud recordings' })
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(3)
    expect(await grid.getAttribute('aria-multiselectable')).toBe('true')
    await ui.harness.screenshot('ui-recordings-02-loaded')
    await expectAccessible(page, 'cloud recordings (loaded)')
  })

  it('shows each recording’s files in the detail drawer', async () => {
    const { page } = ui
    const grid = page.getByRole('grid', { name: 'Cloud recordings' })
    for (const rowIndex of [2, 3]) {
      await grid.locator(`[aria-rowindex="${rowIndex}"] [role="gridcell"]`).nth(1).click()
      const drawer = page.getByRole('dialog', { name: 'Cloud recording details' })
      await drawer.getByRole('tab', { name: 'Raw JSON' }).click()
      const row = JSON.parse(await drawer.getByLabel('Row as JSON').innerText()) as { recording_files: AdvertisedFile[] }
      expect(row.recording_files.length).toBeGreaterThan(0)
      advertised.push(...row.recording_files)
      await drawer.getByRole('button', { name: 'Close details' }).click()
      await drawer.waitFor({ state: 'detached' })
    }
  })

  it('downloads the files of two selected rows into the chosen folder, each with its advertised size', async () => {
    const { page } = ui
    await page.getByRole('checkbox', { name: 'Select row 1', exact: true }).check()
    await page.getByRole('checkbox', { name: 'Select row 2', exact: true }).check()
    await page.getByText('2 selected', { exact: true }).waitFor()
    await ui.harness.screenshot('ui-recordings-03-two-selected')
    ui.harness.saveDialogAnswers.push(folder)
    await page.getByRole('button', { name: 'Download selected' }).click()

    const downloads = page.getByRole('region', { name: 'Downloads' })
    await downloads.waitFor()
    await expect.poll(() => downloads.getByRole('listitem').count()).toBe(advertised.length)
    await expect.poll(() => downloads.locator('li[data-state="done"]').count(), { timeout: 30_000 }).toBe(advertised.length)
    expect(await downloads.getByRole('button', { name: 'Clear finished' }).count()).toBe(1)
    await downloads.scrollIntoViewIfNeeded()
    await ui.harness.screenshot('ui-recordings-04-downloads-done')
    await expectAccessible(page, 'cloud recordings (downloads done)')

    const onDisk = await filesUnder(folder)
    expect(onDisk.filter((f) => f.name.endsWith('.part'))).toEqual([])
    expect(onDisk.length).toBe(advertised.length)
    for (const file of advertised) {
      // Long names are cut to fit Windows' path limit (the start of the id stays, plus a hash).
      const match = onDisk.filter((f) => f.name.includes(file.id.slice(0, 12)))
      expect(match, file.id).toHaveLength(1)
      expect((await stat(match[0]!.path)).size, match[0]!.path).toBe(file.file_size)
    }
    expect(ui.zoom.stats().downloads['200'] ?? 0).toBeGreaterThanOrEqual(advertised.length)
  })

  it('lists the whole account’s recordings in one listing when the grant allows it, instead of one listing per user', async () => {
    const { page } = ui
    const form = page.getByRole('form', { name: 'Cloud recordings parameters' })
    const whole = form.getByRole('radio', { name: 'Whole account, one listing' })
    // The sandbox's Server-to-Server app is granted cloud_recording:read:list_account_recordings:admin.
    expect(await whole.isEnabled()).toBe(true)
    await whole.check()
    await form.getByText(/one listing per month/).waitFor()
    ui.zoom.resetStats()
    await form.getByRole('button', { name: 'Reload cloud recordings' }).click()
    await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    const grid = page.getByRole('grid', { name: 'Cloud recordings' })
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(3)
    const api = ui.zoom.stats().api
    // 60 days: three month windows, one listing each; no user is listed one by one.
    expect(api['GET /v2/accounts/{accountId}/recordings']?.['200']).toBe(3)
    expect(api['GET /v2/users/{userId}/recordings']).toBeUndefined()
    expect(api['GET /v2/users']).toBeUndefined()
    // Rows still carry their host's e-mail, and can be selected for download.
    await grid.locator('[aria-rowindex="2"] [role="gridcell"]').nth(1).click()
    const drawer = page.getByRole('dialog', { name: 'Cloud recording details' })
    await drawer.getByRole('tab', { name: 'Raw JSON' }).click()
    expect((JSON.parse(await drawer.getByLabel('Row as JSON').innerText()) as { host_email: string }).host_email).toMatch(/@/)
    await drawer.getByRole('button', { name: 'Close details' }).click()
    await page.getByRole('checkbox', { name: 'Select row 1', exact: true }).check()
    expect(await page.getByRole('button', { name: 'Download selected' }).isEnabled()).toBe(true)
    await ui.harness.screenshot('ui-recordings-05-whole-account-listing')
    await expectAccessible(page, 'cloud recordings (whole account)')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
