// The Zoom client against the sandbox: every fault ends with the complete, correct listing (no
// loss, no duplicates) after retries, or with a clear typed error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import got from 'got'
import { createZoomClients, newPageCursor } from '../../../main/zoom'
import { startSandbox, type FaultRule, type Sandbox } from '../../sandbox'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens, type SandboxTokens } from './sandbox-helpers'
import { caught } from '../../support/caught'

let sandbox: Sandbox
let allIds: string[]

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, users: 250, plan: 'unlimited' })
  const tokens = sandboxTokens(sandbox)
  const token = (await tokens.getAccessToken('x')).accessToken
  const body = await got(`${sandbox.url}/v2/users`, { searchParams: { page_size: 2000 }, headers: { authorization: `Bearer ${token}` } }).json<{ users: { id: string }[] }>()
  allIds = body.users.map((u) => u.id)
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.setFaults([])
  sandbox.setPlan('unlimited')
  sandbox.resetStats()
})

function setup(options: { tokens?: SandboxTokens } = {}) {
  const tokens = options.tokens ?? sandboxTokens(sandbox)
  const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false })
  return { tokens, client: clients.forProfile('p1'), clients }
}

async function listAll(client: ReturnType<typeof setup>['client'], pageSize = 30) {
  const ids: string[] = []
  let pages = 0
  let restarted = 0
  for await (const page of client.paginate<{ id: string }>({ path: '/users', listKey: 'users', idKeys: ['id'], pageSize, category: 'medium' })) {
    pages++
    if (page.restarted) restarted++
    for (const u of page.items) ids.push(u.id)
  }
  return { ids, pages, restarted }
}


describe('requests and pagination', () => {
  it('gets /users/me with a token minted once', async () => {
    const { client, tokens } = setup()
    const me = await client.get<{ id: string; email: string }>('/users/me')
    expect(me.email).toBe(sandbox.login.email)
    await client.get('/users/me')
    expect(tokens.mints).toBe(1)
  })

  it('pages through every user exactly once', async () => {
    const { client } = setup()
    const { ids, pages } = await listAll(client)
    expect(pages).toBe(Math.ceil(allIds.length / 30))
    expect(ids).toEqual(allIds)
  })

  it('reports total_records and the sandbox trackingid on a request', async () => {
    const { client } = setup()
    const response = await client.request<{ total_records: number }>({ path: '/users', searchParams: { page_size: 1 } })
    expect(response.body.total_records).toBe(allIds.length)
    expect(response.trackingId).toMatch(/^v=2\.0;/)
  })
})

describe('faults end with the complete listing', () => {
  const cases: [string, FaultRule][] = [
    ['HTTP 500', { kind: 'status', status: 500, pathPrefix: '/v2/users', skip: 2, count: 2 }],
    ['HTTP 503', { kind: 'status', status: 503, pathPrefix: '/v2/users', skip: 1, count: 1 }],
    ['connection reset', { kind: 'reset', pathPrefix: '/v2/users', skip: 3, count: 2 }],
    ['truncated JSON', { kind: 'truncate', pathPrefix: '/v2/users', skip: 1, count: 2 }],
    ['HTML error page', { kind: 'html', status: 502, pathPrefix: '/v2/users', skip: 4, count: 1 }],
    ['429 with Retry-After seconds', { kind: 'rate-limit', retryAfter: 0, pathPrefix: '/v2/users', skip: 2, count: 3 }],
    ['429 without Retry-After or headers', { kind: 'rate-limit', rateLimitHeaders: false, pathPrefix: '/v2/users', skip: 2, count: 3 }],
    ['stalled body (timeout, then retry)', { kind: 'stall', pathPrefix: '/v2/users', skip: 5, count: 1 }],
  ]
  it.each(cases)('%s', async (_name, fault) => {
    sandbox.setFaults([fault])
    const { client } = setup()
    const { ids } = await listAll(client)
    expect(ids).toEqual(allIds)
    expect(sandbox.stats().faults[fault.kind]).toBe(fault.count)
  })

  it('waits for a Retry-After given as an ISO date', async () => {
    sandbox.setFaults([{ kind: 'rate-limit', retryAfter: true, pathPrefix: '/v2/users', count: 1 }])
    const { client } = setup()
    const started = Date.now()
    await client.get('/users/me')
    // The date is one second ahead at whole-second resolution: some wait, well under two seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1)
    expect(Date.now() - started).toBeLessThan(2_500)
  })

  it('gives up with a typed error when the faults outlast the retries', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: '/v2/users' }])
    const { client } = setup()
    const error = await caught(client.get('/users'))
    expect(error.code).toBe('ZOOM_SERVER_ERROR')
    expect(error.details?.httpStatus).toBe(500)
    expect(error.details?.trackingId).toMatch(/^v=2\.0;/)
    expect(sandbox.stats().faults.status).toBe(FAST_RETRY.limit + 1)
  })

  it('maps a lasting HTML error page to ZOOM_RESPONSE_INVALID', async () => {
    sandbox.setFaults([{ kind: 'html', status: 502, pathPrefix: '/v2/users' }])
    const { client } = setup()
    const error = await caught(client.get('/users'))
    expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(error.message).toMatch(/HTML/)
  })

  it('maps lasting truncated JSON to ZOOM_RESPONSE_INVALID', async () => {
    sandbox.setFaults([{ kind: 'truncate', pathPrefix: '/v2/users' }])
    const { client } = setup()
    const error = await caught(client.get('/users'))
    expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
  })

  it('restarts after an expired page token without losing or repeating a row', async () => {
    const { client } = setup()
    const ids: string[] = []
    let restarted = 0
    let skipped = 0
    for await (const page of client.paginate<{ id: string }>({ path: '/users', listKey: 'users', pageSize: 40 })) {
      ids.push(...page.items.map((u) => u.id))
      if (page.restarted) restarted++
      skipped += page.skipped
      // After the third page, let the page token expire (Zoom: 15 minutes).
      if (page.index === 2) sandbox.advanceClock(16 * 60_000)
    }
    expect(restarted).toBe(1)
    expect(skipped).toBe(120)
    expect(ids).toEqual(allIds)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('a listing tried again with its cursor goes on after the last page taken, even once the token has expired', async () => {
    const { client } = setup()
    const cursor = newPageCursor()
    const ids: string[] = []
    const request = { path: '/users', listKey: 'users', pageSize: 40, cursor }
    // First try: two pages taken, the third handed over but cut short before it was taken.
    for await (const page of client.paginate<{ id: string }>(request)) {
      if (page.index === 2) break
      ids.push(...page.items.map((u) => u.id))
    }
    expect(ids).toHaveLength(80)
    sandbox.resetStats()
    // Second try, at once: it starts at the third page, takes it, and is cut short on the fourth.
    const tried: string[][] = []
    for await (const page of client.paginate<{ id: string }>(request)) {
      tried.push(page.items.map((u) => u.id))
      if (tried.length === 2) break
    }
    expect(tried[0]).toEqual(allIds.slice(80, 120))
    ids.push(...(tried[0] ?? []))
    expect(sandbox.stats().apiTotal).toBe(2)
    // Third try, after the token expired: Zoom's listing starts over, and the rows taken are not given again.
    sandbox.advanceClock(16 * 60_000)
    for await (const page of client.paginate<{ id: string }>(request)) ids.push(...page.items.map((u) => u.id))
    expect(ids).toEqual(allIds)
  })
})

describe('authorisation', () => {
  it('refreshes once and retries once on 401/124', async () => {
    const tokens = sandboxTokens(sandbox)
    await tokens.getAccessToken('p1')
    tokens.plant('not-a-valid-token')
    const { client } = setup({ tokens })
    const me = await client.get<{ email: string }>('/users/me')
    expect(me.email).toBe(sandbox.login.email)
    expect(tokens.forced).toBe(1)
  })

  it('fails with ZOOM_UNAUTHORIZED after exactly one refresh when the new token is refused too', async () => {
    const base = sandboxTokens(sandbox)
    let forced = 0
    const tokens = {
      ...base,
      async getAccessToken(_id: string, options?: { forceRefresh?: boolean }) {
        if (options?.forceRefresh) forced++
        return { accessToken: 'always-bad' }
      },
    } as unknown as SandboxTokens
    const { client } = setup({ tokens })
    const before = sandbox.stats().apiTotal
    const error = await caught(client.get('/users/me'))
    expect(error.code).toBe('ZOOM_UNAUTHORIZED')
    expect(error.details?.zoomCode).toBe(124)
    expect(forced).toBe(1)
    expect(sandbox.stats().apiTotal - before).toBe(2)
  })
})

describe('cancellation', () => {
  it('stops a pagination when the signal aborts', async () => {
    const { client } = setup()
    const controller = new AbortController()
    const seen: number[] = []
    const run = (async () => {
      for await (const page of client.paginate({ path: '/users', listKey: 'users', pageSize: 10, signal: controller.signal })) {
        seen.push(page.index)
        if (page.index === 1) controller.abort()
      }
    })()
    const error = await caught(run)
    expect(error.code).toBe('CANCELLED')
    expect(seen).toEqual([0, 1])
  })

  it('cancels a request stuck on a stalled body', async () => {
    sandbox.setFaults([{ kind: 'stall', pathPrefix: '/v2/users' }])
    const tokens = sandboxTokens(sandbox)
    const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), rateLimiting: false })
    const controller = new AbortController()
    const pending = clients.forProfile('p1').get('/users/me', { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    expect((await caught(pending)).code).toBe('CANCELLED')
  })
})

describe('lasting failures end with a typed error', () => {
  it('a body that always stalls ends in TIMEOUT after the retries', async () => {
    sandbox.setFaults([{ kind: 'stall', pathPrefix: '/v2/users' }])
    const { client } = setup()
    expect((await caught(client.get('/users/me'))).code).toBe('TIMEOUT')
    expect(sandbox.stats().faults.stall).toBe(FAST_RETRY.limit + 1)
  })

  it('connections that always reset end in NETWORK', async () => {
    sandbox.setFaults([{ kind: 'reset', pathPrefix: '/v2/users' }])
    const { client } = setup()
    expect((await caught(client.get('/users/me'))).code).toBe('NETWORK')
  })

  it('a 429 that outlasts the retries is ZOOM_RATE_LIMITED', async () => {
    sandbox.setFaults([{ kind: 'rate-limit', retryAfter: 0, pathPrefix: '/v2/users' }])
    const { client } = setup()
    const error = await caught(client.get('/users/me'))
    expect(error.code).toBe('ZOOM_RATE_LIMITED')
    expect(error.details?.retryAfterMs).toBe(0)
  })

  it('a cancel during a retry backoff ends at once with CANCELLED', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, pathPrefix: '/v2/users' }])
    const tokens = sandboxTokens(sandbox)
    const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: { limit: 3, baseDelayMs: 10_000, maxDelayMs: 10_000, maxRetryAfterMs: 1000 }, rateLimiting: false })
    const controller = new AbortController()
    const started = Date.now()
    const pending = clients.forProfile('p1').get('/users/me', { signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    expect((await caught(pending)).code).toBe('CANCELLED')
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
