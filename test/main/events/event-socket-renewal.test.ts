// The event socket's token renewal: a renewal that keeps failing backs off.
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
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

describe('event socket token renewal failures', () => {
  it('retries a failing renewal with a growing backoff, not every second', async () => {
    const { socket, sockets, flush, time, tokenCalls } = setup({
      tokens: (n) => (n === 1 ? Promise.resolve({ accessToken: 'tok1', expiresAt: Date.UTC(2026, 0, 15, 13, 0, 0) }) : Promise.reject(new AppError('AUTH_TOKEN_ENDPOINT', 'Zoom’s token endpoint answered 503'))),
    })
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    // The renewal is due 6 minutes before expiry; then the token endpoint fails for a minute.
    time.advance(3600_000 - 6 * 60_000)
    await flush()
    expect(tokenCalls()).toBe(2)
    for (let s = 0; s < 60; s++) {
      time.advance(1_000)
      await flush()
    }
    // 1 s, 2 s, 4 s, 8 s, 16 s, 32 s: at most 6 more attempts in a minute, not one a second.
    expect(tokenCalls() - 2).toBeLessThanOrEqual(6)
    expect(socket.status().state).toBe('open')
    socket.stop()
  })
})
