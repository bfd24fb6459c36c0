import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { RateLimiter } from './rate-limit'
import { getJson, s2sToken } from './testing'

// A frozen clock keeps every request in the same one-second window: no timing flakiness.
const NOW = Date.UTC(2026, 6, 1, 10, 0, 0, 100)
let zoom: Sandbox
let token: string

beforeAll(async () => {
  zoom = await startSandbox({ seed: 4, users: 40, plan: 'pro', now: () => NOW })
  token = (await s2sToken(zoom)).access_token
})
afterAll(() => zoom.close())

async function burst(path: string, n: number): Promise<Response[]> {
  return Promise.all(Array.from({ length: n }, () => getJson(`${zoom.url}/v2${path}`, token)))
}

describe('rate limits', () => {
  it('allows the plan\'s per-second limit per category, then answers 429 with Zoom\'s body and headers', async () => {
    zoom.setPlan('pro')
    const responses = await burst('/users', 25)
    const ok = responses.filter((r) => r.status === 200)
    const limited = responses.filter((r) => r.status === 429)
    expect(ok).toHaveLength(20)
    expect(limited).toHaveLength(5)
    expect(await limited[0]!.json()).toEqual({ code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' })
    expect(limited[0]!.headers.get('x-ratelimit-category')).toBe('Medium')
    expect(limited[0]!.headers.get('x-ratelimit-type')).toBe('QPS')
    expect(limited[0]!.headers.get('x-ratelimit-limit')).toBe('20')
    // Zoom sends Retry-After only with daily limits.
    expect(limited[0]!.headers.get('retry-after')).toBeNull()
    expect(ok[0]!.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/)
  })

  it('counts categories separately and frees the window after a second', async () => {
    zoom.setPlan('pro')
    await burst('/users', 20)
    expect((await getJson(`${zoom.url}/v2/users/me`, token)).status).toBe(200) // Light, its own bucket
    expect((await getJson(`${zoom.url}/v2/users`, token)).status).toBe(429)
    zoom.advanceClock(1000)
    expect((await getJson(`${zoom.url}/v2/users`, token)).status).toBe(200)
  })

  it('enforces the free plan\'s daily limit with an ISO-date Retry-After', async () => {
    zoom.setPlan('free')
    let last: Response | undefined
    for (let i = 0; i < 1001; i++) {
      zoom.advanceClock(1000)
      last = await getJson(`${zoom.url}/v2/report/users?from=2026-07-01&to=2026-07-01`, token)
      if (last.status === 429) break
    }
    expect(last!.status).toBe(429)
    expect(((await last!.json()) as { message: string }).message).toContain('daily rate limit')
    expect(last!.headers.get('x-ratelimit-type')).toBe('Daily-limit')
    expect(last!.headers.get('x-ratelimit-limit')).toBe('1000')
    expect(last!.headers.get('retry-after')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
  }, 30_000)

  it('switches limits off with the unlimited plan', async () => {
    zoom.setPlan('unlimited')
    const responses = await burst('/users', 60)
    expect(responses.every((r) => r.status === 200)).toBe(true)
  })

  it('publishes the limit table', () => {
    expect(RateLimiter.limitFor('business', 'api', 'heavy')).toEqual({ perWindow: 40, windowMs: 1000, daily: 60_000 })
    expect(RateLimiter.limitFor('pro', 'phone', 'medium')).toEqual({ perWindow: 10, windowMs: 1000 })
    expect(RateLimiter.limitFor('unlimited', 'api', 'light')).toBeUndefined()
  })
})
