// Issue 6, scenario 5: the request console in real Chromium against the sandbox. GET /users/me
// with the connection's credential (status, pretty JSON, tracking id), "Copy as curl" with the
// $ZOOM_ACCESS_TOKEN placeholder and no token, a Zoom error shown readably, the JSON body check,
// and the history that puts a request back in the composer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { findCanaries, SANDBOX_TOKEN_PREFIX } from '../support/canary'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser, type Harness } from './harness'
import { expectAccessible, readMainClipboard, startConsoleHarness } from './ui-helpers'

describe.skipIf(chromiumMissingReason !== undefined)('UI: request console (end to end)', () => {
  let zoom: Sandbox
  let harness: Harness

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 65, users: 20, plan: 'unlimited' })
    harness = await startConsoleHarness(zoom, 'Console account')
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
  })

  const request = () => harness.page.getByRole('form', { name: 'Request' })

  it('sends GET /users/me: 200, pretty JSON and Zoom’s tracking id', async () => {
    const { page } = harness
    expect(await request().getByLabel('Method', { exact: true }).inputValue()).toBe('GET')
    await request().getByLabel('Path', { exact: true }).fill('/users/me')
    await expect.poll(() => request().innerText()).toContain(`${zoom.url}/v2/users/me`)
    await harness.screenshot('ui-console-01-composer')
    await expectAccessible(page, 'console (composer)')
    const calls = zoom.stats().api['GET /v2/users/{userId}']?.['200'] ?? 0

    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^200\b/)
    expect(zoom.stats().api['GET /v2/users/{userId}']?.['200'] ?? 0).toBe(calls + 1)
    const body = await page.getByLabel('Response body, formatted').innerText()
    expect(body).toMatch(/^\{\n {2}"/)
    expect(JSON.parse(body)).toMatchObject({ email: expect.stringContaining('@') })
    await expect.poll(() => page.getByRole('region', { name: 'Response' }).innerText()).toMatch(/Tracking ID \S+/)
    await harness.screenshot('ui-console-02-response-200')
    await expectAccessible(page, 'console (response)')
  })

  it('lists the request in the history', async () => {
    const history = harness.page.getByRole('region', { name: 'History' })
    await expect.poll(() => history.getByRole('button').filter({ hasText: '/users/me' }).count()).toBe(1)
    expect(await history.getByRole('button').filter({ hasText: '/users/me' }).innerText()).toMatch(/GET[\s\S]*\/users\/me[\s\S]*200/)
  })

  it('copies the request as curl with the $ZOOM_ACCESS_TOKEN placeholder, never a token', async () => {
    const { page } = harness
    await request().getByRole('button', { name: 'Copy as curl' }).click()
    await expect.poll(() => readMainClipboard(harness)).toContain('curl')
    const curl = readMainClipboard(harness)
    expect(curl).toContain('$ZOOM_ACCESS_TOKEN')
    expect(curl).toContain(`${zoom.url}/v2/users/me`)
    expect(findCanaries(curl, [SANDBOX_TOKEN_PREFIX])).toEqual([])
    // The token the request used stayed in main: not in the page, not in any bridge reply.
    expect(findCanaries(await page.content(), [SANDBOX_TOKEN_PREFIX])).toEqual([])
    expect(findCanaries(harness.bridgeTranscript.join('\n'), [SANDBOX_TOKEN_PREFIX])).toEqual([])
    // While it says "Copied", its accessible name says so too (WCAG label-in-name).
    await expect.poll(() => request().getByRole('button', { name: 'Copy as curl: copied' }).count()).toBe(1)
    await expectAccessible(page, 'console (copied as curl)')
  })

  it('shows a Zoom error as Zoom sent it: status, Zoom’s code and message', async () => {
    const { page } = harness
    await request().getByLabel('Path', { exact: true }).fill('/users/nobody-with-this-id')
    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^404\b/)
    expect(await page.getByTestId('response-status').getAttribute('data-tone')).toBe('bad')
    const body = JSON.parse(await page.getByLabel('Response body, formatted').innerText()) as { code?: unknown; message?: unknown }
    expect(body).toMatchObject({ code: expect.any(Number), message: expect.stringMatching(/\w/) })
    await expect.poll(() => page.getByRole('region', { name: 'Response' }).innerText()).toMatch(/Tracking ID \S+/)
    await harness.screenshot('ui-console-03-response-404')
    await expectAccessible(page, 'console (error response)')
  })

  it('checks a JSON body before sending, and the history puts an old request back', async () => {
    const { page } = harness
    await request().getByLabel('Method', { exact: true }).selectOption('PATCH')
    await request().getByRole('tab', { name: 'Body' }).click()
    const body = request().getByLabel('JSON body', { exact: true })
    await body.fill('{"first_name": ')
    await expect.poll(() => request().getByRole('button', { name: 'Send' }).isDisabled()).toBe(true)
    expect(await body.getAttribute('aria-invalid')).toBe('true')
    await harness.screenshot('ui-console-04-invalid-body')
    await body.fill('{"first_name": "Avery"}')
    await expect.poll(() => request().getByRole('button', { name: 'Send' }).isEnabled()).toBe(true)

    await page.getByRole('region', { name: 'History' }).getByRole('button').filter({ hasText: '/users/me' }).click()
    await expect.poll(() => request().getByLabel('Method', { exact: true }).inputValue()).toBe('GET')
    expect(await request().getByLabel('Path', { exact: true }).inputValue()).toBe('/users/me')
  })

  it('cancels a slow request from the UI by keyboard: main tears it down and the response reads Cancelled, with no error', async () => {
    const { page } = harness
    await request().getByLabel('Method', { exact: true }).selectOption('GET')
    await request().getByLabel('Path', { exact: true }).fill('/users/me')
    // Zoom holds its answer until the request is given up on: only a cancel ends this one.
    zoom.setFaults([{ kind: 'latency', ms: 600_000, pathPrefix: '/v2/users/me', count: 1 }])
    expect(await request().getByRole('button', { name: 'Cancel' }).count()).toBe(0)
    await request().getByRole('button', { name: 'Send' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => zoom.listFaults()[0]?.seen, { timeout: 10_000 }).toBe(1)
    // Send is disabled while it runs; focus is on Cancel, so Escape (or Enter) reaches it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel')
    await harness.screenshot('ui-console-05-sending-cancel')
    await page.keyboard.press('Escape')

    await expect.poll(() => page.getByTestId('response-status').innerText()).toBe('Cancelled')
    await expect.poll(() => zoom.abandoned(), { timeout: 10_000 }).toEqual(['GET /v2/users/me'])
    expect(await request().getByRole('button', { name: 'Cancel' }).count()).toBe(0)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Send')
    // Not an error: no alert, no notice.
    expect(await page.locator('.console').getByRole('alert').count()).toBe(0)
    expect(await page.locator('.toast').count()).toBe(0)
    zoom.setFaults([])
  })

  it('opened no page error on the way', () => {
    expect(harness.pageErrors).toEqual([])
  })
})
