// Issue 13, "Console", in real Chromium against the sandbox: path parameters like {userId} filled
// from a small form (never sent literally), Find in the response body, "Next page" with Zoom's
// next_page_token, and a host outside the allowed domains linking to that setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { getJson, s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser, type Harness } from './harness'
import { expectAccessible, startConsoleHarness } from './ui-helpers'

describe.skipIf(chromiumMissingReason !== undefined)('UI: console tools (end to end)', () => {
  let zoom: Sandbox
  let harness: Harness
  let someone: { id: string; email: string }

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 134, users: 30, plan: 'unlimited' })
    const { access_token } = await s2sToken(zoom)
    const { users } = (await (await getJson(`${zoom.url}/v2/users?page_size=10`, access_token)).json()) as { users: { id: string; email: string }[] }
    someone = users[3]!
    harness = await startConsoleHarness(zoom, 'Console tools')
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
  })

  const request = () => harness.page.getByRole('form', { name: 'Request' })

  it('fills {userId} from the path parameters form instead of sending it literally', async () => {
    const { page } = harness
    await request().getByLabel('Path', { exact: true }).fill('/users/{userId}')
    expect(await request().getByRole('button', { name: 'Send' }).isDisabled()).toBe(true)
    await expect.poll(() => request().innerText()).toContain('Fill in the path parameter userId')
    await request().getByRole('textbox', { name: 'Path parameter userId' }).fill(someone.email)
    await expect.poll(() => request().innerText()).toContain(`${zoom.url}/v2/users/${encodeURIComponent(someone.email)}`)
    await harness.screenshot('ui-console-tools-01-path-parameters')
    await expectAccessible(page, 'console (path parameters)')
    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^200\b/)
    expect(JSON.parse(await page.getByLabel('Response body, formatted').innerText())).toMatchObject({ id: someone.id, email: someone.email })
    expect(zoom.stats().api['GET /v2/users/{userId}']?.['404'] ?? 0).toBe(0)
  })

  it('finds text in the response body and steps through the matches', async () => {
    const { page } = harness
    const find = page.getByRole('searchbox', { name: 'Find in response' })
    await find.fill(someone.email)
    await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^1 of \d+ match/)
    const matches = Number((await page.getByTestId('find-count').innerText()).match(/of (\d+)/)![1])
    expect(await page.locator('.response-body mark').count()).toBe(matches)
    await find.press('Enter')
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(matches > 1 ? `2 of ${matches} matches` : '1 of 1 match')
    await find.fill('no-such-text-anywhere')
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('No match')
    await harness.screenshot('ui-console-tools-02-find')
  })

  it('follows next_page_token with "Next page"', async () => {
    const { page } = harness
    await request().getByLabel('Path', { exact: true }).fill('/users')
    await request().getByRole('button', { name: 'Add query parameter' }).click()
    await request().getByRole('textbox', { name: 'Query parameter 1 name' }).fill('page_size')
    await request().getByRole('textbox', { name: 'Query parameter 1 value' }).fill('5')
    await request().getByRole('button', { name: 'Send' }).click()
    // The previous response was a 200 too: wait for this one, a page of five users.
    await expect.poll(async () => (JSON.parse(await page.getByLabel('Response body, formatted').innerText()) as { users?: unknown[] }).users?.length).toBe(5)
    const first = JSON.parse(await page.getByLabel('Response body, formatted').innerText()) as { next_page_token: string; users: { id: string }[] }
    expect(first.next_page_token).not.toBe('')
    await page.getByRole('button', { name: 'Next page' }).click()
    await expect.poll(async () => (JSON.parse(await page.getByLabel('Response body, formatted').innerText()) as { users: { id: string }[] }).users[0]?.id).not.toBe(first.users[0]?.id)
    const second = JSON.parse(await page.getByLabel('Response body, formatted').innerText()) as { users: { id: string }[] }
    expect(second.users.some((u) => first.users.some((f) => f.id === u.id))).toBe(false)
    expect(await request().getByRole('textbox', { name: 'Query parameter 2 value' }).inputValue()).toBe(first.next_page_token)
    await harness.screenshot('ui-console-tools-03-next-page')
  })

  it('links a refused host to the connection’s allowed domains', async () => {
    const { page } = harness
    await request().getByLabel('Path', { exact: true }).fill('https://example.org/v2/users/me')
    await request().getByRole('button', { name: 'Send' }).click()
    const link = page.getByRole('button', { name: 'Open this connection’s allowed domains' })
    await link.waitFor()
    await harness.screenshot('ui-console-tools-04-domain-refused')
    await link.click()
    const domains = page.getByRole('form', { name: 'Edit Console tools' }).getByLabel('Allowed domains', { exact: true })
    await expect.poll(() => domains.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('creates a meeting with POST /users/me/meetings, then finds it in the Meetings list', async () => {
    const { page } = harness
    await page.getByRole('tab', { name: 'Console' }).click()
    await request().getByLabel('Method', { exact: true }).selectOption('POST')
    await request().getByLabel('Path', { exact: true }).fill('/users/me/meetings')
    await request().getByRole('tab', { name: 'Body' }).click()
    await request().getByLabel('JSON body', { exact: true }).fill(JSON.stringify({ topic: 'Made in the console', type: 2, start_time: '2026-12-24T10:00:00Z', duration: 30 }))
    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^201\b/)
    const created = JSON.parse(await page.getByLabel('Response body, formatted').innerText()) as { id: number; topic: string }
    expect(created.topic).toBe('Made in the console')
    await harness.screenshot('ui-console-tools-05-meeting-created')

    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('tab', { name: 'Meetings' }).click()
    const form = page.getByRole('form', { name: 'Meetings parameters' })
    await form.getByRole('radio', { name: 'Only me' }).check()
    await form.getByRole('button', { name: /^(Re)?load meetings$/i }).click()
    await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill('Made in the console')
    const grid = page.getByRole('grid', { name: 'Meetings' })
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('2')
    expect(await grid.locator('[aria-rowindex="2"]').innerText()).toContain(String(created.id))
  })

  it('opened no page error on the way', () => {
    expect(harness.pageErrors).toEqual([])
  })
})
