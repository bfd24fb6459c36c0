// The console over Zoom's whole API, in real Chromium against the sandbox, with Zoom's OpenAPI
// files seeded where the app keeps its copies: an operation picked by typing part of its summary
// (keyboard only), its path parameter filled from the form, its documentation shown, the
// response checked against Zoom's schema; a POST whose body starts from Zoom's example, an
// invalid body held back with its schema differences until "Send anyway". No token in the page
// or in any bridge reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startingBody } from '../../common/zoom/api/example'
import { buildApiCatalog } from '../../common/zoom/api/parse'
import { startSandbox, type Sandbox } from '../sandbox'
import { getJson, s2sToken } from '../sandbox/testing'
import { findCanaries, SANDBOX_TOKEN_PREFIX } from '../support/canary'
import { chromiumMissingReason } from '../support/chromium'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiText } from '../support/zoom-openapi'
import { closeBrowser, type Harness } from './harness'
import { expectAccessible, startConsoleHarness } from './ui-helpers'

const skipReason = chromiumMissingReason ?? (ZOOM_OPENAPI_AVAILABLE ? undefined : "Zoom's OpenAPI files are not in ../shared/zoom-openapi")

describe.skipIf(skipReason !== undefined)(`UI: console over Zoom's API files (end to end)${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let zoom: Sandbox
  let harness: Harness
  let someone: { id: string; email: string }

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 141, users: 20, plan: 'unlimited' })
    const { access_token } = await s2sToken(zoom)
    const { users } = (await (await getJson(`${zoom.url}/v2/users?page_size=10`, access_token)).json()) as { users: { id: string; email: string }[] }
    someone = users[2]!
    harness = await startConsoleHarness(zoom, 'Console catalog')
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
  })

  const request = () => harness.page.getByRole('form', { name: 'Request' })
  const path = () => request().getByRole('combobox', { name: 'Path', exact: true })

  /** Types `text` into Path and picks the suggestion showing `wanted` with the arrows and Enter. */
  async function pickByKeyboard(text: string, wanted: RegExp) {
    const { page } = harness
    await path().fill('')
    await path().pressSequentially(text)
    const list = page.getByRole('listbox', { name: 'Matching operations' })
    await expect.poll(() => list.getByRole('option').filter({ hasText: wanted }).count()).toBeGreaterThan(0)
    const texts = await list.getByRole('option').allTextContents()
    const at = texts.findIndex((t) => wanted.test(t))
    for (let i = 0; i <= at; i++) await path().press('ArrowDown')
    expect(await path().getAttribute('aria-activedescendant')).toBe(await list.getByRole('option').nth(at).getAttribute('id'))
    await path().press('Enter')
    await expect.poll(() => path().getAttribute('aria-expanded')).toBe('false')
  }

  it('picks “Get a user” by typing part of its summary, fills {userId} from the form, and checks the answer against Zoom’s schema', async () => {
    const { page } = harness
    await pickByKeyboard('get a user', /^GET \/users\/\{userId\} Get a user Users$/)
    expect(await request().getByLabel('Method', { exact: true }).inputValue()).toBe('GET')
    expect(await path().inputValue()).toBe('/users/{userId}')
    // The docs panel: summary, rate-limit label, scopes (marked against the grant) and Zoom's page.
    const docs = page.getByRole('region', { name: 'Get a user' })
    await docs.waitFor()
    expect(await docs.getByTestId('docs-rate-limit').innerText()).toMatch(/Rate limit: \S+/)
    expect(await docs.getByRole('list', { name: 'Granular scopes' }).innerText()).toContain('user:read:user')
    expect(await docs.getByRole('link', { name: /Zoom’s documentation/ }).getAttribute('href')).toMatch(/^https:\/\/developers\.zoom\.us\/docs\/api\//)
    await harness.screenshot('ui-console-catalog-01-picked')
    await expectAccessible(page, 'console (operation picked)')

    const userId = request().getByRole('textbox', { name: 'Path parameter userId' })
    expect(await userId.getAttribute('aria-required')).toBe('true')
    expect(await request().getByRole('button', { name: 'Send' }).isDisabled()).toBe(true)
    await userId.fill(someone.email)
    await expect.poll(() => request().innerText()).toContain(`${zoom.url}/v2/users/${encodeURIComponent(someone.email)}`)
    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^200\b/)
    expect(JSON.parse(await page.getByLabel('Response body, formatted').innerText())).toMatchObject({ id: someone.id })
    await expect.poll(() => page.getByTestId('schema-check').innerText()).toMatch(/matches Zoom’s schema for GET \/users\/\{userId\}/)
    await harness.screenshot('ui-console-catalog-02-validated')
  })

  it('types query parameters from the schema: an enum is a choice, a number a number', async () => {
    await pickByKeyboard('list users', /^GET \/users List users Users$/)
    const status = request().getByRole('combobox', { name: 'Query parameter status' })
    expect(await status.locator('option').allInnerTexts()).toEqual(expect.arrayContaining(['active', 'inactive', 'pending']))
    await status.selectOption('inactive')
    expect(await request().getByRole('spinbutton', { name: 'Query parameter page_size' }).getAttribute('type')).toBe('number')
    await expect.poll(() => request().innerText()).toContain('status=inactive')
  })

  it('starts a POST’s body from Zoom’s example, holds an invalid body back with its differences, and sends it only when asked', async () => {
    const { page } = harness
    const sent = () => zoom.stats().api['POST /v2/users/{userId}/meetings'] ?? {}
    const total = () => Object.values(sent()).reduce((a, b) => a + b, 0)
    await pickByKeyboard('create a meeting', /^POST \/users\/\{userId\}\/meetings /)
    expect(await request().getByLabel('Method', { exact: true }).inputValue()).toBe('POST')
    await request().getByRole('textbox', { name: 'Path parameter userId' }).fill('me')
    await request().getByRole('tab', { name: 'Body' }).click()
    const body = request().getByLabel('JSON body', { exact: true })
    const operation = buildApiCatalog([{ product: 'Meetings', document: JSON.parse(zoomOpenApiText('Meetings')) }]).operations.find((o) => o.method === 'POST' && o.path === '/users/{userId}/meetings')
    await expect.poll(() => body.inputValue()).toBe(startingBody(operation?.requestBody))

    await body.fill('{"topic": 42, "type": "soon", "settings": {"host_video": "yes"}}')
    const check = request().getByTestId('body-schema-check')
    await expect.poll(() => check.innerText()).toMatch(/differs from Zoom’s request schema/)
    const live = await check.innerText()
    expect(live).toContain('$.topic: expected string, got integer')
    expect(live).toContain('$.settings.host_video: expected boolean, got string')
    const before = total()
    await request().getByRole('button', { name: 'Send' }).click()
    const alert = request().getByTestId('body-schema-alert')
    await expect.poll(() => alert.innerText()).toMatch(/Not sent yet/)
    expect(await alert.innerText()).toContain('$.type')
    await harness.screenshot('ui-console-catalog-03-held-back')
    await expectAccessible(page, 'console (body held back)')
    expect(total()).toBe(before)
    await alert.getByRole('button', { name: 'Send anyway' }).click()
    await expect.poll(() => total()).toBe(before + 1)
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^\d{3}\b/)

    await body.fill('{"topic": "Catalog e2e", "type": 2}')
    await expect.poll(() => check.innerText()).toMatch(/matches Zoom’s request schema/)
    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^201\b/)
    await expect.poll(() => page.getByTestId('schema-check').innerText()).toMatch(/Zoom’s schema for POST \/users\/\{userId\}\/meetings/)
  })

  it('sends an operation of another product (Zoom Rooms) from the form, and its child with the id from the answer', async () => {
    const { page } = harness
    await pickByKeyboard('list zoom rooms', /^GET \/rooms List Zoom Rooms Rooms$/)
    await request().getByRole('spinbutton', { name: 'Query parameter page_size' }).fill('5')
    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^200\b/)
    await expect.poll(() => page.getByTestId('schema-check').innerText()).toMatch(/matches Zoom’s schema for GET \/rooms/)
    const { rooms } = JSON.parse(await page.getByLabel('Response body, formatted').innerText()) as { rooms: { id: string }[] }
    expect(rooms.length).toBeGreaterThan(0)

    await pickByKeyboard('zoom room devices', /^GET \/rooms\/\{roomId\}\/devices /)
    await request().getByRole('textbox', { name: 'Path parameter roomId' }).fill(rooms[0]!.id)
    await request().getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('schema-check').innerText()).toMatch(/matches Zoom’s schema for GET \/rooms\/\{roomId\}\/devices/)
    expect(await page.getByTestId('response-status').innerText()).toMatch(/^200\b/)
  })

  it('put no token in the page or in any bridge reply', async () => {
    expect(findCanaries(await harness.page.content(), [SANDBOX_TOKEN_PREFIX])).toEqual([])
    expect(findCanaries(harness.bridgeTranscript.join('\n'), [SANDBOX_TOKEN_PREFIX])).toEqual([])
  })

  it('opened no page error on the way', () => {
    expect(harness.pageErrors).toEqual([])
  })
})
