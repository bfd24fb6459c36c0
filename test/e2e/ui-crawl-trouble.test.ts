// Issue 13, "Crawls that survive trouble", in real Chromium against the sandbox: a burst of
// connection resets pauses the crawl ("Zoom is unreachable — retrying in N s") and it goes on by
// itself; a user that keeps failing is offered as "Retry 1 failed"; after Cancel, exporting warns
// what is missing and "Resume" finishes the same dataset; a 429's wait is shown live.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { getJson, s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser, startHarness, type Harness } from './harness'
import { addS2SConnection, chooseKeychain, expectAccessible, quickFailures } from './ui-helpers'

const USERS = 40

describe.skipIf(chromiumMissingReason !== undefined)('UI: crawls that survive trouble (end to end)', () => {
  let zoom: Sandbox
  let harness: Harness
  let exportDir: string
  let users: { id: string }[]

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 135, users: USERS, plan: 'unlimited' })
    const { access_token } = await s2sToken(zoom)
    users = ((await (await getJson(`${zoom.url}/v2/users?page_size=300`, access_token)).json()) as { users: { id: string }[] }).users
    exportDir = await mkdtemp(join(tmpdir(), 'zc-e2e-crawl-'))
    harness = await startHarness()
    quickFailures(harness)
    await chooseKeychain(harness.page)
    await addS2SConnection(harness.page, zoom, 'Crawl trouble')
    await harness.page.getByRole('tab', { name: 'Browse' }).click()
    await harness.page.getByRole('tab', { name: 'Meetings' }).click()
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
    if (exportDir) await rm(exportDir, { recursive: true, force: true })
  })

  const form = () => harness.page.getByRole('form', { name: 'Meetings parameters' })
  const crawlState = () => harness.page.locator('.crawl').getAttribute('data-state')

  it('pauses while Zoom is unreachable, says so, and goes on by itself', async () => {
    const { page } = harness
    // Every per-user list resets its connection (the users list itself gets through) until Zoom is back.
    zoom.setFaults([{ kind: 'reset', pathPrefix: '/v2/users/', skip: 3 }])
    await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
    const paused = page.getByTestId('crawl-paused')
    await paused.waitFor({ timeout: 60_000 })
    expect(await paused.innerText()).toMatch(/^Zoom is unreachable — retrying in \d+ s/)
    await harness.screenshot('ui-crawl-01-zoom-unreachable')
    await expectAccessible(page, 'meetings (crawl paused)')
    zoom.setFaults([])
    await expect.poll(crawlState, { timeout: 90_000 }).toBe('done')
    // Nobody skipped: every user the crawl listed was read once Zoom answered again.
    const [done, total] = ((await page.locator('.crawl').innerText()).match(/(\d+) of (\d+) users/) ?? []).slice(1).map(Number)
    expect(done).toBe(total)
    expect(await page.getByRole('button', { name: /^Retry \d+ failed$/ }).count()).toBe(0)
  })

  it('offers "Retry 1 failed" for a user that kept failing, and retries only that one', async () => {
    const { page } = harness
    const victim = users[7]!.id
    zoom.setFaults([{ kind: 'status', status: 500, pathPrefix: `/v2/users/${victim}/` }])
    await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
    await expect.poll(crawlState, { timeout: 90_000 }).not.toBe('running')
    const retry = page.getByRole('button', { name: 'Retry 1 failed' })
    await retry.waitFor()
    await harness.screenshot('ui-crawl-02-retry-failed')
    zoom.setFaults([])
    const before = zoom.stats().apiTotal
    await retry.click()
    await expect.poll(crawlState, { timeout: 60_000 }).toBe('done')
    await retry.waitFor({ state: 'detached' })
    // One user's lists again, not the whole account.
    expect(zoom.stats().apiTotal - before).toBeLessThan(6)
  })

  it('after Cancel, warns what an export would miss, and Resume finishes the same dataset', async () => {
    const { page } = harness
    zoom.setLatency(1_500)
    try {
      await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
      await expect.poll(() => page.locator('.crawl').innerText(), { timeout: 30_000 }).toMatch(/[1-9]\d* of \d+ users/)
      await page.getByRole('button', { name: 'Cancel loading' }).click()
      await expect.poll(crawlState).toBe('cancelled')
    } finally {
      zoom.setLatency(0)
    }
    harness.saveDialogAnswers.push(join(exportDir, 'partial.csv'))
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByRole('menuitem', { name: 'CSV file…' }).click()
    const dialog = page.getByRole('dialog', { name: /^Export/ })
    const warning = dialog.getByRole('alert')
    await warning.waitFor()
    expect(await warning.innerText()).toMatch(/incomplete/i)
    await harness.screenshot('ui-crawl-03-export-incomplete')
    await dialog.getByRole('button', { name: 'Export anyway…' }).click()
    await page.getByText(/^Exported [\d,]+ rows? of incomplete data$/).first().waitFor()

    await page.getByRole('button', { name: 'Resume' }).click()
    await expect.poll(crawlState, { timeout: 60_000 }).toBe('done')
    const [done, total] = ((await page.locator('.crawl').innerText()).match(/(\d+) of (\d+) users/) ?? []).slice(1).map(Number)
    expect(done).toBe(total)
    await harness.screenshot('ui-crawl-04-resumed')
  })

  it('shows a live rate-limit wait while Zoom’s Retry-After runs, then finishes', async () => {
    const { page } = harness
    // One 429 with Retry-After: 3 s on a user's meetings; the client waits it out.
    zoom.setFaults([{ kind: 'rate-limit', pathPrefix: '/v2/users/', count: 1, retryAfter: 3 }])
    try {
      await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
      await expect.poll(() => page.locator('.crawl').innerText(), { timeout: 15_000 }).toMatch(/Waiting [1-3] s for Zoom’s rate limit/)
      await harness.screenshot('ui-crawl-05-rate-limit-wait')
      await expect.poll(crawlState, { timeout: 30_000 }).toBe('done')
      expect(await page.locator('.crawl').innerText()).not.toMatch(/Waiting \d+ s for Zoom’s rate limit/)
      expect(zoom.stats().faults['rate-limit']).toBe(1)
    } finally {
      zoom.setFaults([])
    }
  })

  it('opened no page error on the way', () => {
    expect(harness.pageErrors).toEqual([])
  })
})
