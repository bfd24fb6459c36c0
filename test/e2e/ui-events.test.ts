// Issue 16: live events in real Chromium against the sandbox's Zoom event WebSocket. The Events
// tab's guide and subscription ID, Connect, events arriving in the live list (counts, filter by
// type), an event's detail checked against Zoom's schema, a dropped socket coming back, another
// client taking the subscription over, and no token anywhere the page or the bridge can see.
import { beforeAll, describe, expect, it } from 'vitest'
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import WebSocket from 'ws'
import { EVENT_SCHEMAS_DIR } from '../../main/events'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../sandbox/ws/event-factory'
import { findCanaries, SANDBOX_TOKEN_PREFIX } from '../support/canary'
import { chromiumMissingReason } from '../support/chromium'
import { value } from './bridge'
import { expectAccessible, UI_STEP_TIMEOUT_MS, useUiScenario } from './ui-helpers'

/** Events cross a real socket and a reconnect waits its backoff (up to 1 s): give each UI step the harness's 10 s. */
const POLL = { timeout: UI_STEP_TIMEOUT_MS }

const skipReason = chromiumMissingReason ?? (WEBHOOKS_AVAILABLE ? undefined : `Zoom's event files are absent (${WEBHOOKS_DIR})`)

describe.skipIf(skipReason !== undefined)('UI: live events (end to end)', () => {
  let dataDir: string
  const ui = useUiScenario({
    sandbox: { seed: 16, users: 20, plan: 'unlimited' },
    // Zoom's event schemas from the shared copies, put where the app caches them: otherwise it would
    // download them from Zoom on first use.
    folders: ['zc-e2e-events-'],
    beforeApp: async () => {
      dataDir = ui.folders[0]!
      await cp(WEBHOOKS_DIR, join(dataDir, EVENT_SCHEMAS_DIR), { recursive: true })
      return { dataDir }
    },
    connection: { name: 'Events account' },
  })
  beforeAll(async () => {
    await ui.page.getByRole('tab', { name: 'Events' }).click()
    await ui.page.getByRole('region', { name: 'Event subscription' }).waitFor()
  })

  const state = () => ui.page.getByRole('region', { name: 'Event socket' }).getByRole('status')

  it('guides the setup and keeps the subscription ID pasted from the endpoint URL', async () => {
    const { page } = ui
    const setup = page.getByRole('region', { name: 'Event subscription' })
    expect(await setup.innerText()).toMatch(/WebSocket/)
    expect(await page.getByRole('button', { name: 'Connect events' }).isDisabled()).toBe(true)
    await ui.harness.screenshot('ui-events-01-setup')
    await expectAccessible(page, 'events (setup)')
    const subscriptionId = ui.zoom.events.info().subscriptionId
    await setup.getByLabel('Subscription ID', { exact: true }).fill(`wss://ws.zoom.us/ws?subscriptionId=${subscriptionId}`)
    await setup.getByRole('button', { name: 'Save subscription' }).click()
    await expect.poll(() => setup.getByLabel('Subscription ID', { exact: true }).inputValue(), POLL).toBe(subscriptionId)
  })

  it('connects, and shows events as they arrive with counts per type', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Connect events' }).click()
    await expect.poll(() => state().innerText(), POLL).toMatch(/^Open for \d+ s/)
    expect(ui.zoom.events.info().connections).toBe(1)
    ui.zoom.events.emit({ types: ['meeting.started', 'user.created', 'meeting.ended', 'meeting.started'] })
    const list = page.getByRole('grid', { name: 'Events' })
    await expect.poll(() => list.getByRole('row').count(), POLL).toBe(4)
    // Newest first (the list may show the four rows before its last window refresh has ordered them).
    await expect.poll(() => list.getByRole('row').first().innerText(), POLL).toContain('meeting.started')
    const counts = page.getByRole('list', { name: 'Events per type' })
    await expect.poll(() => counts.innerText(), POLL).toMatch(/meeting\.started\s*2/)
    await ui.harness.screenshot('ui-events-02-live-list')
    await expectAccessible(page, 'events (live list)')
  })

  it('filters by type, and opens an event checked against Zoom’s schema', async () => {
    const { page } = ui
    await page.getByLabel('Type', { exact: true }).selectOption('user.created')
    const list = page.getByRole('grid', { name: 'Events' })
    await expect.poll(() => list.getByRole('row').count(), POLL).toBe(1)
    await list.getByRole('row').first().click()
    const drawer = page.getByRole('dialog', { name: 'user.created' })
    await expect.poll(() => drawer.innerText(), POLL).toContain('Matches Zoom’s schema for user.created')
    expect(JSON.parse(await drawer.getByLabel('Event as JSON').innerText())).toMatchObject({ event: 'user.created', payload: { account_id: ui.zoom.accountId } })
    await ui.harness.screenshot('ui-events-03-detail')
    await expectAccessible(page, 'events (detail)')
    await page.keyboard.press('Escape')
    await page.getByLabel('Type', { exact: true }).selectOption('')
  })

  it('comes back after the connection drops', async () => {
    ui.zoom.events.drop()
    await expect.poll(() => ui.zoom.events.info().accepted, POLL).toBe(2)
    await expect.poll(() => state().innerText(), POLL).toMatch(/^Open for/)
  })

  it('says the subscription was taken over by another client, and stops', async () => {
    const { page } = ui
    // The token, as the user can get it: Copy access token writes main's clipboard.
    await value(page, 'auth.copyToken', { profileId: (await value(page, 'profiles.list'))[0]!.id })
    const token = { accessToken: ui.harness.clipboard.text }
    const other = new WebSocket(`${ui.zoom.url.replace('http:', 'ws:')}/ws?subscriptionId=${ui.zoom.events.info().subscriptionId}&access_token=${token.accessToken}`)
    await new Promise((resolve) => other.once('open', resolve))
    await expect.poll(() => state().innerText(), POLL).toMatch(/^Taken over — Another client connected/)
    expect(await page.getByRole('button', { name: 'Connect events' }).isEnabled()).toBe(true)
    await ui.harness.screenshot('ui-events-04-taken-over')
    other.close()
  })

  it('never lets a token reach the page, the bridge or a log line', async () => {
    expect(findCanaries(await ui.page.content(), [SANDBOX_TOKEN_PREFIX])).toEqual([])
    expect(findCanaries(ui.harness.bridgeTranscript.join('\n'), [SANDBOX_TOKEN_PREFIX])).toEqual([])
    expect(findCanaries(ui.harness.logs.records.map((r) => JSON.stringify(r)).join('\n'), [SANDBOX_TOKEN_PREFIX])).toEqual([])
  })
})
