// One got instance per profile (DESIGN.md, "The Zoom client"). Its hooks are the security and
// rate boundary every byte to Zoom passes:
//   beforeRequest — refuses a URL outside the profile's allowlist before a socket is opened
//                   (this also runs for every redirect and retry), paces the request through the
//                   account's rate limiter, and sets `Authorization: Bearer …`;
//   afterResponse — feeds the limiter (429s, X-RateLimit-* headers) and, on a 401 refusing the token
//                   (Zoom code 124, or RFC 6750 invalid_token), forces one token refresh and retries once.
// Per-request state travels in `options.context.zoom` (got copies the context object shallowly,
// so this one object is shared by all attempts of a request).
import got, { type AfterResponseHook, type BeforeRequestHook, type Got } from 'got'
import { AppError } from '../../common/errors'
import type { UrlChecker } from '../../common/zoom/allowlist'
import type { RateCategory, RateFamily } from '../../common/zoom/rate-limits'
import type { Logger } from '../log/logger'
import { isRefusedAccessToken } from './errors'
import type { TokenProvider } from './ports'
import type { AccountRateLimiter } from './rate-limiter'
import { createCalculateDelay, type RetryPolicy } from './retry'

export interface CallState {
  /** Rate-limit bucket; `undefined` = not a Zoom API call (recording files): not paced. */
  family: RateFamily
  category: RateCategory | undefined
  /** The bearer for the first attempt (fetched before the URL was built); retries ask the token manager again. */
  token: string | undefined
  /** The caller supplied its own Authorization header (console): never replaced, never refreshed. */
  ownAuthorization: boolean
  /** Downloads: a redirect may leave the allowlist, and then goes without credentials. */
  foreignRedirects: boolean
  /** The one 401/124 refresh has been spent. */
  refreshed: boolean
  /** Times this request waited for the limiter or was answered 429. */
  waits: number
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
}

export function callState(family: RateFamily, category: RateCategory | undefined, token: string | undefined): CallState {
  return { family, category, token, ownAuthorization: false, foreignRedirects: false, refreshed: false, waits: 0 }
}

const stateOf = (context: Record<string, unknown>) => context.zoom as CallState

/** `json`: buffered API calls with got's retries; `stream`: downloads and the console (idle timeout, no retries). */
export function createProfileGot(env: ProfileHttpEnv, mode: 'json' | 'stream'): Got {
  const beforeRequest: BeforeRequestHook = async (options, { retryCount }) => {
    const call = stateOf(options.context)
    const url = options.url as URL
    const verdict = env.allowed()(url)
    if (!verdict.ok) {
      if (call.foreignRedirects && !call.ownAuthorization) {
        delete options.headers.authorization
        return
      }
      throw new AppError('DOMAIN_NOT_ALLOWED', `Refused to send this connection's credential: ${verdict.reason}.`)
    }
    const limiter = call.category === undefined ? undefined : env.limiter()
    if (limiter) {
      const bucket = limiter.limiter(call.family, call.category as RateCategory)
      const wait = bucket.acquire(options.signal, (ms) => {
        if (ms >= NOTICEABLE_WAIT_MS) call.onRateLimitWait?.(env.now() + ms)
      })
      if (wait) {
        call.waits++
        await wait
      }
    }
    if (call.ownAuthorization) return
    let token = retryCount === 0 ? call.token : undefined
    if (token === undefined) token = (await env.tokens.getAccessToken(env.profileId, { signal: options.signal })).accessToken
    options.headers.authorization = `Bearer ${token}`
  }

  const afterResponse: AfterResponseHook = (response, retryWithMergedOptions) => {
    const call = stateOf(response.request.options.context)
    const status = response.statusCode
    if (call.category !== undefined) env.limiter()?.observe(call.family, call.category, status, response.headers)
    if (status === 429) call.waits++
    if (call.ownAuthorization || call.refreshed || !isRefusedAccessToken(status, response.headers, response.body)) return response
    call.refreshed = true
    const sent = response.request.options.headers.authorization
    const rejectedToken = typeof sent === 'string' ? sent.replace(/^Bearer /, '') : undefined
    const signal = response.request.options.signal
    return env.tokens.getAccessToken(env.profileId, { forceRefresh: true, ...(rejectedToken ? { rejectedToken } : {}), ...(signal ? { signal } : {}) }).then(() => {
      env.log?.info('The server refused the access token (401, code 124 or invalid_token); refreshed it and retrying once')
      return retryWithMergedOptions({ preserveHooks: true })
    })
  }

  return got.extend({
    throwHttpErrors: true,
    followRedirect: true,
    maxRedirects: 5,
    http2: false,
    timeout:
      mode === 'json'
        ? { connect: env.timeouts.connect, response: env.timeouts.response, read: env.timeouts.read }
        : { connect: env.timeouts.connect, response: env.timeouts.response, socket: env.timeouts.idle },
    retry: {
      limit: mode === 'json' ? env.retry.limit : 0,
      calculateDelay: reportingRateLimitWaits(createCalculateDelay(env.retry, env.now), env.now),
    },
    hooks: {
      beforeRequest: env.proxy ? [beforeRequest, env.proxy] : [beforeRequest],
      afterResponse: [afterResponse],
      beforeRetry: [
        (error, retryCount) => {
          const status = error.response?.statusCode
          env.log?.debug('retrying a Zoom request', { attempt: retryCount, ...(status ? { status } : { code: error.code }) })
        },
      ],
    },
  })
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
