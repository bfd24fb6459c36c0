// The shared network helpers: Retry-After, network error codes and backoff, one definition each.
import { describe, expect, it } from 'vitest'
import { interpretTokenResponse } from '../../../main/auth/token-response'
import { backoffDelay } from '../../../main/net/backoff'
import { isNetworkErrorCode } from '../../../main/net/network-errors'
import { parseRetryAfter } from '../../../main/net/retry-after'
import { toAppError } from '../../../main/data/errors'
import { toZoomError } from '../../../main/zoom/errors'
import { caught } from '../../support/caught'

const NOW = Date.parse('2026-05-01T12:00:00Z')

describe('parseRetryAfter', () => {
  it('reads decimal seconds (not as a date: Date.parse("1.5") is a day in 2001)', () => {
    expect(parseRetryAfter('1.5', NOW)).toBe(1500)
    expect(parseRetryAfter(' 0.25 ', NOW)).toBe(250)
  })

  it('the token endpoint reads a decimal Retry-After like the API client does', async () => {
    const error = await caught(Promise.resolve().then(() => interpretTokenResponse({ status: 429, contentType: 'application/json', body: Buffer.from('{}'), retryAfter: '2.5', now: NOW })))
    expect(error).toMatchObject({ code: 'ZOOM_RATE_LIMITED', details: { retryAfterMs: 2500 } })
  })

  it('an empty header is no wait at all', () => {
    expect(parseRetryAfter('', NOW)).toBeUndefined()
    expect(parseRetryAfter('   ', NOW)).toBeUndefined()
  })
})

describe('network error codes', () => {
  it.each(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRINUSE', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET'])('%s is a network failure everywhere', (code) => {
    expect(isNetworkErrorCode(code)).toBe(true)
    const error = Object.assign(new Error('socket trouble'), { code })
    expect(toAppError(error, { code: 'FILE_IO', message: 'The download failed' }).code).toBe('NETWORK')
    expect(['NETWORK', 'TIMEOUT']).toContain(toZoomError(error).code)
  })

  it('other codes are not', () => {
    expect(isNetworkErrorCode('ENOENT')).toBe(false)
    expect(isNetworkErrorCode(undefined)).toBe(false)
    expect(toAppError(Object.assign(new Error('no such file'), { code: 'ENOENT' }), { code: 'FILE_IO', message: 'The download failed' }).code).toBe('FILE_IO')
  })
})

describe('backoffDelay', () => {
  const policy = { baseDelayMs: 400, maxDelayMs: 8_000 }
  it('doubles per attempt up to the cap, half fixed and half random', () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(200)
    expect(backoffDelay(policy, 1, () => 1)).toBe(400)
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(1_200)
    expect(backoffDelay(policy, 20, () => 1)).toBe(8_000)
    expect(backoffDelay(policy, 20, () => 0)).toBe(4_000)
  })
})
