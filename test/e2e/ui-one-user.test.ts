// Issue 13, "Finding one user's data", in real Chromium against the sandbox: one user picked by
// part of their e-mail (type-ahead from the loaded users) loads only their meetings; the grid shows
// the host's e-mail and its filter searches every column; no match says so and clears; the user
// drawer links to that user's recordings; the formatted view shows labels beside raw values; the
// export dialog writes labels or raw values, with a byte-order mark for Excel; "Select all N"
// under a filter selects exactly those N rows; Tab out of an open type-ahead reaches the next control.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getJson, s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, loadTab, useUiScenario } from './ui-helpers'

const USERS = 120

/** "1,234 rows" or "56 of 1,234 rows" → [shown, total]. */
function parseRowCount(text: string): [number, number] {
  const numbers = (text.replace(/[,.\u00a0\u202f]/g, '').match(/\d+/g) ?? []).map(Number)
  return [numbers[0] ?? Number.NaN, numbers[1] ?? numbers[0] ?? Number.NaN]
}

interface ZoomUser {
  id: string
  email: string
  type: number
}

describe.skipIf(chromiumMissingReason !== undefined)('UI: one user’s data (end to end)', () => {
  let exportDir: string
  const ui = useUiScenario({
    sandbox: { seed: 131, users: USERS, plan: 'unlimited' },
    folders: ['zc-e2e-one-user-'],
    beforeApp: async () => {
      const { access_token } = await s2sToken(ui.zoom)
      const { users } = (await (await getJson(`${ui.zoom.url}/v2/users?page_size=300&status=active`, access_token)).json()) as { users: ZoomUser[] }
      for (const user of users.slice(5)) {
        const page = (await (await getJson(`${ui.zoom.url}/v2/users/${user.id}/meetings?page_size=300`, access_token)).json()) as { total_records: number }
        if (page.total_records >= 2) {
          target = user
          targetMeetings = page.total_records
          break
        }
      }
      expect(target).toBeDefined()
      exportDir = ui.folders[0]!
      // Zoom's API files, for the lists a row's details link to (a meeting's participants).
      return { apiFiles: true }
    },
    connection: { name: 'One user admin' },
  })
  beforeAll(() => loadTab(ui.page, 'users'))
  /** A user with several meetings, and how many Zoom lists for them. */
  let target: ZoomUser
  let targetMeetings: number

  it('loads one user’s meetings, picked by part of their e-mail, without crawling the account', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Meetings' }).click()
    const form = page.getByRole('form', { name: 'Meetings parameters' })
    await form.getByRole('radio', { name: 'One user' }).check()
    const box = form.getByRole('combobox', { name: 'User (e-mail, name or ID)' })
    await box.pressSequentially(target.email.slice(0, target.email.indexOf('@')))
    const option = page.getByRole('listbox', { name: 'Matching users' }).getByRole('option').filter({ hasText: target.email })
    await option.waitFor()
    await ui.harness.screenshot('ui-one-user-01-type-ahead')
    await expectAccessible(page, 'meetings (one-user type-ahead)')
    await option.click()
    expect(await box.inputValue()).toBe(target.email)

    const before = ui.zoom.stats().apiTotal
    await form.getByRole('button', { name: 'Load meetings' }).click()
    await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    await expect.poll(async () => parseRowCount(await page.getByTestId('row-count').innerText())[0]).toBe(targetMeetings)
    // One user's pages, not one request per user of the account.
    expect(ui.zoom.stats().apiTotal - before).toBeLessThan(5)
    const grid = page.getByRole('grid', { name: 'Meetings' })
    await grid.getByRole('columnheader', { name: 'Host e-mail' }).waitFor()
    await expect.poll(() => grid.locator('[aria-rowindex="2"]').innerText()).toContain(target.email)
    await ui.harness.screenshot('ui-one-user-02-meetings')
  })

  it('filters by a column the grid does not show, and says so with Clear when nothing matches', async () => {
    const { page } = ui
    const search = page.getByRole('searchbox', { name: 'Filter rows' })
    // The host's ID is not a shown column: the filter searches every field of the row.
    await search.fill(target.id)
    await expect.poll(async () => parseRowCount(await page.getByTestId('row-count').innerText())[0]).toBe(targetMeetings)
    await search.fill('no-such-meeting-anywhere')
    const empty = page.getByText('No rows match “no-such-meeting-anywhere”', { exact: false })
    await empty.waitFor()
    await ui.harness.screenshot('ui-one-user-03-no-match')
    await expectAccessible(page, 'meetings (no match)')
    await page.getByRole('button', { name: 'Clear filter' }).click()
    await empty.waitFor({ state: 'detached' })
    expect(await search.inputValue()).toBe('')
    await expect.poll(async () => parseRowCount(await page.getByTestId('row-count').innerText())[0]).toBe(targetMeetings)
  })

  it('opens who took part in a meeting from its details: Participants loads that occurrence’s list', async () => {
    const { page } = ui
    await page.getByRole('grid', { name: 'Meetings' }).locator('[aria-rowindex="2"]').click()
    const drawer = page.getByRole('dialog', { name: 'Meeting details' })
    await drawer.getByRole('tab', { name: 'Raw JSON' }).click()
    const { uuid } = JSON.parse(await drawer.getByLabel('Row as JSON').innerText()) as { uuid: string }
    await drawer.getByRole('navigation', { name: 'This meeting’s data' }).getByRole('button', { name: 'Participants' }).click()
    const panel = page.getByRole('region', { name: 'Get past meeting participants' })
    await panel.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    expect(await panel.getByLabel(/^meetingId/).inputValue()).toBe(uuid)
    // The sandbox's own count for that UUID (encoded twice, as Zoom asks of one that starts with / or holds //).
    const { access_token } = await s2sToken(ui.zoom)
    const { total_records: listed } = (await (await getJson(`${ui.zoom.url}/v2/past_meetings/${encodeURIComponent(encodeURIComponent(uuid))}/participants?page_size=1`, access_token)).json()) as { total_records: number }
    expect(listed).toBeGreaterThan(0)
    await expect.poll(async () => parseRowCount(await panel.getByTestId('row-count').innerText())[0]).toBe(listed)
    await ui.harness.screenshot('ui-one-user-03b-participants')
  })

  it('shows labels beside raw values in a user’s details, and links to their recordings', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Users', exact: true }).click()
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill(target.email)
    const grid = page.getByRole('grid', { name: 'Users' })
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('2')
    await grid.locator('[aria-rowindex="2"]').click()
    const drawer = page.getByRole('dialog', { name: 'User details' })
    await drawer.getByRole('tab', { name: 'Formatted' }).waitFor()
    const license = drawer.locator('.detail-list > div').filter({ hasText: 'License' })
    const label = { 1: 'Basic', 2: 'Licensed', 3: 'On-prem' }[target.type] ?? ''
    expect(await license.locator('dd').innerText()).toBe(`${label} (${target.type})`)
    await ui.harness.screenshot('ui-one-user-04-user-details')
    await drawer.getByRole('navigation', { name: 'This user’s data' }).getByRole('button', { name: 'Recordings' }).click()
    await drawer.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('tab', { name: 'Cloud recordings' }).getAttribute('aria-selected')).toBe('true')
    const form = page.getByRole('form', { name: 'Cloud recordings parameters' })
    expect(await form.getByRole('combobox', { name: 'User (e-mail, name or ID)' }).inputValue()).toBe(target.email)
    await page.locator('.crawl[data-state="done"], .crawl[data-state="failed"]').waitFor({ timeout: 30_000 })
    expect(await page.locator('.crawl').getAttribute('data-state')).toBe('done')
    await ui.harness.screenshot('ui-one-user-05-recordings-of-user')
  })

  it('exports labels by default, raw values on request, and a byte-order mark for Excel', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Users', exact: true }).click()
    const exportAs = async (item: string, raw: boolean, path: string) => {
      ui.harness.saveDialogAnswers.push(path)
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      await page.getByRole('menuitem', { name: item }).click()
      const dialog = page.getByRole('dialog', { name: /^Export/ })
      if (raw) await dialog.getByRole('radio', { name: /Raw values from Zoom/ }).check()
      await ui.harness.screenshot(`ui-one-user-06-export-${raw ? 'raw' : 'labels'}`)
      await dialog.getByRole('button', { name: 'Export…' }).click()
      await page.getByText('Exported 1 row', { exact: true }).last().waitFor()
      // The first export's notice may still be showing: wait for this export's own file, which is
      // renamed into place only once whole.
      await expect.poll(() => existsSync(path)).toBe(true)
      return readFile(path)
    }
    const excel = await exportAs('CSV for Excel…', false, join(exportDir, 'excel.csv'))
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const label = { 1: 'Basic', 2: 'Licensed', 3: 'On-prem' }[target.type] ?? ''
    expect(excel.toString('utf8')).toContain(label)
    const raw = await exportAs('CSV file…', true, join(exportDir, 'raw.csv'))
    expect(raw[0]).not.toBe(0xef)
    const [header, line] = raw.toString('utf8').split(/\r?\n/)
    const typeColumn = header!.split(',').findIndex((h) => /^"?(type|License)"?$/i.test(h))
    expect(typeColumn).toBeGreaterThanOrEqual(0)
    expect(line!.split(',')[typeColumn]).toBe(String(target.type))
  })

  it('"Select all N" under a filter selects exactly those rows', async () => {
    const { page } = ui
    // Every list's grid selects rows: the users loaded before all tests, with no crawl of its own.
    await page.getByRole('tab', { name: 'Users', exact: true }).click()
    const rowCount = async () => parseRowCount(await page.getByTestId('row-count').innerText())
    await expect.poll(async () => (await rowCount())[1]).toBeGreaterThan(0)
    const [, total] = await rowCount()
    // The start of the target's e-mail: a filter that keeps some rows and drops others.
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill(target.email.slice(0, 3))
    await expect.poll(async () => (await rowCount())[0]).toBeLessThan(total)
    const [shown] = await rowCount()
    expect(shown).toBeGreaterThan(0)
    await page.getByRole('button', { name: `Select all ${shown.toLocaleString('en-US')}` }).click()
    await page.getByText(`${shown.toLocaleString('en-US')} selected`).waitFor()
    await ui.harness.screenshot('ui-one-user-07-select-all-filtered')
  })

  // Chromium makes a scrolling box without focusable children a Tab stop of its own, so Tab from a
  // type-ahead whose suggestions were open landed on the list, which the field's blur then closed:
  // focus fell to the page's body and a keyboard user had to start again from the top.
  it('Tab out of an open type-ahead goes on to the next control, not to the page', async () => {
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

  it('Tab out of the console’s Path field with its operations listed does the same', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Console' }).click()
    const path = page.getByRole('form', { name: 'Request' }).getByLabel('Path', { exact: true })
    await path.fill('list')
    const list = page.getByRole('listbox', { name: 'Matching operations' })
    await expect.poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Send')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
