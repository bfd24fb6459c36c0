// An EventSocket over manual time and a fake socket factory (no network, no sleeps): each socket
// the EventSocket opens is recorded with its handlers, so a test plays Zoom's side of it.
import { EventSocket, type SocketHandlers } from '../../../main/events/event-socket'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { ManualTime } from '../../fakes/manual-time'

export interface FakeSocket {
  url: string
  handlers: SocketHandlers
  sent: string[]
  closed: boolean
}

/** `tokens`: the answer to the n-th token request (default: a new token valid for an hour). */
export function fakeSocketSetup(options: { tokens?: (n: number, opts: unknown) => Promise<{ accessToken: string; expiresAt: number }> } = {}) {
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
