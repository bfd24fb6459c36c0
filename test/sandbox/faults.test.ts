import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { basicAuth, getJson, postForm, s2sToken } from './testing'

let zoom: Sandbox
let token: string

beforeAll(async () => {
  zoom = await startSandbox({ seed: 8, users: 200, plan: 'unlimited' })
  token = (await s2sToken(zoom)).access_token
})
afterAll(() => zoom.close())

const users = (query = '') => getJson(`${zoom.url}/v2/users${query}`, token)

describe('fault injection', () => {
  it('fails exactly the 3rd matching request, once', async () => {
    zoom.setFaults([{ kind: 'status', status: 502, pathPrefix: '/v2/users', skip: 2, count: 1 }])
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await users()).status)
    expect(statuses).toEqual([200, 200, 502, 200, 200])
    expect(zoom.stats().faults.status).toBe(1)
    expect(zoom.listFaults()[0]).toMatchObject({ seen: 5, fired: 1 })
  })

  it('resets connections', async () => {
    zoom.setFaults([{ kind: 'reset', pathPrefix: '/v2/', count: 1 }])
    await expect(users()).rejects.toThrow()
    expect((await users()).status).toBe(200)
  })

  it('truncates JSON bodies', async () => {
    zoom.setFaults([{ kind: 'truncate', pathPrefix: '/v2/users', count: 1 }])
    const res = await users()
    expect(res.status).toBe(200)
    await expect(res.json()).rejects.toThrow()
  })

  it('serves HTML error pages', async () => {
    zoom.setFaults([{ kind: 'html', count: 1 }])
    const res = await users()
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('x-zm-trackingid')).toBeTruthy()
  })

  it('sends bursts of 429 with and without Retry-After and rate-limit headers', async () => {
    zoom.setFaults([
      { kind: 'rate-limit', count: 1, retryAfter: true },
      { kind: 'rate-limit', count: 1, rateLimitHeaders: false, skip: 1 },
    ])
    const first = await users()
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toMatch(/Z$/)
    expect(first.headers.get('x-ratelimit-category')).toBeTruthy()
    const second = await users()
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBeNull()
    expect(second.headers.get('x-ratelimit-category')).toBeNull()
    expect((await users()).status).toBe(200)
  })

  it("answers a used-up daily cap as Zoom does: Daily-limit, its message, Retry-After at the next midnight UTC", async () => {
    zoom.setFaults([{ kind: 'rate-limit', rateLimitType: 'daily', count: 1 }])
    const limited = await users()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-type')).toBe('Daily-limit')
    expect(limited.headers.get('retry-after')).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/)
    expect(Date.parse(limited.headers.get('retry-after') ?? '') - Date.now()).toBeGreaterThan(0)
    expect(((await limited.json()) as { message: string }).message).toContain('maximum daily rate limit')
    expect((await users()).status).toBe(200)
  })

  it('stalls bodies until the client gives up, and close() still returns', async () => {
    const stalling = await startSandbox({ users: 10, faults: [{ kind: 'stall', pathPrefix: '/v2/' }] })
    const stalledToken = (await s2sToken(stalling)).access_token
    const headers = await new Promise<number>((resolve, reject) => {
      const req = request(`${stalling.url}/v2/users`, { headers: { authorization: `Bearer ${stalledToken}` } }, (res) => {
        res.once('data', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end()
    })
    expect(headers).toBe(200)
    await stalling.close()
  })

  it('adds latency, overlapping the server\'s own work', async () => {
    zoom.setFaults([{ kind: 'latency', ms: 120, pathPrefix: '/v2/users', count: 1 }])
    const started = performance.now()
    await users()
    expect(performance.now() - started).toBeGreaterThanOrEqual(115)
    zoom.setFaults([])
  })

  it('fails the token endpoint with 5xx, resets and unparseable bodies', async () => {
    const { accountId, clientId, clientSecret } = zoom.apps.s2s
    const mint = () => postForm(`${zoom.url}/oauth/token`, { grant_type: 'account_credentials', account_id: accountId }, { authorization: basicAuth(clientId, clientSecret) })
    zoom.setFaults([
      { kind: 'status', status: 503, pathPrefix: '/oauth/token', count: 1 },
      { kind: 'reset', pathPrefix: '/oauth/token', skip: 1, count: 1 },
      { kind: 'html', status: 200, pathPrefix: '/oauth/token', skip: 2, count: 1 },
    ])
    expect((await mint()).status).toBe(503)
    await expect(mint()).rejects.toThrow()
    await expect((await mint()).json()).rejects.toThrow()
    expect((await mint()).status).toBe(200)
  })

  it('draws probabilistic faults from the seed: same seed, same sequence', async () => {
    const run = async (): Promise<number[]> => {
      const sandbox = await startSandbox({ seed: 99, users: 10, plan: 'unlimited', faults: [{ kind: 'status', status: 500, pathPrefix: '/v2/', probability: 0.3 }] })
      try {
        const t = (await s2sToken(sandbox)).access_token
        const out = []
        for (let i = 0; i < 30; i++) out.push((await getJson(`${sandbox.url}/v2/users/me`, t)).status)
        return out
      } finally {
        await sandbox.close()
      }
    }
    const [a, b] = [await run(), await run()]
    expect(a).toEqual(b)
    expect(a.filter((s) => s === 500).length).toBeGreaterThan(2)
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(10)
  })
})
