// Heartbeats: a socket whose heartbeats Zoom stopped answering is dead, not open.
import { describe, expect, it } from 'vitest'
// --- a fake socket factory over manual time (no network, no sleeps) ---
import { EventSocket, type SocketHandlers } from '../../../main/events/event-socket'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { ManualTime } from '../../fakes/manual-time'

interface FakeSocket {
  url: string
  handlers: SocketHandlers
  sent: string[]
  closed: boolean
}

function setup(options: { tokens?: (n: number, opts: unknown) => Promise<{ accessToken: string; expiresAt: number }> } = {}) {
  const time = new ManualTime()
  const sockets: FakeSocket[] = []
  const events: unknown[] = []
  let tokenCalls = 0
  const socket = new EventSocket({
    profileId: 'p1',
    subscriptionId: 'sub1',
    baseUrl: () => 'wss://ws.zoom.us/ws',
    tokens: {
      getAccessToken: (_id: string, opts?: unknown) => {
        tokenCalls++
        return options.tokens ? options.tokens(tokenCalls, opts) : Promise.resolve({ accessToken: `tok${tokenCalls}`, expiresAt: time.now() + 3600_000 })
      },
    } as never,
    factory: (url, handlers) => {
      const s: FakeSocket = { url, handlers, sent: [], closed: false }
      sockets.push(s)
      return { send: (text) => s.sent.push(text), close: () => void (s.closed = true) }
    },
    clock: time,
    scheduler: time,
    log: createLogger(memoryLogSink(), 'events'),
    renewAheadMs: () => 6 * 60_000,
    onEvent: (body) => events.push(body),
    onState: () => {},
    random: () => 1,
  })
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve()
  }
  return { time, sockets, events, socket, flush, tokenCalls: () => tokenCalls }
}

describe('event socket heartbeat replies', () => {
  it('reconnects when Zoom, which answered heartbeats, stops answering them (a half-open socket)', async () => {
    const { socket, sockets, flush, time } = setup()
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    time.advance(30_000)
    expect(sockets[0]!.sent).toEqual(['{"module":"heartbeat"}'])
    sockets[0]!.handlers.message('{"module":"heartbeat","success":true}')
    // The network goes away without a close (sleep, NAT timeout): no reply, no close, for 10 minutes.
    time.advance(10 * 60_000)
    await flush()
    expect(sockets[0]!.sent.length).toBeGreaterThan(2)
    expect(socket.status().state).not.toBe('open')
    expect(sockets.length).toBeGreaterThan(1)
    socket.stop()
  })

  it('keeps a socket whose server never answers heartbeats (Zoom documents no reply)', async () => {
    const { socket, sockets, flush, time } = setup()
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    time.advance(10 * 60_000)
    expect(socket.status().state).toBe('open')
    socket.stop()
  })
})
