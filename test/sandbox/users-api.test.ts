import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { getJson, s2sToken, userTokens } from './testing'

let zoom: Sandbox
let admin: string
let user: string

beforeAll(async () => {
  zoom = await startSandbox({ seed: 5, users: 250, plan: 'unlimited' })
  admin = (await s2sToken(zoom)).access_token
  user = (await userTokens(zoom, 'userOAuth')).access_token
})
afterAll(() => zoom.close())

interface UserPage {
  page_size: number
  total_records: number
  page_count: number
  next_page_token: string
  users: { id: string; email: string; status: string }[]
}

async function page(query: string, token = admin): Promise<{ res: Response; body: UserPage }> {
  const res = await getJson(`${zoom.url}/v2/users${query}`, token)
  return { res, body: (await res.json()) as UserPage }
}

describe('GET /users', () => {
  it('pages with next_page_token until it is the empty string, without gaps or repeats', async () => {
    const seen = new Set<string>()
    let token = ''
    let pages = 0
    let total = 0
    do {
      const { res, body } = await page(`?page_size=70&next_page_token=${token}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('x-zm-trackingid')).toMatch(/^v=2\.0;/)
      for (const u of body.users) seen.add(u.id)
      total = body.total_records
      token = body.next_page_token
      pages++
    } while (token !== '')
    expect(seen.size).toBe(total)
    expect(pages).toBe(Math.ceil(total / 70))
    expect(total).toBeGreaterThan(150)
  })

  it('filters by status (default active) and returns deterministic data for a seed', async () => {
    const active = (await page('?page_size=300')).body
    expect(active.users.every((u) => u.status === 'active')).toBe(true)
    const pending = (await page('?status=pending&page_size=300')).body
    expect(pending.users.length).toBeGreaterThan(0)
    expect(pending.users.every((u) => u.status === 'pending')).toBe(true)
    const inactive = (await page('?status=inactive&page_size=300')).body
    expect(active.total_records + pending.total_records + inactive.total_records).toBe(250)
    const twin = await startSandbox({ seed: 5, users: 250, plan: 'unlimited' })
    try {
      const again = (await (await getJson(`${twin.url}/v2/users?page_size=300`, (await s2sToken(twin)).access_token)).json()) as UserPage
      expect(again.users).toEqual(active.users)
    } finally {
      await twin.close()
    }
  })

  it('clamps page_size to the OpenAPI maximum (2000) and defaults to 30', async () => {
    const big = await startSandbox({ seed: 5, users: 3000, plan: 'unlimited' })
    try {
      const token = (await s2sToken(big)).access_token
      const clamped = (await (await getJson(`${big.url}/v2/users?page_size=5000`, token)).json()) as UserPage
      expect(clamped.page_size).toBe(2000)
      expect(clamped.users).toHaveLength(2000)
      const fallback = (await (await getJson(`${big.url}/v2/users`, token)).json()) as UserPage
      expect(fallback.page_size).toBe(30)
    } finally {
      await big.close()
    }
  })

  it('answers 400/300 for an invalid page token and for one older than 15 minutes', async () => {
    const bad = await getJson(`${zoom.url}/v2/users?next_page_token=garbage`, admin)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ code: 300, message: 'The next page token is invalid or expired.' })
    const first = (await page('?page_size=10')).body
    const tampered = await getJson(`${zoom.url}/v2/users?page_size=10&status=inactive&next_page_token=${first.next_page_token}`, admin)
    expect(tampered.status).toBe(400)
    zoom.advanceClock(15 * 60_000)
    const fresh = (await s2sToken(zoom)).access_token
    const expired = await getJson(`${zoom.url}/v2/users?page_size=10&next_page_token=${first.next_page_token}`, fresh)
    expect(expired.status).toBe(400)
    expect(((await expired.json()) as { code: number }).code).toBe(300)
    admin = fresh
  })

  it('refuses a user-level token with 400/4711 naming the admin scopes', async () => {
    const res = await getJson(`${zoom.url}/v2/users`, user)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[user:read:admin, user:write:admin, user:read:list_users:admin].' })
  })
})

describe('GET /users/{userId}', () => {
  it('resolves me, an id and an email to the same user', async () => {
    const me = (await (await getJson(`${zoom.url}/v2/users/me`, admin)).json()) as { id: string; email: string; role_name: string; account_id: string }
    expect(me.email).toBe(zoom.login.email)
    expect(me.role_name).toBe('Owner')
    expect(me.account_id).toBe(zoom.accountId)
    const byId = (await (await getJson(`${zoom.url}/v2/users/${me.id}`, admin)).json()) as { id: string }
    const byEmail = (await (await getJson(`${zoom.url}/v2/users/${encodeURIComponent(me.email)}`, admin)).json()) as { id: string }
    expect(byId.id).toBe(me.id)
    expect(byEmail.id).toBe(me.id)
  })

  it('answers 404/1001 for an unknown user', async () => {
    const res = await getJson(`${zoom.url}/v2/users/AAAAAAAAAAAAAAAAAAAAAA`, admin)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ code: 1001, message: 'User does not exist: AAAAAAAAAAAAAAAAAAAAAA.' })
  })

  it('lets a user-level token read only its own user (me or its id)', async () => {
    const me = (await (await getJson(`${zoom.url}/v2/users/me`, user)).json()) as { id: string }
    expect((await getJson(`${zoom.url}/v2/users/${me.id}`, user)).status).toBe(200)
    const list = (await page('?page_size=5')).body
    const other = list.users.find((u) => u.id !== me.id)!
    const res = await getJson(`${zoom.url}/v2/users/${other.id}`, user)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { code: number }).code).toBe(4711)
  })
})

describe('bearer tokens', () => {
  it('answers 401/124 for missing, invalid, query-string, expired and revoked tokens', async () => {
    const missing = await getJson(`${zoom.url}/v2/users/me`, undefined)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ code: 124, message: 'Invalid access token.' })
    expect((await getJson(`${zoom.url}/v2/users/me`, 'not-a-token')).status).toBe(401)
    const query = await getJson(`${zoom.url}/v2/users/me?access_token=${admin}`, undefined)
    expect(((await query.json()) as { message: string }).message).toContain('query parameter')
    const token = (await s2sToken(zoom)).access_token
    zoom.advanceClock(3600_000)
    const expired = await getJson(`${zoom.url}/v2/users/me`, token)
    expect(expired.status).toBe(401)
    expect(await expired.json()).toEqual({ code: 124, message: 'Access token is expired.' })
    admin = (await s2sToken(zoom)).access_token
    user = (await userTokens(zoom, 'userOAuth')).access_token
  })

  it('counts API requests by route and status', async () => {
    zoom.resetStats()
    await getJson(`${zoom.url}/v2/users/me`, admin)
    await getJson(`${zoom.url}/v2/users/me`, undefined)
    expect(zoom.stats().api['GET /v2/users/{userId}']).toEqual({ '200': 1, '401': 1 })
  })
})

describe('startup', () => {
  it('starts 100,000 users within a second and serves a page', async () => {
    const started = performance.now()
    const big = await startSandbox({ users: 100_000, plan: 'unlimited' })
    try {
      expect(performance.now() - started).toBeLessThan(1000)
      const body = (await (await getJson(`${big.url}/v2/users?page_size=2000`, (await s2sToken(big)).access_token)).json()) as UserPage
      expect(body.users).toHaveLength(2000)
      expect(body.total_records).toBeGreaterThan(70_000)
    } finally {
      await big.close()
    }
  })

  it('refuses user counts outside 10..100,000', async () => {
    await expect(startSandbox({ users: 5 })).rejects.toThrow(RangeError)
  })
})
