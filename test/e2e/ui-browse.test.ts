// Issue 6, scenario 3: Browse → Users on a 10,000-user sandbox in real Chromium. Load with
// progress (and cancel), the virtualized grid's row count, filter, sort, the detail drawer
// (formatted and raw JSON), and CSV exports of the filtered and the whole dataset, and of rows
// selected with Space.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getJson, s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, useUiScenario } from './ui-helpers'

const USERS = 10_000

/** "1,234 rows" or "56 of 1,234 rows" → [shown, total] (digit group separators dropped). */
function parseRowCount(text: string): [number, number] {
  const numbers = (text.replace(/[,.\u00a0\u202f]/g, '').match(/\d+/g) ?? []).map(Number)
  return [numbers[0] ?? Number.NaN, numbers[1] ?? numbers[0] ?? Number.NaN]
}

const csvLines = async (path: string) => (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line.length > 0)

describe.skipIf(chromiumMissingReason !== undefined)('UI: browse users (end to end)', () => {
  let exportDir: string
  const ui = useUiScenario({
    sandbox: { seed: 63, users: USERS, plan: 'unlimited' },
    folders: ['zc-e2e-browse-'],
    beforeApp: async () => {
      const { access_token } = await s2sToken(ui.zoom)
      const page = (await (await getJson(`${ui.zoom.url}/v2/users?page_size=2&status=active`, access_token)).json()) as { total_records: number; users: { email: string }[] }
      activeUsers = page.total_records
      firstEmail = page.users[0]!.email
      fragment = page.users[1]!.email.split('.')[0]!
      exportDir = ui.folders[0]!
    },
    connection: { name: 'Big account' },
  })
  /** What Zoom's list users returns by default (status=active): the rows a full load must show. */
  let activeUsers: number
  let firstEmail: string
  /** A first name shared by several users (the second user's): a filter that keeps many rows. */
  let fragment: string

  it('lists the catalog as tabs, Users first', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Browse' }).click()
    const resources = page.getByRole('tablist', { name: 'Resources' })
    await resources.getByRole('tab', { name: 'Users', exact: true }).waitFor()
    expect(await resources.getByRole('tab', { name: 'Users', exact: true }).getAttribute('aria-selected')).toBe('true')
    expect(await resources.getByRole('tab').count()).toBeGreaterThanOrEqual(6)
    await ui.harness.screenshot('ui-browse-01-users-tab')
    await expectAccessible(page, 'browse (before loading)')
  })

  it('shows progress while loading, and Cancel loading stops the crawl', async () => {
    const { page } = ui
    // Slow pages, so the running state is on screen long enough to see and cancel.
    ui.zoom.setLatency(1_500)
    try {
      await page.getByRole('button', { name: 'Load users' }).click()
      await page.getByRole('progressbar', { name: 'Loading progress' }).waitFor()
      await page.getByRole('button', { name: 'Cancel loading' }).waitFor()
      await ui.harness.screenshot('ui-browse-02-loading')
      await expectAccessible(page, 'browse (loading)')
      await page.getByRole('button', { name: 'Cancel loading' }).click()
      await page.locator('.crawl[data-state="cancelled"]').waitFor()
      expect(await page.getByRole('progressbar', { name: 'Loading progress' }).count()).toBe(0)
    } finally {
      ui.zoom.setLatency(0)
    }
  })

  it('loads every user Zoom lists by default and counts them', async () => {
    const { page } = ui
    await page.getByRole('button', { name: /^(Re)?load users$/i }).click()
    await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    await expect.poll(async () => parseRowCount(await page.getByTestId('row-count').innerText())[0]).toBe(activeUsers)
    expect(activeUsers).toBeGreaterThan(USERS / 2)
    const grid = page.getByRole('grid', { name: 'Users' })
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(activeUsers + 1))
    // Virtualized: a screenful of rows in the DOM, not thousands.
    expect(await grid.getByRole('row').count()).toBeLessThan(80)
    await expect.poll(() => grid.locator('[aria-rowindex="2"]').innerText()).toContain(firstEmail)
    await ui.harness.screenshot('ui-browse-03-loaded')
    await expectAccessible(page, 'browse (users loaded)')
  })

  it('sorts by a column from its header', async () => {
    const { page } = ui
    const grid = page.getByRole('grid', { name: 'Users' })
    const header = grid.getByRole('columnheader', { name: 'Email' })
    await header.getByRole('button').click()
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending')
    await header.getByRole('button').click()
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending')
    await header.getByRole('button').click()
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('none')
    await expect.poll(() => grid.locator('[aria-rowindex="2"]').innerText()).toContain(firstEmail)
  })

  it('exports the whole dataset as CSV: a header and one line per row', async () => {
    const { page } = ui
    const target = join(exportDir, 'all-users.csv')
    ui.harness.saveDialogAnswers.push(target)
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByRole('menuitem', { name: 'CSV file…' }).click()
    await page.getByRole('dialog', { name: /^Export/ }).getByRole('button', { name: 'Export…' }).click()
    await page.getByText(`Exported ${activeUsers.toLocaleString('en-US')} rows`, { exact: true }).waitFor({ timeout: 20_000 })
    const lines = await csvLines(target)
    expect(lines.length).toBe(activeUsers + 1)
    expect(lines[0]).toMatch(/email/i)
    expect(lines.some((line) => line.includes(firstEmail))).toBe(true)
  })

  it('filters rows in main and shows how many match', async () => {
    const { page } = ui
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill(fragment)
    await expect.poll(async () => parseRowCount(await page.getByTestId('row-count').innerText())[0]).toBeLessThan(activeUsers)
    const [shown, total] = parseRowCount(await page.getByTestId('row-count').innerText())
    expect(shown).toBeGreaterThan(1)
    expect(total).toBe(activeUsers)
    const grid = page.getByRole('grid', { name: 'Users' })
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(shown + 1))
    await expect.poll(() => grid.locator('[aria-rowindex="2"]').innerText()).toContain(fragment)
    await ui.harness.screenshot('ui-browse-04-filtered')

    const target = join(exportDir, 'filtered-users.csv')
    ui.harness.saveDialogAnswers.push(target)
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByRole('menuitem', { name: 'CSV file…' }).click()
    await page.getByRole('dialog', { name: /^Export/ }).getByRole('button', { name: 'Export…' }).click()
    await page.getByText(`Exported ${shown.toLocaleString('en-US')} rows`, { exact: true }).waitFor()
    const lines = await csvLines(target)
    expect(lines.length).toBe(shown + 1)
    for (const line of lines.slice(1)) expect(line.toLowerCase()).toContain(fragment.toLowerCase())
  })

  it('exports only the rows selected with Space, in the sort’s order, though a new filter hides them', async () => {
    const { page } = ui
    const grid = page.getByRole('grid', { name: 'Users' })
    const header = grid.getByRole('columnheader', { name: 'Email' })
    await header.getByRole('button').click()
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending')
    const emailOf = async (rowIndex: number) => (await grid.locator(`[aria-rowindex="${rowIndex}"]`).innerText()).match(/\S+@\S+/)?.[0]
    await expect.poll(() => emailOf(3)).toBeDefined()
    const chosen = [await emailOf(2), await emailOf(3)] as string[]
    await grid.focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    await page.getByText('2 selected', { exact: true }).waitFor()
    // A filter the selected rows do not pass: they are still the rows the person chose.
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill(firstEmail)
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('2')

    const target = join(exportDir, 'selected-users.csv')
    ui.harness.saveDialogAnswers.push(target)
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByRole('menuitem', { name: 'CSV file…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export 2 rows' })
    expect(await dialog.getByRole('radio', { name: 'Only the 2 selected rows' }).isChecked()).toBe(true)
    // The filter shows one row and two are selected: at least one selected row is hidden, and the dialog says so.
    await dialog.getByText(/(hidden by the filter|The filter hides every selected row); (it is|they are) exported too\.$/).waitFor()
    await ui.harness.screenshot('ui-browse-04b-export-selected')
    await expectAccessible(page, 'export dialog (selected rows)')
    await dialog.getByRole('button', { name: 'Export…' }).click()
    await page.getByText('Exported 2 rows', { exact: true }).waitFor()
    const lines = await csvLines(target)
    expect(lines).toHaveLength(3)
    expect(lines.slice(1).map((line) => chosen.findIndex((email) => line.includes(email)))).toEqual([0, 1])
    await page.getByRole('button', { name: 'Clear selection' }).click()
    await header.getByRole('button').click()
    await header.getByRole('button').click()
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('none')
  })

  it('opens a row in the detail drawer: formatted fields and the raw JSON', async () => {
    const { page } = ui
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill(firstEmail)
    const grid = page.getByRole('grid', { name: 'Users' })
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('2')
    await grid.locator('[aria-rowindex="2"]').click()
    const drawer = page.getByRole('dialog', { name: 'User details' })
    await drawer.getByRole('tab', { name: 'Formatted' }).waitFor()
    await expect.poll(() => drawer.innerText()).toContain(firstEmail)
    await ui.harness.screenshot('ui-browse-05-detail-formatted')
    await expectAccessible(page, 'user details (formatted)')
    await drawer.getByRole('tab', { name: 'Raw JSON' }).click()
    const raw = await drawer.getByLabel('Row as JSON').innerText()
    expect(JSON.parse(raw)).toMatchObject({ email: firstEmail })
    await ui.harness.screenshot('ui-browse-06-detail-raw')
    await expectAccessible(page, 'user details (raw JSON)')
    await drawer.getByRole('button', { name: 'Close details' }).click()
    await drawer.waitFor({ state: 'detached' })
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
