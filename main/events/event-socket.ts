// One connection's Zoom event socket: open it with a fresh token, keep it alive, bring it back.
//
// What Zoom documents (developers.zoom.us/docs/api/websockets, and its sample
// github.com/zoom/websocket-js-sample):
//   - connect to the subscription's endpoint URL with `&access_token=…` appended;
//   - send `{"module":"heartbeat"}` every 30 seconds to keep the connection alive;
//   - events arrive while the socket is open; what happens while it is closed is not delivered.
// What Zoom does not document, and what we chose (also in the README):
//   - frames: events come as `{"module":"message","content":"<the event's JSON>"}` (the shape
//     Zoom's servers send and its sample prints); a heartbeat reply is `{"module":"heartbeat",…}`;
//     other modules are ignored;
//   - one connection per subscription: when Zoom closes our socket because another client
//     connected (close reason naming another/duplicate connection, or code 4409 as the sandbox
//     sends it), we say "taken over" and stop: retrying would take it back and start a tug of war;
//   - an upgrade refused with 401/403, or a close naming the token, means the token: one forced
//     renewal and one new attempt; refused again, the state is 'error' and we stop;
//   - other drops reconnect with exponential backoff and jitter (main/net/backoff.ts);
//   - the token is renewed before it expires and the socket reopened with the new one: the new
//     socket is opened first and the old one closed once it is replaced, so the gap is short.
import { AppError, isAppError, type BridgeError } from '../../common/errors'
import type { EventsStatus, EventSocketState } from '../../common/contract/events-subscription'
import { readableText } from '../auth/readable-text'
import type { Logger } from '../log/logger'
import type { Clock, Scheduler } from '../ports'
import type { AccessToken, AccessTokenOptions } from '../net/token-port'
import { backoffDelay, type BackoffPolicy } from '../net/backoff'
import { socketUrlWithToken } from './socket-url'

export const HEARTBEAT_INTERVAL_MS = 30_000
/** Close code our sandbox uses for "another connection took this subscription". */
export const TAKEN_OVER_CLOSE_CODE = 4409
/** Close code our sandbox uses for "the access token expired". */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401
/** A socket counts as up (its backoff and token retry start over) once it stayed open this long. */
export const STABLE_OPEN_MS = 60_000

export interface SocketHandlers {
  open(): void
  message(text: string): void
  close(code: number, reason: string): void
  /** The upgrade was answered with an HTTP status instead of 101. */
  rejected(httpStatus: number): void
  /** A transport failure, as a short code (never a message that could hold the URL). */
  error(code: string): void
}

export interface SocketConnection {
  send(text: string): void
  close(code?: number, reason?: string): void
}

/** Opens a WebSocket to `url` (which holds the access token: never log or keep it). */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketConnection

export interface EventSocketDeps {
  profileId: string
  subscriptionId: string
  /** The socket's base URL (no query), checked against the profile's allowlist at every attempt; throws AppError when it may not be used. */
  baseUrl: () => string
  tokens: { getAccessToken(profileId: string, options?: AccessTokenOptions): Promise<AccessToken> }
  factory: SocketFactory
  clock: Clock
  scheduler: Scheduler
  log: Logger
  /** How long before the token's expiry it is renewed and the socket reopened. */
  renewAheadMs: () => number
  onEvent(body: unknown, receivedAt: number): void
  onState(): void
  backoff?: Partial<BackoffPolicy>
  random?: () => number
  heartbeatIntervalMs?: number
}

const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000 }
const TAKE_OVER_REASON = /another (client|connection)|taken over|replaced by|duplicate connection|new connection/i
const TOKEN_REASON = /token|expired|unauthori[sz]ed|auth/i

/** One socket attempt: set once the factory returned it. */
interface Live {
  connection?: SocketConnection
  opened: boolean
  accessToken: string
  /** When Zoom last answered a heartbeat on this socket (undefined: it never did). */
  answeredAt?: number
  /** Replaced by a socket with a renewed token and being closed: what it still delivers is kept. */
  retired?: boolean
}

export class EventSocket {
  private state: EventSocketState = 'idle'
  private openSince: number | undefined
  private retryAt: number | undefined
  private attempt = 0
  private reason: string | undefined
  private error: BridgeError | undefined
  private lastHeartbeatAt: number | undefined
  private generation = 0
  private current: Live | undefined
  /** A socket being opened to replace `current` (token renewal). */
  private next: Live | undefined
  private cancelTimers: (() => void)[] = []
  private stopped = true
  /** A forced token renewal already happened for this run of failures. */
  private tokenRetried = false
  /** Renewals that failed in a row while the current socket stays open (their own backoff). */
  private renewFailures = 0
  private readonly policy: BackoffPolicy

  constructor(private readonly deps: EventSocketDeps) {
    this.policy = { ...DEFAULT_BACKOFF, ...deps.backoff }
  }

  status(): Omit<EventsStatus, 'profileId' | 'received' | 'counts' | 'datasetId'> {
    return {
      state: this.state,
      attempt: this.attempt,
      ...(this.openSince !== undefined && this.state === 'open' ? { openSince: this.openSince } : {}),
      ...(this.retryAt !== undefined && this.state === 'reconnecting' ? { retryAt: this.retryAt } : {}),
      ...(this.reason !== undefined ? { reason: this.reason } : {}),
      ...(this.error !== undefined ? { error: this.error } : {}),
      ...(this.lastHeartbeatAt !== undefined ? { lastHeartbeatAt: this.lastHeartbeatAt } : {}),
    }
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.attempt = 0
    this.tokenRetried = false
    this.error = undefined
    this.reason = undefined
    void this.open({})
  }

  /** Closes the socket for good (the person pressed Disconnect, or the connection went away). */
  stop(reason = 'Disconnected'): void {
    this.stopped = true
    this.clearTimers()
    this.closeLive(this.next, 1000, 'client disconnect')
    this.closeLive(this.current, 1000, 'client disconnect')
    this.next = undefined
    this.current = undefined
    this.setState('closed', reason)
  }

  private async open(tokenOptions: AccessTokenOptions, replacing = false): Promise<void> {
    if (this.stopped) return
    if (!replacing) this.setState('connecting', this.reason)
    const generation = ++this.generation
    let token: AccessToken
    let baseUrl: string
    try {
      baseUrl = this.deps.baseUrl()
      token = await this.deps.tokens.getAccessToken(this.deps.profileId, tokenOptions)
    } catch (error) {
      if (this.stopped || generation !== this.generation) return
      if (replacing && this.current?.opened) {
        this.deps.log.warn('event socket: the token could not be renewed yet; the current socket stays', { profileId: this.deps.profileId, code: isAppError(error) ? error.code : 'INTERNAL' })
        this.cancelTimers.push(this.deps.scheduler.setTimeout(() => void this.renew(), this.renewDelay()))
        return
      }
      return this.failed(isAppError(error) ? error : new AppError('INTERNAL', 'Could not get an access token for the event socket'))
    }
    if (this.stopped || generation !== this.generation) return
    const live: Live = { opened: false, accessToken: token.accessToken }
    const mine = () => !this.stopped && (this.current === live || this.next === live)
    live.connection = this.deps.factory(socketUrlWithToken(baseUrl, this.deps.subscriptionId, token.accessToken), {
      open: () => {
        if (!mine()) return
        live.opened = true
        const previous = this.current
        this.current = live
        this.next = undefined
        if (previous && previous !== live) {
          previous.retired = true
          this.closeLive(previous, 1000, 'token renewed')
        }
        this.opened(token)
      },
      message: (text) => {
        // Events Zoom sent on the old socket before switching to the new one are still events.
        if (mine() || (live.retired && !this.stopped)) this.received(text, live)
      },
      close: (code, reason) => {
        if (!mine()) return
        this.lost(live, { code, reason })
      },
      rejected: (httpStatus) => {
        if (!mine()) return
        this.lost(live, { httpStatus })
      },
      error: (code) => {
        if (!mine()) return
        this.lost(live, { transport: code })
      },
    })
    if (replacing) this.next = live
    else this.current = live
  }

  private opened(token: AccessToken): void {
    this.clearTimers()
    this.renewFailures = 0
    // The backoff and the token retry start over only once the socket stayed up: one Zoom accepts
    // and closes at once must not reopen in a tight loop.
    this.cancelTimers.push(
      this.deps.scheduler.setTimeout(() => {
        this.attempt = 0
        this.tokenRetried = false
      }, STABLE_OPEN_MS),
    )
    this.error = undefined
    this.reason = undefined
    this.openSince = this.deps.clock.now()
    this.setState('open')
    this.deps.log.info('event socket open', { profileId: this.deps.profileId })
    this.scheduleHeartbeat()
    // Renew the token before Zoom stops accepting it, and reopen with the new one.
    const renewIn = Math.max(1_000, token.expiresAt - this.deps.renewAheadMs() - this.deps.clock.now())
    this.cancelTimers.push(this.deps.scheduler.setTimeout(() => void this.renew(), renewIn))
  }

  private scheduleHeartbeat(): void {
    const interval = this.deps.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS
    const beat = () => {
      if (this.stopped || !this.current?.opened) return
      const live = this.current
      // A server that answered heartbeats and stopped answering them is gone (a half-open socket
      // after sleep or a NAT timeout): no close will come, so reconnect rather than show it open.
      if (live.answeredAt !== undefined && this.deps.clock.now() - live.answeredAt > 2 * interval) {
        this.lost(live, { transport: 'HEARTBEAT_TIMEOUT' })
        return
      }
      try {
        this.current.connection?.send(JSON.stringify({ module: 'heartbeat' }))
      } catch {
        // A socket closing under us reports through its close handler.
      }
      this.cancelTimers.push(this.deps.scheduler.setTimeout(beat, interval))
    }
    this.cancelTimers.push(this.deps.scheduler.setTimeout(beat, interval))
  }

  private async renew(): Promise<void> {
    if (this.stopped || this.state !== 'open' || !this.current) return
    this.deps.log.info('event socket: renewing the token and reopening', { profileId: this.deps.profileId })
    // The token manager renews when the cached token is inside its refresh window; force it when
    // the cached one is still the socket's (the window is shorter than ours).
    await this.open({ forceRefresh: true, rejectedToken: this.current.accessToken }, true)
  }

  private received(text: string, live: Live): void {
    let frame: unknown
    try {
      frame = JSON.parse(text)
    } catch {
      this.deps.log.warn('event socket: a frame that is not JSON was ignored', { profileId: this.deps.profileId, bytes: text.length })
      return
    }
    if (frame === null || typeof frame !== 'object') return
    const { module, content } = frame as { module?: unknown; content?: unknown }
    if (module === 'heartbeat') {
      this.lastHeartbeatAt = this.deps.clock.now()
      live.answeredAt = this.lastHeartbeatAt
      this.deps.onState()
      return
    }
    if (module !== 'message') return
    let body: unknown = content
    if (typeof content === 'string') {
      try {
        body = JSON.parse(content)
      } catch {
        this.deps.log.warn('event socket: an event whose content is not JSON was ignored', { profileId: this.deps.profileId })
        return
      }
    }
    if (body !== null && typeof body === 'object') this.deps.onEvent(body, this.deps.clock.now())
  }

  private lost(live: Live, why: { code?: number; reason?: string; httpStatus?: number; transport?: string }): void {
    const wasReplacement = this.next === live
    if (wasReplacement) this.next = undefined
    else this.current = undefined
    this.closeLive(live, 1000, 'client closing')
    // A failed replacement while the old socket still runs: keep the old one, retry the renewal later.
    if (wasReplacement && this.current?.opened) {
      this.deps.log.warn('event socket: reopening with a renewed token failed; the current socket stays', { profileId: this.deps.profileId, ...describe(why) })
      this.cancelTimers.push(this.deps.scheduler.setTimeout(() => void this.renew(), this.renewDelay()))
      return
    }
    if (this.next) return
    this.clearTimers()
    this.openSince = undefined
    this.deps.log.info('event socket closed', { profileId: this.deps.profileId, ...describe(why) })

    if ((why.code === TAKEN_OVER_CLOSE_CODE || TAKE_OVER_REASON.test(why.reason ?? '')) && live.opened) {
      this.stopped = true
      this.setState('taken-over', 'Another client connected to this event subscription; Zoom allows one connection per subscription.')
      return
    }
    const tokenProblem = why.httpStatus === 401 || why.httpStatus === 403 || why.code === TOKEN_EXPIRED_CLOSE_CODE || (why.code !== undefined && why.code >= 4000 && TOKEN_REASON.test(why.reason ?? ''))
    if (tokenProblem) {
      if (this.tokenRetried && !live.opened) {
        return this.failed(
          new AppError('ZOOM_UNAUTHORIZED', `Zoom refused the event socket${why.httpStatus ? ` (HTTP ${why.httpStatus})` : ''} with a fresh token. Check the subscription ID and that the event subscription uses the WebSocket method.`, {
            ...(why.httpStatus ? { httpStatus: why.httpStatus } : {}),
          }),
        )
      }
      // Already renewed once in this run of failures: wait a backoff before the next attempt.
      if (this.tokenRetried) return this.scheduleReconnect(describeReason(why))
      this.tokenRetried = true
      this.attempt++
      this.setState('connecting', 'The access token was refused or expired; connecting with a new one')
      void this.open({ forceRefresh: true, rejectedToken: live.accessToken })
      return
    }
    if (why.httpStatus === 404) {
      return this.failed(new AppError('NOT_FOUND', 'Zoom does not know this subscription ID (HTTP 404). Copy it again from the event subscription in the Marketplace.', { httpStatus: 404 }))
    }
    this.scheduleReconnect(describeReason(why))
  }

  private failed(error: AppError): void {
    this.clearTimers()
    this.error = error.toBridge()
    const retryable = ['NETWORK', 'TIMEOUT', 'AUTH_TOKEN_ENDPOINT', 'ZOOM_SERVER_ERROR', 'ZOOM_RATE_LIMITED'].includes(error.code)
    if (retryable && !this.stopped) {
      this.scheduleReconnect(error.message)
      return
    }
    this.stopped = true
    this.setState('error', error.message)
  }

  /** Doubles with each renewal that failed in a row (the socket stays open meanwhile). */
  private renewDelay(): number {
    return backoffDelay(this.policy, ++this.renewFailures, this.deps.random)
  }

  private delay(): number {
    return backoffDelay(this.policy, Math.max(1, this.attempt), this.deps.random)
  }

  private scheduleReconnect(reason: string): void {
    if (this.stopped) return
    this.attempt++
    const wait = this.delay()
    this.retryAt = this.deps.clock.now() + wait
    this.setState('reconnecting', reason)
    this.cancelTimers.push(
      this.deps.scheduler.setTimeout(() => {
        this.retryAt = undefined
        void this.open({})
      }, wait),
    )
  }

  private setState(state: EventSocketState, reason?: string): void {
    this.state = state
    this.reason = reason
    this.deps.onState()
  }

  private clearTimers(): void {
    for (const cancel of this.cancelTimers.splice(0)) cancel()
  }

  private closeLive(live: Live | undefined, code: number, reason: string): void {
    if (!live) return
    try {
      live.connection?.close(code, reason)
    } catch {
      // already closed
    }
  }
}

function describe(why: { code?: number; reason?: string; httpStatus?: number; transport?: string }): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  if (why.code !== undefined) out.code = why.code
  if (why.reason) out.reason = readableText(why.reason, 120)
  if (why.httpStatus !== undefined) out.httpStatus = why.httpStatus
  if (why.transport) out.transport = why.transport
  return out
}

function describeReason(why: { code?: number; reason?: string; httpStatus?: number; transport?: string }): string {
  if (why.httpStatus !== undefined) return `Zoom answered the connection with HTTP ${why.httpStatus}`
  if (why.transport) return `Network error (${why.transport})`
  return `The connection closed (code ${why.code ?? 1006}${why.reason ? `: ${readableText(why.reason, 120)}` : ''})`
}
