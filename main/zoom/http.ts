// One got instance per profile (DESIGN.md, "The Zoom client"). Every request of the profile —
// buffered API calls, the console's exact request, recording downloads — goes through it, so its
// hooks are the one security and rate boundary every byte to Zoom passes:
//   beforeRequest — refuses a URL outside the profile's allowlist before a socket is opened (this
//                   runs again for every redirect and retry; only a download's redirect may leave
//                   the allowlist, to Zoom's own download hosts over https, and then goes without
//                   credentials), paces the request through the account's rate limiter, and sets
//                   `Authorization: Bearer …`;
//   beforeRedirect — refuses any redirect from https to another scheme (plain http could be read
//                   and rewritten on the way);
//   handlers      — every answer, of every attempt, buffered or streamed, is told to the limiter
//                   (429s, X-RateLimit-*): got runs afterResponse hooks for promises only.
// Buffered and streamed requests differ only in the per-request options below. The one token
// refresh after a 401 refusing the token wraps both from outside (token-refresh.ts).
// Per-request state travels in `options.context.zoom` (got copies the context object shallowly,
// so this one object is shared by all attempts and redirects of a request).
import type { Readable } from 'node:stream'
import got, { type BeforeRequestHook, type Got, type HandlerFunction, type PlainResponse } from 'got'
import { AppError } from '../../common/errors'
import type { UrlChecker } from '../../common/zoom/allowlist'
import { httpsDowngrade } from '../net/public-text'
import type { RateCategory, RateFamily } from '../../common/zoom/rate-limits'
import type { Logger } from '../log/logger'
import { capDownload, type CancelableDownload } from '../net/capped-download'
import type { TokenProvider } from './ports'
import type { AccountRateLimiter } from './rate-limiter'
import { createCalculateDelay, type RetryPolicy } from './retry'

export interface CallState {
  /** Rate-limit bucket; `undefined` = not a Zoom API call (recording files): not paced. */
  family: RateFamily
  category: RateCategory | undefined
  /** The bearer sent last; undefined until the first attempt asks the token manager. */
  token: string | undefined
  /** The caller supplied its own Authorization header (console): never replaced, never refreshed. */
  ownAuthorization: boolean
  /**
   * Downloads: where a redirect may go beyond the allowlist (Zoom's download hosts), without
   * credentials. Undefined: a redirect stays within the allowlist.
   */
  redirectHosts: UrlChecker | undefined
  /** got followed a redirect for this request (set by beforeRedirect, read by beforeRequest). */
  redirected: boolean
  /**
   * The request's body read again from its start (a console form: files read from disk as they
   * are sent). A stream got has sent once is spent, so a redirect that keeps the body gets this.
   */
  freshBody?: (() => Readable) | undefined
  /** The one 401/124 refresh has been spent. */
  refreshed: boolean
  /** A buffered answer grew past the JSON cap and was dropped (set by the handler, read by the client). */
  tooLarge: boolean
  /** Times this request waited for the limiter or was answered 429. */
  waits: number
  /** The limiter's number for this attempt's send, until its answer says when it left. */
  send: number | undefined
  /** Told of a noticeable rate-limit wait (a 429's Retry-After, the limiter pausing after one), with its end (epoch ms). */
  onRateLimitWait?: (untilMs: number) => void
}

/** Waits shorter than this are ordinary pacing, not worth telling the person about. */
export const NOTICEABLE_WAIT_MS = 1_000

export interface ZoomTimeouts {
  connect: number
  /** Until the response headers arrive. */
  response: number
  /** Reading a JSON body, start to end (a stalled body fails with a timeout, then is retried). */
  read: number
  /** Downloads: the socket may be idle this long. */
  idle: number
}

export const DEFAULT_TIMEOUTS: ZoomTimeouts = { connect: 10_000, response: 30_000, read: 60_000, idle: 60_000 }

/**
 * A buffered JSON answer is held whole in memory before it is parsed: one page of Zoom's largest
 * lists is a few MB, so one far past that is not a page, and is dropped as it arrives rather than
 * read to the end. (Streamed requests, the console and downloads, cap or stream on their own.)
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024

export interface ProfileHttpEnv {
  profileId: string
  tokens: TokenProvider
  allowed: () => UrlChecker
  limiter: () => AccountRateLimiter | undefined
  retry: RetryPolicy
  timeouts: ZoomTimeouts
  log: Logger | undefined
  now: () => number
  /** Runs after the allowlist check, so nothing is resolved for a refused URL. */
  proxy?: BeforeRequestHook | undefined
  /** Largest buffered JSON answer (default MAX_JSON_BYTES). */
  maxJsonBytes?: number | undefined
}

/** The profile's got instance and the options that make a request buffered or streamed. */
export interface ProfileHttp {
  got: Got
  /** A JSON API call: the instance's defaults (got's retries, the whole body read within `read`). */
  buffered: { responseType: 'json' }
  /** The same, the body's bytes unparsed. */
  bufferedBytes: { responseType: 'buffer' }
  /**
   * A download or the console: no retries (resume with Range; show exactly what came), no limit on
   * reading the whole body (a large file) but an idle-socket timeout, any status resolves.
   */
  streamed: { retry: { limit: number }; timeout: { read: undefined; socket: number }; throwHttpErrors: false }
}

export function callState(family: RateFamily, category: RateCategory | undefined, token: string | undefined): CallState {
  return { family, category, token, ownAuthorization: false, redirectHosts: undefined, redirected: false, refreshed: false, tooLarge: false, waits: 0, send: undefined }
}

const stateOf = (context: Record<string, unknown>) => context.zoom as CallState

export function createProfileHttp(env: ProfileHttpEnv): ProfileHttp {
  const beforeRequest: BeforeRequestHook = async (options, { retryCount }) => {
    const call = stateOf(options.context)
    const url = options.url as URL
    const verdict = env.allowed()(url)
    if (!verdict.ok) {
      if (call.redirected && !call.ownAuthorization && call.redirectHosts?.(url).ok === true && !carriesToken(url, call.token)) {
        delete options.headers.authorization
        return
      }
      if (call.redirected) throw new AppError('DOMAIN_NOT_ALLOWED', `Refused to follow a redirect to ${url.protocol}//${url.host}: ${verdict.reason}.`)
      throw new AppError('DOMAIN_NOT_ALLOWED', `Refused to send this connection's credential: ${verdict.reason}.`)
    }
    const limiter = call.category === undefined ? undefined : env.limiter()
    if (limiter) {
      const bucket = limiter.limiter(call.family, call.category as RateCategory)
      const send = bucket.acquire(options.signal, (ms) => {
        if (ms >= NOTICEABLE_WAIT_MS) call.onRateLimitWait?.(env.now() + ms)
      })
      if (typeof send === 'number') call.send = send
      else {
        call.waits++
        call.send = await send
      }
    }
    if (call.ownAuthorization) return
    // A retry asks the token manager again: the token may have been renewed meanwhile.
    if (call.token === undefined || retryCount > 0) call.token = (await env.tokens.getAccessToken(env.profileId, { signal: options.signal })).accessToken
    options.headers.authorization = `Bearer ${call.token}`
  }

  const observe = (call: CallState, response: PlainResponse) => {
    const limiter = call.category === undefined ? undefined : env.limiter()
    if (limiter && call.category !== undefined) {
      if (call.send !== undefined) limiter.limiter(call.family, call.category).left(call.send, leftAt(response, env.now))
      limiter.observe(call.family, call.category, response.statusCode, response.headers)
    }
    call.send = undefined
    if (response.statusCode === 429) call.waits++
  }
  const maxJsonBytes = env.maxJsonBytes ?? MAX_JSON_BYTES
  const observing: HandlerFunction = (options, next) => {
    const call = stateOf(options.context)
    const result = next(options)
    // A stream (Request) and a promise (which re-emits each attempt's 'response') both have `on`.
    ;(result as unknown as { on(event: 'response', listener: (response: PlainResponse) => void): unknown }).on('response', (response) => observe(call, response))
    if (!options.isStream) {
      capDownload(result as unknown as CancelableDownload, maxJsonBytes, () => {
        call.tooLarge = true
      })
    }
    return result
  }

  const instance = got.extend({
    throwHttpErrors: true,
    followRedirect: true,
    maxRedirects: 5,
    http2: false,
    // The buffered calls' timeouts are the defaults: the most frequent request merges no options.
    timeout: { connect: env.timeouts.connect, response: env.timeouts.response, read: env.timeouts.read },
    retry: {
      limit: env.retry.limit,
      calculateDelay: reportingRateLimitWaits(createCalculateDelay(env.retry, env.now), env.now),
    },
    handlers: [observing],
    hooks: {
      beforeRequest: env.proxy ? [beforeRequest, env.proxy] : [beforeRequest],
      beforeRedirect: [
        (options, answer) => {
          const call = stateOf(options.context)
          call.redirected = true
          // got sends the body again after a 307/308 (and a 301/302: it rewrites only a 303 to a
          // GET, which has none by now), but the stream it sent the first time is spent: sent as
          // it is, the redirected upload would promise Content-Length bytes and send none.
          if (options.body !== undefined && call.freshBody) options.body = call.freshBody()
          const next = options.url as URL
          if (httpsDowngrade(new URL(answer.url), next)) {
            throw new AppError('DOMAIN_NOT_ALLOWED', `Refused to follow a redirect from https to ${next.protocol}//${next.host}: only https is followed, plain http could be read and rewritten on the way.`)
          }
        },
      ],
      beforeRetry: [
        (error, retryCount) => {
          const status = error.response?.statusCode
          env.log?.debug('retrying a Zoom request', { attempt: retryCount, ...(status ? { status } : { code: error.code }) })
        },
      ],
    },
  })
  return {
    got: instance,
    buffered: { responseType: 'json' },
    bufferedBytes: { responseType: 'buffer' },
    streamed: { retry: { limit: 0 }, timeout: { read: undefined, socket: env.timeouts.idle }, throwHttpErrors: false },
  }
}

/**
 * When the request left (its bytes written on a connected socket), on the clients' clock, which the
 * limiter reads as its wall clock. got's timings are Date.now() times, taken as that long ago.
 */
function leftAt(response: PlainResponse, now: () => number): number {
  const { upload, connect, secureConnect } = response.timings
  const left = Math.max(upload ?? 0, secureConnect ?? connect ?? 0)
  return left === 0 ? 0 : now() - Math.max(0, Date.now() - left)
}

/** A credential-less hop must not carry the token in its URL either (an `access_token` a server copied into it). */
function carriesToken(url: URL, token: string | undefined): boolean {
  return token !== undefined && token !== '' && (url.href.includes(token) || decodeURIComponentSafe(url.href).includes(token))
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Wraps got's retry delay: a 429 answered with a noticeable wait is reported to the caller. */
function reportingRateLimitWaits(calculate: ReturnType<typeof createCalculateDelay>, now: () => number): ReturnType<typeof createCalculateDelay> {
  return (retry) => {
    const delay = calculate(retry)
    if (delay >= NOTICEABLE_WAIT_MS && retry.error.response?.statusCode === 429) {
      const call = retry.error.options?.context?.zoom as CallState | undefined
      call?.onRateLimitWait?.(now() + delay)
    }
    return delay
  }
}
