// The sandbox's Zoom event WebSocket, spoken to directly (raw ws client, admin hooks over HTTP).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startSandbox, type Sandbox } from './index'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR, eventTypes, generateEvent } from './ws/event-factory'

async function s2sToken(zoom: Sandbox): Promise<string> {
  const { accountId, clientId, clientSecret } = zoom.apps.s2s
  const response = await fetch(`${zoom.url}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
  })
  return ((await response.json()) as { access_token: string }).access_token
}

function open(url: string): Promise<{ socket: WebSocket; frames: unknown[]; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    const frames: unknown[] = []
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: reason.toString() })))
    socket.on('message', (data) => frames.push(JSON.parse(data.toString())))
    socket.once('open', () => resolve({ socket, frames, closed }))
    socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error('refused'), { status: res.statusCode })))
  })
}

const nextFrame = (socket: WebSocket) => new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))))

describe.skipIf(!WEBHOOKS_AVAILABLE)(`sandbox event socket (needs ${WEBHOOKS_DIR})`, () => {
  let zoom: Sandbox
  let base: string
  beforeEach(async () => {
    zoom = await startSandbox({ seed: 21, users: 10 })
    base = `${zoom.url.replace('http:', 'ws:')}/ws?subscriptionId=${zoom.events.info().subscriptionId}`
  })
  afterEach(async () => {
    await zoom.close()
  })

  it('makes any of the 534 event types, the same ones for the same seed', () => {
    expect(eventTypes()).toHaveLength(534)
    const at = { seed: 21, sequence: 4, accountId: 'acc', now: Date.UTC(2026, 0, 1) }
    expect(generateEvent('recording.completed', at)).toEqual(generateEvent('recording.completed', at))
    expect(generateEvent('recording.completed', at)).not.toEqual(generateEvent('recording.completed', { ...at, seed: 22 }))
  })

  it('refuses an unknown subscription (404) and a bad or expired token (401) at the upgrade', async () => {
    await expect(open(`${zoom.url.replace('http:', 'ws:')}/ws?subscriptionId=nope&access_token=${await s2sToken(zoom)}`)).rejects.toMatchObject({ status: 404 })
    await expect(open(`${base}&access_token=not-a-token`)).rejects.toMatchObject({ status: 401 })
    const token = await s2sToken(zoom)
    zoom.advanceClock(3600_000)
    await expect(open(`${base}&access_token=${token}`)).rejects.toMatchObject({ status: 401 })
  })

  it('answers heartbeats, and delivers events as {"module":"message","content":"<event JSON>"}', async () => {
    const { socket } = await open(`${base}&access_token=${await s2sToken(zoom)}`)
    const reply = nextFrame(socket)
    socket.send(JSON.stringify({ module: 'heartbeat' }))
    expect(await reply).toEqual({ module: 'heartbeat', success: true })

    const event = nextFrame(socket)
    const admin = await fetch(`${zoom.url}/__admin/events/emit`, { method: 'POST', body: JSON.stringify({ types: ['user.created'] }) })
    const sent = ((await admin.json()) as { events: unknown[] }).events[0]
    const frame = (await event) as { module: string; content: string }
    expect(frame.module).toBe('message')
    expect(JSON.parse(frame.content)).toEqual(sent)
    expect(sent).toMatchObject({ event: 'user.created', payload: { account_id: zoom.accountId } })
    socket.close()
  })

  it('closes the first connection when a second one takes the subscription over', async () => {
    const first = await open(`${base}&access_token=${await s2sToken(zoom)}`)
    await open(`${base}&access_token=${await s2sToken(zoom)}`)
    expect(await first.closed).toEqual({ code: 4409, reason: 'connection taken over by another client' })
    expect(zoom.events.info()).toMatchObject({ connections: 1, accepted: 2 })
  })

  it('closes the connection when its token expires, and drops it on request', async () => {
    const first = await open(`${base}&access_token=${await s2sToken(zoom)}`)
    zoom.advanceClock(3600_000)
    expect(await first.closed).toEqual({ code: 4401, reason: 'access token expired' })
    const second = await open(`${base}&access_token=${await s2sToken(zoom)}`)
    const dropped = await fetch(`${zoom.url}/__admin/events/drop`, { method: 'POST' })
    expect(await dropped.json()).toEqual({ dropped: 1 })
    expect((await second.closed).code).toBe(1006)
  })
})
