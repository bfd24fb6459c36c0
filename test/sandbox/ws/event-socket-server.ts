// Zoom's event WebSocket, as the sandbox serves it at /ws?subscriptionId=…&access_token=….
//
// Documented by Zoom (developers.zoom.us/docs/api/websockets) and followed here:
//   - the subscription ID and the access token are query parameters of the socket URL;
//   - the client sends `{"module":"heartbeat"}` (every 30 s) to keep the connection alive;
//   - events are delivered while the connection is open, and only then.
// Not documented, and the sandbox's choices (the app's README lists them too):
//   - an event frame is `{"module":"message","content":"<event JSON as a string>"}`, the shape
//     Zoom's servers send and its sample prints;
//   - a heartbeat is answered with `{"module":"heartbeat","success":true}`;
//   - an unknown subscription is refused with HTTP 404 at the upgrade; a missing, invalid or
//     expired token with HTTP 401;
//   - one connection per subscription: a second connection takes over and the first is closed
//     with code 4409 "connection taken over by another client";
//   - an open connection whose token expires is closed with code 4401 "access token expired"
//     (checked when the sandbox clock moves, at each heartbeat and before each event).
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import type { SandboxContext } from '../context'
import { hash2, idFrom } from '../hash'
import { eventTypes, generateEvent, pickEventType } from './event-factory'

export const TAKEN_OVER = { code: 4409, reason: 'connection taken over by another client' } as const
export const TOKEN_EXPIRED = { code: 4401, reason: 'access token expired' } as const

export interface EventSocketInfo {
  /** The sandbox's event subscription (one per sandbox, for every app). */
  subscriptionId: string
  /** Open connections. */
  connections: number
  /** Connections accepted since start (a reconnect counts again). */
  accepted: number
  /** Heartbeats received. */
  heartbeats: number
  /** Events delivered. */
  delivered: number
  /** Connections refused at the upgrade, by HTTP status. */
  refused: Record<string, number>
}

interface Connection {
  socket: WebSocket
  token: string
}

export interface EventSocketControl {
  info(): EventSocketInfo
  /** Sends events to the open connection: named types, or `count` types picked from the seed. Returns the events sent. */
  emit(input: { types?: string[]; count?: number }): Record<string, unknown>[]
  /** Sends `count` events every `everyMs` (0 stops). */
  schedule(input: { everyMs: number; types?: string[] }): void
  /** Fault: the connection drops without a close frame (the client sees code 1006). */
  drop(): number
  /** Closes connections whose token expired by the sandbox clock; returns how many. */
  closeExpired(): number
  /** Every event type the sandbox can send (Zoom's 534). */
  types(): string[]
}

export function attachEventSockets(server: Server, ctx: SandboxContext): EventSocketControl & { close(): void } {
  const subscriptionId = idFrom(ctx.seed, hash2(0xe7e7, 16), 22)
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  let current: Connection | undefined
  let sequence = 0
  let timer: NodeJS.Timeout | undefined
  const info = { accepted: 0, heartbeats: 0, delivered: 0, refused: {} as Record<string, number> }

  const refuse = (socket: Duplex, status: number, message: string) => {
    info.refused[status] = (info.refused[status] ?? 0) + 1
    const body = JSON.stringify({ code: status, message })
    socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Unauthorized'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  }

  const expired = (token: string) => {
    const result = ctx.grants.authenticate(token)
    return !result.ok
  }

  const closeExpired = (): number => {
    if (current && expired(current.token)) {
      current.socket.close(TOKEN_EXPIRED.code, TOKEN_EXPIRED.reason)
      current = undefined
      return 1
    }
    return 0
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    if (url.pathname !== '/ws') return refuse(socket, 404, 'Not found.')
    if (url.searchParams.get('subscriptionId') !== subscriptionId) return refuse(socket, 404, 'Subscription not found.')
    const token = url.searchParams.get('access_token') ?? ''
    const auth = ctx.grants.authenticate(token)
    if (!auth.ok) return refuse(socket, 401, auth.expired ? 'Access token is expired.' : 'Invalid access token.')
    wss.handleUpgrade(req, socket, head, (ws) => {
      const previous = current
      const connection: Connection = { socket: ws, token }
      current = connection
      info.accepted++
      if (previous) previous.socket.close(TAKEN_OVER.code, TAKEN_OVER.reason)
      ws.on('message', (data, isBinary) => {
        if (isBinary) return
        let frame: unknown
        try {
          frame = JSON.parse(data.toString())
        } catch {
          return
        }
        if ((frame as { module?: unknown } | null)?.module !== 'heartbeat') return
        info.heartbeats++
        if (current === connection && expired(token)) {
          closeExpired()
          return
        }
        ws.send(JSON.stringify({ module: 'heartbeat', success: true }))
      })
      ws.on('close', () => {
        if (current === connection) current = undefined
      })
    })
  })

  const emit = (input: { types?: string[]; count?: number }): Record<string, unknown>[] => {
    closeExpired()
    const types = input.types && input.types.length > 0 ? input.types : Array.from({ length: Math.max(1, input.count ?? 1) }, (_, i) => pickEventType(ctx.seed, sequence + i))
    const sent: Record<string, unknown>[] = []
    for (const type of types) {
      const event = generateEvent(type, { seed: ctx.seed, sequence: sequence++, accountId: ctx.users.accountId, now: ctx.clock.now() })
      if (current?.socket.readyState === WebSocket.OPEN) {
        current.socket.send(JSON.stringify({ module: 'message', content: JSON.stringify(event) }))
        info.delivered++
      }
      sent.push(event)
    }
    return sent
  }

  return {
    info: () => ({ subscriptionId, connections: current ? 1 : 0, ...info, refused: { ...info.refused } }),
    emit,
    schedule({ everyMs, types }) {
      if (timer) clearInterval(timer)
      timer = undefined
      if (everyMs <= 0) return
      eventTypes() // throws "not emulated" now, not later inside the timer, when Zoom's event files are absent
      timer = setInterval(() => {
        try {
          emit(types ? { types: [pickEventType(ctx.seed, sequence, types)] } : { count: 1 })
        } catch (error) {
          console.error('zoom sandbox: a scheduled event failed', error)
        }
      }, everyMs)
      timer.unref()
    },
    drop() {
      if (!current) return 0
      current.socket.terminate()
      current = undefined
      return 1
    },
    closeExpired,
    types: eventTypes,
    close() {
      if (timer) clearInterval(timer)
      for (const client of wss.clients) client.terminate()
      wss.close()
    },
  }
}
