// Any list of Zoom's API in Browse, end to end on the real entry point: Zoom's OpenAPI files
// seeded as the app's copies, a Server-to-Server connection to the sandbox (which answers every GET
// of the files), then a sample across products crawled through the bridge by path template —
// Rooms, Team Chat channels, phone call queues and their members by fan-out, contact-center
// queues, every user's recordings — and one list picked in the "All lists" picker and loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CrawlInput, JobProgress } from '../../common/contract'
import { startSandbox, type Sandbox } from '../sandbox'
import { getJson, s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { ZOOM_OPENAPI_AVAILABLE } from '../support/zoom-openapi'
import { value } from './bridge'
import { closeBrowser, startHarness, type Harness } from './harness'
import { addS2SConnection, chooseKeychain, expectAccessible, quickFailures } from './ui-helpers'

const skipReason = chromiumMissingReason ?? (ZOOM_OPENAPI_AVAILABLE ? undefined : "Zoom's OpenAPI files are not in ../shared/zoom-openapi")

describe.skipIf(skipReason !== undefined)(`UI: browse any list of Zoom's API (end to end)${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let zoom: Sandbox
  let harness: Harness
  let profileId: string

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 77, users: 15, plan: 'unlimited' })
    harness = await startHarness({ apiFiles: true })
    quickFailures(harness)
    await chooseKeychain(harness.page)
    await addS2SConnection(harness.page, zoom, 'Every list')
    profileId = (await value(harness.page, 'profiles.list')).find((p) => p.name === 'Every list')!.id
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
  })

  /** Starts a crawl through the bridge and waits for it to stop. */
  async function crawl(input: Omit<CrawlInput, 'profileId'>): Promise<JobProgress> {
    const started = await value(harness.page, 'data.crawl', { profileId, ...input })
    await expect.poll(async () => (await value(harness.page, 'data.jobs', { profileId })).find((j) => j.jobId === started.jobId)?.state, { timeout: 30_000 }).not.toBe('running')
    return (await value(harness.page, 'data.jobs', { profileId })).find((j) => j.jobId === started.jobId)!
  }

  it.each([
    ['Rooms', { resource: '/rooms' }],
    ['Team Chat channels of the token’s owner', { resource: '/chat/users/{userId}/channels', users: 'me' }],
    ['phone call queues', { resource: '/phone/call_queues' }],
    ['contact-center queues', { resource: '/contact_center/queues' }],
    ['every user’s cloud recordings', { resource: '/users/{userId}/recordings', users: 'all' }],
  ] as const)('crawls %s by path template', async (_name, input) => {
    const done = await crawl({ ...input, params: {} })
    expect(done, done.error?.message).toMatchObject({ state: 'done', errors: [], resource: input.resource })
    const info = await value(harness.page, 'data.dataset', { datasetId: done.datasetId })
    expect(info).toMatchObject({ resource: input.resource, complete: true, rows: done.rows })
    expect(info.defaultColumns.length).toBeGreaterThan(0)
  })

  it('fans out over the parent list: every call queue’s members, each row naming its queue', async () => {
    const queues = await crawl({ resource: '/phone/call_queues', params: {} })
    const members = await crawl({ resource: '/phone/call_queues/{callQueueId}/members', params: {} })
    expect(members).toMatchObject({ state: 'done', errors: [], unitsTotal: queues.rows, unitsDone: queues.rows })
    expect(members.rows).toBeGreaterThan(0)
    const row = (await value(harness.page, 'data.row', { datasetId: members.datasetId, index: 0 })) as { callQueueId?: string }
    expect(typeof row.callQueueId).toBe('string')
    // One queue by its id: a single list, no fan-out.
    const one = (await value(harness.page, 'data.row', { datasetId: queues.datasetId, index: 0 })) as { id: string }
    const single = await crawl({ resource: '/phone/call_queues/{callQueueId}/members', params: { callQueueId: one.id } })
    expect(single).toMatchObject({ state: 'done' })
    expect(single.unitsTotal).toBeUndefined()
  })

  it('crawls SCIM2’s users (paged by startIndex/count) into a dataset: every user once, a user’s name as columns', async () => {
    // What the sandbox says the whole list holds (count=0 answers only totalResults, RFC 7644 §3.4.2.4).
    const token = (await s2sToken(zoom)).access_token
    const { totalResults } = (await (await getJson(`${zoom.url}/scim2/Users?count=0`, token)).json()) as { totalResults: number }
    const done = await crawl({ resource: '/scim2/Users', params: {} })
    expect(done, done.error?.message).toMatchObject({ state: 'done', errors: [], resource: '/scim2/Users', rows: totalResults, totalRecords: totalResults })
    const info = await value(harness.page, 'data.dataset', { datasetId: done.datasetId })
    expect(info).toMatchObject({ resource: '/scim2/Users', complete: true, rows: totalResults })
    expect(info.defaultColumns).toEqual(expect.arrayContaining(['name.givenName', 'emails']))
    const row = (await value(harness.page, 'data.row', { datasetId: done.datasetId, index: 0 })) as { name?: { givenName?: unknown } }
    expect(typeof row.name?.givenName).toBe('string')
  })

  it('refuses a path parameter no list gives, naming the one to type', async () => {
    const reply = await harness.page.evaluate((id) => (window as unknown as { zoomConnect: Record<string, (i: unknown) => Promise<unknown>> }).zoomConnect['data.crawl']!({ profileId: id, resource: '/meetings/{meetingId}/registrants', params: {} }), profileId)
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('meetingId') } })
  })

  /** Text matched as it is in a RegExp. */
  const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

  /** Every row of a dataset, as Zoom sent them. */
  async function rowsOf(datasetId: string, count: number): Promise<Record<string, unknown>[]> {
    return Promise.all(Array.from({ length: count }, (_, index) => value(harness.page, 'data.row', { datasetId, index }) as Promise<Record<string, unknown>>))
  }

  /** Some columns of every row of a dataset (up to a thousand), in one window. */
  async function cells(datasetId: string, columns: string[]) {
    return (await value(harness.page, 'data.rows', { datasetId, offset: 0, limit: 1000, columns })).rows.map((row) => row.cells)
  }

  /**
   * The parent row with the most children whose name no other parent shares (so typing it finds
   * that one alone), and its children from a crawl through the bridge given its id. The children
   * of every parent are counted by asking the sandbox directly: a fan-out through the app paces
   * its requests as Zoom's rate limits ask, and took seconds per list.
   */
  async function parentWithChildren(parent: string, child: string, param: string): Promise<{ id: string; name: string; children: Record<string, unknown>[] }> {
    const parents = await crawl({ resource: parent, params: {} })
    const parentRows = (await cells(parents.datasetId, ['id', 'name'])).map(([id, name]) => ({ id: String(id), name: String(name) }))
    const named = parentRows.filter((row) => parentRows.filter((other) => other.name.toLowerCase().includes(row.name.toLowerCase())).length === 1)
    const { access_token } = await s2sToken(zoom)
    const counted = await Promise.all(named.map(async (row) => ({ ...row, count: await countListed(child.replace(`{${param}}`, encodeURIComponent(row.id)), access_token) })))
    const best = counted.sort((a, b) => b.count - a.count)[0]
    if (!best || best.count === 0) throw new Error(`the sandbox gave no ${parent} row with children`)
    // Its children as a crawl given its id answers them: one list, no fan-out.
    const one = await crawl({ resource: child, params: { [param]: best.id } })
    expect(one.rows).toBe(best.count)
    return { id: best.id, name: best.name, children: await rowsOf(one.datasetId, one.rows) }
  }

  /** How many rows the sandbox lists at `path` (its array member), over every page. */
  async function countListed(path: string, token: string): Promise<number> {
    let count = 0
    for (let pageToken = ''; ; ) {
      const page = (await (await getJson(`${zoom.url}/v2${path}?page_size=300${pageToken ? `&next_page_token=${encodeURIComponent(pageToken)}` : ''}`, token)).json()) as Record<string, unknown>
      count += Object.values(page).find((member): member is unknown[] => Array.isArray(member))?.length ?? 0
      if (typeof page.next_page_token !== 'string' || page.next_page_token === '') return count
      pageToken = page.next_page_token
    }
  }

  /** Opens a list from "All lists", picks one value of `param` by typing its parent row's name, loads, and answers the rows loaded. */
  async function pickAndLoad(resource: string, param: string, noun: string, name: string, shot: string): Promise<Record<string, unknown>[]> {
    const { page } = harness
    await page.getByRole('tab', { name: 'Browse' }).click()
    const lists = page.getByRole('combobox', { name: /All lists/ })
    await lists.fill(resource)
    await page.getByRole('option', { name: new RegExp(literally(resource)) }).first().waitFor()
    await lists.press('Enter')
    const box = page.getByRole('combobox', { name: `${param} (${noun})` })
    await box.click()
    // The first page of the parent list, by name, before anything is typed.
    await page.getByRole('listbox', { name: noun }).getByRole('option').first().waitFor()
    await box.fill(name.slice(0, Math.max(4, name.length - 2)))
    const option = page.getByRole('listbox', { name: noun }).getByRole('option', { name: new RegExp(`^${literally(name)} `) })
    await option.waitFor()
    await harness.screenshot(shot)
    // The keyboard picks it: ↓ to it, Enter.
    const options = page.getByRole('listbox', { name: noun }).getByRole('option')
    const at = (await options.allTextContents()).findIndex((text) => text.startsWith(`${name} `))
    for (let i = 0; i <= at; i++) await box.press('ArrowDown')
    await box.press('Enter')
    expect(await box.inputValue()).toBe(name)
    const before = (await value(page, 'data.jobs', { profileId })).length
    await page.getByRole('button', { name: /^(Load|Reload) / }).click()
    await expect.poll(async () => (await value(page, 'data.jobs', { profileId })).length, { timeout: 30_000 }).toBeGreaterThan(before)
    const latest = async () => (await value(page, 'data.jobs', { profileId })).filter((j) => j.resource === resource).sort((a, b) => b.startedAt - a.startedAt)[0]!
    await expect.poll(async () => (await latest()).state, { timeout: 30_000 }).toBe('done')
    const done = await latest()
    expect(done.unitsTotal).toBeUndefined()
    return rowsOf(done.datasetId, done.rows)
  }

  it('picks a list in "All lists" with the keyboard and loads it', async () => {
    const { page } = harness
    await page.getByRole('tab', { name: 'Browse' }).click()
    const picker = page.getByRole('combobox', { name: /All lists/ })
    await picker.fill('/phone/call_queues/{callQueueId}/members')
    await page.getByRole('option', { name: /\/phone\/call_queues\/\{callQueueId\}\/members/ }).first().waitFor()
    await picker.press('Enter')
    const panel = page.getByRole('region', { name: /call queue/i })
    await panel.getByText('/phone/call_queues/{callQueueId}/members').first().waitFor()
    await panel.getByText(/Rate limit:/).waitFor()
    await panel.getByRole('button', { name: /^Load / }).click()
    // The picked list loads: its fan-out is under way over the call queues. That it ends with every
    // queue's members is the fan-out test's above (the same paced crawl, about 8 s), so it is
    // cancelled here once started.
    await expect.poll(() => panel.locator('.crawl').innerText()).toMatch(/ of [1-9][\d,]* call queues/)
    await harness.screenshot('ui-browse-any-01-call-queue-members')
    await expectAccessible(page, 'browse (a list picked in All lists)')
    const cancel = panel.getByRole('button', { name: 'Cancel loading' })
    if (await cancel.isVisible()) await cancel.click()
    await panel.locator('.crawl:not([data-state="running"])').waitFor()
  })

  it('picks one call queue by its name in the callQueueId picker and gets exactly that queue’s members', async () => {
    const queue = await parentWithChildren('/phone/call_queues', '/phone/call_queues/{callQueueId}/members', 'callQueueId')
    const rows = await pickAndLoad('/phone/call_queues/{callQueueId}/members', 'callQueueId', 'call queues', queue.name, 'ui-browse-any-02-pick-call-queue')
    expect(rows).toEqual(queue.children)
    await harness.screenshot('ui-browse-any-03-one-call-queue-members')
  })

  it('picks one room by its name in the roomId picker and gets exactly that room’s devices', async () => {
    const room = await parentWithChildren('/rooms', '/rooms/{roomId}/devices', 'roomId')
    const rows = await pickAndLoad('/rooms/{roomId}/devices', 'roomId', 'rooms', room.name, 'ui-browse-any-04-pick-room')
    expect(rows).toEqual(room.children)
    await expectAccessible(harness.page, 'browse (a room picked in the roomId picker)')
  })

  it('shows a picked list with its item schema’s columns, nested objects flattened, and the column chooser hides one and resets', async () => {
    const { page } = harness
    await page.getByRole('tab', { name: 'Browse' }).click()
    const picker = page.getByRole('combobox', { name: /All lists/ })
    await picker.fill('/phone/call_queues')
    await page.getByRole('option', { name: /^\/phone\/call_queues · / }).waitFor()
    await page.getByRole('option', { name: /^\/phone\/call_queues · / }).click()
    const panel = page.getByRole('region', { name: 'List call queues' })
    await panel.getByRole('button', { name: /^Load / }).click()
    await panel.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    // By CSS, not by role: while the column menu is open the rest of the page is aria-hidden. The
    // first header is the selection column's, not a column of the list.
    const headers = async () => (await page.locator('[role="grid"][aria-label="List call queues"] .grid-head [role="columnheader"]').allTextContents()).slice(1)
    // Phone's file: a call queue's `site` object is flattened into two columns.
    const schemaColumns = ['Extension id', 'Extension number', 'Id', 'Name', 'Phone numbers', 'Site id', 'Site name', 'Status']
    await expect.poll(headers).toEqual(schemaColumns)
    await panel.getByRole('button', { name: /Columns/ }).click()
    await page.getByRole('menuitemcheckbox', { name: /site\.name/ }).click()
    await expect.poll(headers).toEqual(schemaColumns.filter((c) => c !== 'Site name'))
    await page.getByRole('menuitem', { name: 'Reset to default columns' }).click()
    await expect.poll(headers).toEqual(schemaColumns)
  })
})
