// The event socket end to end in main: the real core (router, token manager, vault, datasets)
// against the sandbox's Zoom event WebSocket.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'
import { createEventsHarness, type EventsHarness } from './events-harness'

const HOUR = 3600_000

describe.skipIf(!WEBHOOKS_AVAILABLE)(`Zoom event socket (needs ${WEBHOOKS_DIR})`, () => {
  let h: EventsHarness
  let profileId: string

  beforeEach(async () => {
    h = await createEventsHarness()
    profileId = await h.s2sProfile()
  })
  afterEach(async () => {
    await h.close()
  })

  async function connectAndOpen() {
    const open = h.nextStatus(profileId, (s) => s.state === 'open')
    const first = await h.call('events.connect', { profileId })
    expect(first.state).toBe('connecting')
    return open
  }

  it('connects with the subscription ID and the token, receives events and stores them in a dataset', async () => {
    const status = await connectAndOpen()
    expect(status.openSince).toBe(h.time.now())
    expect(h.sandbox.events.info()).toMatchObject({ connections: 1, accepted: 1 })

    h.sandbox.events.emit({ types: ['meeting.started', 'user.created'] })
    // The events cross a real socket: poll the status (bounded) until both are stored.
    await vi.waitFor(async () => expect((await h.call('events.status', { profileId })).received).toBe(2), { timeout: 10_000 })
    const after = await h.call('events.status', { profileId })
    expect(after.counts).toEqual({ 'meeting.started': 1, 'user.created': 1 })
    const datasetId = after.datasetId as string

    const rows = await h.call('data.rows', { datasetId, offset: 0, limit: 10 })
    expect(rows.columns).toEqual(['received_at', 'event', 'summary', 'schema_check'])
    expect(rows.rows.map((r) => r.cells[1])).toEqual(['meeting.started', 'user.created'])
    expect(rows.rows.map((r) => r.cells[3])).toEqual(['ok', 'ok'])
    // Filtered by type, like any dataset.
    const filtered = await h.call('data.rows', { datasetId, offset: 0, limit: 10, filter: { columns: { event: 'user.created' } } })
    expect(filtered.filteredTotal).toBe(1)
  })

  it('sends {"module":"heartbeat"} every 30 seconds and records Zoom’s reply', async () => {
    await connectAndOpen()
    const beat = h.nextStatus(profileId, (s) => s.lastHeartbeatAt !== undefined)
    h.time.advance(29_999)
    expect(h.sandbox.events.info().heartbeats).toBe(0)
    h.time.advance(1)
    const status = await beat
    expect(status.lastHeartbeatAt).toBe(h.time.now())
    expect(h.sandbox.events.info().heartbeats).toBe(1)
  })

  it('reconnects after a drop, waiting a backoff with jitter first', async () => {
    await connectAndOpen()
    const reconnecting = h.nextStatus(profileId, (s) => s.state === 'reconnecting')
    expect(h.sandbox.events.drop()).toBe(1)
    const waiting = await reconnecting
    const wait = (waiting.retryAt as number) - h.time.now()
    // Backoff from 1 s, half fixed and half random.
    expect(wait).toBeGreaterThanOrEqual(500)
    expect(wait).toBeLessThanOrEqual(1_000)
    expect(h.sandbox.events.info().accepted).toBe(1)
    const open = h.nextStatus(profileId, (s) => s.state === 'open')
    h.time.advance(wait)
    await open
    expect(h.sandbox.events.info()).toMatchObject({ accepted: 2, connections: 1 })
  })

  it('renews the token before it expires and reopens the socket with the new one', async () => {
    await connectAndOpen()
    const minted = h.sandbox.stats().tokenRequests.account_credentials ?? 0
    // The sandbox's tokens last 3599 s; the socket renews a minute before the token manager's 5-minute window.
    const reopened = h.fakes.events.next('events.status', (s) => s.profileId === profileId && s.state === 'open' && (s.openSince ?? 0) > 0 && h.sandbox.events.info().accepted === 2)
    h.time.advance(3599_000 - 6 * 60_000)
    await reopened
    expect(h.sandbox.stats().tokenRequests.account_credentials).toBe(minted + 1)
    // The new socket replaced the old one: still one connection, and the app did not see a take-over.
    expect(h.sandbox.events.info().connections).toBe(1)
    expect((await h.call('events.status', { profileId })).state).toBe('open')
  })

  it('gets a new token and reconnects when Zoom closes the socket because the token expired', async () => {
    await connectAndOpen()
    const reconnect = h.nextStatus(profileId, (s) => s.state === 'connecting' && s.reason !== undefined)
    const open = h.nextStatus(profileId, (s) => s.state === 'open')
    // Only Zoom's clock moves (the app's renewal timer does not fire): Zoom closes the socket.
    expect(h.sandbox.events.closeExpired()).toBe(0)
    h.sandbox.advanceClock(HOUR)
    expect(h.sandbox.events.info().connections).toBe(0)
    expect((await reconnect).reason).toMatch(/token/i)
    await open
    expect(h.sandbox.events.info()).toMatchObject({ accepted: 2, connections: 1 })
  })

  it('says "taken over" and stops when another client connects to the subscription', async () => {
    await connectAndOpen()
    const takenOver = h.nextStatus(profileId, (s) => s.state === 'taken-over')
    const token = await h.core.credentials.tokens.getAccessToken(profileId)
    const other = new WebSocket(`${h.sandbox.url.replace('http', 'ws')}/ws?subscriptionId=${h.sandbox.events.info().subscriptionId}&access_token=${token.accessToken}`)
    await new Promise((resolve) => other.once('open', resolve))
    const status = await takenOver
    expect(status.reason).toMatch(/another client/i)
    h.time.advance(HOUR)
    expect(h.sandbox.events.info().accepted).toBe(2)
    other.close()
  })

  it('stops with an error when Zoom refuses the subscription ID', async () => {
    await h.call('events.saveConfig', { profileId, subscriptionId: 'NoSuchSubscription1234' })
    const failed = h.nextStatus(profileId, (s) => s.state === 'error')
    await h.call('events.connect', { profileId })
    const status = await failed
    expect(status.error?.code).toBe('NOT_FOUND')
    expect(h.sandbox.events.info().refused).toEqual({ 404: 1 })
  })

  it('disconnects on request and on vault lock', async () => {
    await connectAndOpen()
    expect((await h.call('events.disconnect', { profileId })).state).toBe('closed')
    await connectAndOpen()
    const closed = h.nextStatus(profileId, (s) => s.state === 'closed')
    await h.call('vault.lock', undefined)
    expect((await closed).reason).toMatch(/vault was locked/)
  })
})
