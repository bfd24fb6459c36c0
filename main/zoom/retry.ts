// When got retries a Zoom call, and after how long. Used as got's `retry.calculateDelay`, which
// got consults for every failure (enforceRetryRules is off), so this function is the whole policy:
//   - idempotent methods only (GET, HEAD, PUT, DELETE, OPTIONS): a POST is never sent twice;
//   - 408, 429 and 5xx answers, network errors (ECONNRESET, timeouts, …), and for GET a 2xx body
//     that is not JSON (truncated) — an HTML error page arrives as a 5xx and is covered by that;
//   - 429 waits for Retry-After (seconds or a date) when it is short enough, else fails at once
//     (a daily limit resets at midnight: queueing for hours helps nobody); without it, backoff;
//   - backoff doubles from `baseDelayMs` up to `maxDelayMs`, with jitter (half fixed, half random);
//   - our own refusals (domain not allowed, daily cap, cancelled, token errors) are never retried.
// The one-time retry after a forced token refresh (401/124) is got's RetryError: always allowed.
import type { RetryObject } from 'got'
import { isAppError } from '../../common/errors'
import { backoffDelay } from '../net/backoff'
import { isNetworkErrorCode } from '../net/network-errors'
import { parseRetryAfter } from '../net/retry-after'

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this is not waited for. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 4, baseDelayMs: 400, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 }

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505)
}

function isDailyLimit(type: string | string[] | undefined, body: unknown): boolean {
  const t = Array.isArray(type) ? type[0] : type
  if (t !== undefined) return t.toLowerCase().startsWith('daily')
  const text = typeof body === 'string' ? body : body !== null && typeof body === 'object' ? String((body as { message?: unknown }).message ?? '') : ''
  return /daily/i.test(text)
}

// Crawl jobs and the event socket import the backoff from here; it is defined once, in main/net.
export { backoffDelay }

export function createCalculateDelay(policy: RetryPolicy, now: () => number = Date.now, random: () => number = Math.random): (retry: RetryObject) => number {
  return ({ attemptCount, retryOptions, error }) => {
    if (error.name === 'RetryError') return 1
    if (attemptCount > retryOptions.limit) return 0
    if (isAppError(error.cause) || error.name === 'AbortError' || error.name === 'CancelError' || error.options?.signal?.aborted) return 0
    const method = error.options?.method?.toUpperCase() ?? 'GET'
    if (!IDEMPOTENT.has(method)) return 0
    const response = error.response
    if (error.name === 'HTTPError' && response) {
      if (!isRetryableStatus(response.statusCode)) return 0
      if (response.statusCode === 429) {
        const header = response.headers['retry-after']
        const wait = parseRetryAfter(Array.isArray(header) ? header[0] : header, now())
        if (wait !== undefined) return wait > policy.maxRetryAfterMs ? 0 : Math.max(1, wait) + random() * Math.min(250, wait * 0.1 + 10)
        // A daily limit without Retry-After lasts until midnight UTC: retrying soon cannot help.
        if (isDailyLimit(response.headers['x-ratelimit-type'], response.body)) return 0
      }
      return backoffDelay(policy, attemptCount, random)
    }
    if (error.name === 'ParseError') return method === 'GET' ? backoffDelay(policy, attemptCount, random) : 0
    if (error.name === 'TimeoutError' || isNetworkErrorCode(error.code)) return backoffDelay(policy, attemptCount, random)
    return 0
  }
}
