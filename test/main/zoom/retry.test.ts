// The retry policy as a table: what is retried, after how long.
import type { RetryObject } from 'got'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { createCalculateDelay, DEFAULT_RETRY } from '../../../main/zoom/retry'
import { parseRetryAfter } from '../../../main/net/retry-after'

const NOW = Date.UTC(2026, 4, 1, 12)
const delay = createCalculateDelay(DEFAULT_RETRY, () => NOW, () => 0.5)

function attempt(error: Record<string, unknown>, attemptCount = 1, method = 'GET'): number {
  return delay({ attemptCount, retryOptions: { limit: DEFAULT_RETRY.limit }, error: { options: { method }, ...error }, computedValue: 0 } as unknown as RetryObject) as number
}
const http = (statusCode: number, headers: Record<string, string> = {}, body: unknown = {}) => ({ name: 'HTTPError', response: { statusCode, headers, body } })

describe('createCalculateDelay', () => {
  it('retries 5xx, 408 and 429 for idempotent methods with growing, jittered backoff', () => {
    expect(attempt(http(503))).toBe(300) // 400 → half fixed + half × 0.5
    expect(attempt(http(502), 3)).toBe(1200)
    expect(attempt(http(408))).toBeGreaterThan(0)
    expect(attempt(http(500), 1, 'DELETE')).toBeGreaterThan(0)
    expect(attempt(http(500), DEFAULT_RETRY.limit + 1)).toBe(0)
  })

  it('never retries POST or PATCH, 4xx other than 408/429, 501', () => {
    expect(attempt(http(503), 1, 'POST')).toBe(0)
    expect(attempt(http(503), 1, 'PATCH')).toBe(0)
    expect(attempt(http(400))).toBe(0)
    expect(attempt(http(404))).toBe(0)
    expect(attempt(http(501))).toBe(0)
  })

  it('honours Retry-After in seconds or as a date, and gives up when it is too far', () => {
    expect(attempt(http(429, { 'retry-after': '2' }))).toBeCloseTo(2000 + 0.5 * 210, 5)
    expect(attempt(http(429, { 'retry-after': new Date(NOW + 1500).toISOString() }))).toBeGreaterThanOrEqual(1500)
    expect(attempt(http(429, { 'retry-after': new Date(NOW + 3600_000).toUTCString() }))).toBe(0)
  })

  it('backs off on a 429 without Retry-After, except for a daily limit', () => {
    expect(attempt(http(429, { 'x-ratelimit-type': 'QPS' }))).toBe(300)
    expect(attempt(http(429))).toBe(300)
    expect(attempt(http(429, { 'x-ratelimit-type': 'Daily-limit' }))).toBe(0)
    expect(attempt(http(429, {}, { code: 429, message: 'You have reached the maximum daily rate limit for this API.' }))).toBe(0)
  })

  it('retries network errors, timeouts and (for GET) unparseable bodies', () => {
    expect(attempt({ name: 'RequestError', code: 'ECONNRESET' })).toBeGreaterThan(0)
    expect(attempt({ name: 'TimeoutError', code: 'ETIMEDOUT' })).toBeGreaterThan(0)
    expect(attempt({ name: 'ParseError' })).toBeGreaterThan(0)
    expect(attempt({ name: 'ParseError' }, 1, 'PUT')).toBe(0)
  })

  it('never retries our own refusals or a cancel; always allows the one 401/124 retry', () => {
    expect(attempt({ name: 'RequestError', cause: new AppError('DOMAIN_NOT_ALLOWED', 'no') })).toBe(0)
    expect(attempt({ name: 'AbortError' })).toBe(0)
    expect(attempt({ name: 'RetryError' }, 1, 'POST')).toBe(1)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds, ISO dates and HTTP dates; ignores junk', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000)
    expect(parseRetryAfter('2026-05-02T00:00:00Z', NOW)).toBe(12 * 3600_000)
    expect(parseRetryAfter('Fri, 01 May 2026 12:00:10 GMT', NOW)).toBe(10_000)
    expect(parseRetryAfter('2020-01-01T00:00:00Z', NOW)).toBe(0)
    expect(parseRetryAfter('soon', NOW)).toBeUndefined()
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
  })
})
