// Issue 13, "Crawls that survive trouble", in real Chromium against the sandbox: a burst of
// connection resets pauses the crawl ("Zoom is unreachable — retrying in N s") and it goes on by
// itself; a user that fails is offered as "Retry 1 failed user"; after Cancel, exporting warns
// what is missing and "Resume" finishes the same dataset; a 429's wait is shown live.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getJson, s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, useUiScenario } from './ui-helpers'

const USERS = 40

describe.skipIf(chromiumMissingReason !== undefined)('UI: crawls that survive trouble (end to end)', () => {
  let exportDir: string
  let users: { id: string }[]
  const ui = useUiScenario({
    sandbox: { seed: 135, users: USERS, plan: 'unlimited' },
    folders: ['zc-e2e-crawl-'],
    beforeApp: async () => {
      const { access_token } = await s2sToken(ui.zoom)
      users = ((await (await getJson(`${ui.zoom.url}/v2/users?page_size=300`, access_token)).json()) as { users: { id: string }[] }).users
      exportDir = ui.folders[0]!
    },
    connection: { name: 'Crawl trouble' },
  })
  beforeAll(async () => {
    await ui.page.getByRole('tab', { name: 'Browse' }).click()
    await ui.page.getByRole('tab', { name: 'Meetings' }).click()
  })

  const form = () => ui.page.getByRole('form', { name: 'Meetings parameters' })
  const crawlState = () => ui.page.locator('.crawl').getAttribute('data-state')

  it('pauses while Zoom is unreachable, says so, and goes on by itself', async () => {
    const { page } = ui
    // Every per-user list resets its connection (the users list itself gets through) until Zoom is back.
    ui.zoom.setFaults([{ kind: 'reset', pathPrefix: '/v2/users/', skip: 3 }])
    await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
    const paused = page.getByTestId('crawl-paused')
    await paused.waitFor({ timeout: 60_000 })
    expect(await paused.innerText()).toMatch(/^Zoom is unreachable — retrying in \d+ s/)
    await ui.harness.screenshot('ui-crawl-01-zoom-unreachable')
    await expectAccessible(page, 'meetings (crawl paused)')
    ui.zoom.setFaults([])
    await expect.poll(crawlState, { timeout: 90_000 }).toBe('done')
    // Nobody skipped: every user the crawl listed was read once Zoom answered again.
    const [done, total] = ((await page.locator('.crawl').innerText()).match(/(\d+) of (\d+) users/) ?? []).slice(1).map(Number)
    expect(done).toBe(total)
    expect(await page.getByRole('button', { name: /^Retry \d+ failed / }).count()).toBe(0)
  })

  it('offers "Retry 1 failed user" for a user that failed, and retries only that one', async () => {
    const { page } = ui
    const victim = users[7]!.id
    // A refusal Zoom would not answer differently on a second try: the user fails at once. The
    // retries a 5xx goes through before its user counts as failed (about 19 s of waits) are checked
    // without a browser, in test/main/data/crawl-fanout.test.ts; here the button and what it fetches
    // again are.
    ui.zoom.setFaults([{ kind: 'status', status: 400, pathPrefix: `/v2/users/${victim}/` }])
    await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
    await expect.poll(crawlState, { timeout: 90_000 }).not.toBe('running')
    const retry = page.getByRole('button', { name: 'Retry 1 failed user' })
    await retry.waitFor()
    await ui.harness.screenshot('ui-crawl-02-retry-failed')
    ui.zoom.setFaults([])
    const before = ui.zoom.stats().apiTotal
    await retry.click()
    await expect.poll(crawlState, { timeout: 60_000 }).toBe('done')
    await retry.waitFor({ state: 'detached' })
    // One user's lists again, not the whole account.
    expect(ui.zoom.stats().apiTotal - before).toBeLessThan(6)
  })

  it('after Cancel, warns what an export would miss, and Resume finishes the same dataset', async () => {
    const { page } = ui
    ui.zoom.setLatency(1_500)
    try {
      await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
      await expect.poll(() => page.locator('.crawl').innerText(), { timeout: 30_000 }).toMatch(/[1-9]\d* of \d+ users/)
      await page.getByRole('button', { name: 'Cancel loading' }).click()
      await expect.poll(crawlState).toBe('cancelled')
    } finally {
      ui.zoom.setLatency(0)
    }
    ui.harness.saveDialogAnswers.push(join(exportDir, 'partial.csv'))
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByRole('menuitem', { name: 'CSV file…' }).click()
    const dialog = page.getByRole('dialog', { name: /^Export/ })
    const warning = dialog.getByRole('alert')
    await warning.waitFor()
    expect(await warning.innerText()).toMatch(/incomplete/i)
    await ui.harness.screenshot('ui-crawl-03-export-incomplete')
    await dialog.getByRole('button', { name: 'Export anyway…' }).click()
    await page.getByText(/^Exported [\d,]+ rows? of incomplete data$/).first().waitFor()

    await page.getByRole('button', { name: 'Resume' }).click()
    await expect.poll(crawlState, { timeout: 60_000 }).toBe('done')
    const [done, total] = ((await page.locator('.crawl').innerText()).match(/(\d+) of (\d+) users/) ?? []).slice(1).map(Number)
    expect(done).toBe(total)
    await ui.harness.screenshot('ui-crawl-04-resumed')
  })

  it('shows a live rate-limit wait while Zoom’s Retry-After runs, then finishes', async () => {
    const { page } = ui
    // One 429 with Retry-After: 3 s on a user's meetings; the client waits it out.
    ui.zoom.setFaults([{ kind: 'rate-limit', pathPrefix: '/v2/users/', count: 1, retryAfter: 3 }])
    try {
      await form().getByRole('button', { name: /^(Re)?load meetings$/i }).click()
      await expect.poll(() => page.locator('.crawl').innerText(), { timeout: 15_000 }).toMatch(/Waiting [1-3] s for Zoom’s rate limit/)
      await ui.harness.screenshot('ui-crawl-05-rate-limit-wait')
      await expect.poll(crawlState, { timeout: 30_000 }).toBe('done')
      expect(await page.locator('.crawl').innerText()).not.toMatch(/Waiting \d+ s for Zoom’s rate limit/)
      expect(ui.zoom.stats().faults['rate-limit']).toBe(1)
    } finally {
      ui.zoom.setFaults([])
    }
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
