// Token renewal swaps sockets: an event Zoom delivered on the old one must not be lost.
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

const frame = (event: string) => JSON.stringify({ module: 'message', content: JSON.stringify({ event, event_ts: 1, payload: {} }) })

describe('event socket renewal hand-over', () => {
  it('keeps an event that reached the old socket after the new one opened, before the old one closed', async () => {
    const { socket, sockets, flush, time, events } = setup()
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    time.advance(3600_000 - 6 * 60_000)
    await flush()
    expect(sockets).toHaveLength(2)
    sockets[1]!.handlers.open()
    // Frames Zoom sent on the old socket before it switched are still being read when it is closed.
    sockets[0]!.handlers.message(frame('meeting.started'))
    sockets[0]!.handlers.close(1000, 'client closing')
    sockets[1]!.handlers.message(frame('meeting.ended'))
    expect(events.map((e) => (e as { event: string }).event)).toEqual(['meeting.started', 'meeting.ended'])
    socket.stop()
  })
})
