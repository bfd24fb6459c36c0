// Any list of Zoom's API in Browse, end to end on the real entry point: Zoom's OpenAPI files
// seeded as the app's copies, a Server-to-Server connection to the sandbox (which answers every GET
// of the files), then a sample across products crawled through the bridge by path template —
// Rooms, Team Chat channels, phone call queues and their members by fan-out, contact-center
// queues, every user's recordings — and one list picked in the "All lists" picker and loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CrawlInput, JobProgress } from '../../common/contract'
import { startSandbox, type Sandbox } from '../sandbox'
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
    if (members.rows > 0) {
      const row = (await value(harness.page, 'data.row', { datasetId: members.datasetId, index: 0 })) as { callQueueId?: string }
      expect(typeof row.callQueueId).toBe('string')
    }
    // One queue by its id: a single list, no fan-out.
    const one = (await value(harness.page, 'data.row', { datasetId: queues.datasetId, index: 0 })) as { id: string }
    const single = await crawl({ resource: '/phone/call_queues/{callQueueId}/members', params: { callQueueId: one.id } })
    expect(single).toMatchObject({ state: 'done' })
    expect(single.unitsTotal).toBeUndefined()
  })

  it('refuses a path parameter no list gives, naming the one to type', async () => {
    const reply = await harness.page.evaluate((id) => (window as unknown as { zoomConnect: Record<string, (i: unknown) => Promise<unknown>> }).zoomConnect['data.crawl']!({ profileId: id, resource: '/meetings/{meetingId}/registrants', params: {} }), profileId)
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('meetingId') } })
  })

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
    await panel.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    await harness.screenshot('ui-browse-any-01-call-queue-members')
    await expectAccessible(page, 'browse (a list picked in All lists)')
  })
})
