// GET /accounts/{accountId}/recordings as Zoom's API reference describes it: one listing of every
// user's recordings in a from/to window, paged with next_page_token, the token's account as `me`,
// and only the scopes that page names for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS, isoDate } from './clock'
import { startSandbox, type Sandbox } from './index'
import { getJson, s2sToken, userTokens } from './testing'

const NOW = Date.UTC(2026, 8, 16, 14, 45)
const day = (n: number) => isoDate(NOW + n * DAY_MS)

interface Listing {
  from: string
  to: string
  total_records: number
  next_page_token: string
  meetings: { uuid: string; host_id: string; host_email: string; start_time: string }[]
}

describe('sandbox: the account-wide recordings listing', () => {
  let zoom: Sandbox
  let admin: string

  const get = async (path: string, token = admin) => {
    const res = await getJson(`${zoom.url}/v2${path}`, token)
    return { status: res.status, body: (await res.json()) as Listing & { code?: number; message?: string } }
  }

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 77, users: 60, plan: 'unlimited', now: () => NOW })
    admin = (await s2sToken(zoom)).access_token
  })
  afterAll(() => zoom.close())

  it('pages through the same recordings the per-user listings give, newest first, each with its host’s e-mail', async () => {
    const window = `from=${day(-27)}&to=${day(0)}`
    const perUser = new Map<string, string>()
    const users: { id: string; email: string }[] = []
    for (const status of ['active', 'inactive', 'pending']) users.push(...((await get(`/users?status=${status}&page_size=300`)).body as unknown as { users: typeof users }).users)
    expect(users).toHaveLength(60)
    for (const user of users) {
      const { body } = await get(`/users/${user.id}/recordings?${window}`)
      for (const meeting of body.meetings) perUser.set(meeting.uuid, user.email)
    }
    expect(perUser.size).toBeGreaterThan(10)

    const seen: Listing['meetings'] = []
    let token = ''
    let pages = 0
    do {
      const { status, body } = await get(`/accounts/me/recordings?${window}&page_size=7${token ? `&next_page_token=${token}` : ''}`)
      expect(status).toBe(200)
      expect(body.total_records).toBe(perUser.size)
      expect([body.from, body.to]).toEqual([day(-27), day(0)])
      seen.push(...body.meetings)
      token = body.next_page_token
      pages++
    } while (token !== '')
    expect(pages).toBe(Math.ceil(perUser.size / 7))
    expect(new Map(seen.map((m) => [m.uuid, m.host_email]))).toEqual(perUser)
    const starts = seen.map((m) => Date.parse(m.start_time))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
  })

  it('lists today only without dates, cuts a longer window to one month, refuses one older than six months', async () => {
    const today = await get('/accounts/me/recordings')
    expect([today.body.from, today.body.to]).toEqual([day(0), day(1)])
    const long = await get(`/accounts/me/recordings?from=${day(-80)}&to=${day(0)}`)
    expect(long.status).toBe(200)
    expect(long.body.to).not.toBe(day(0))
    const old = await get(`/accounts/me/recordings?from=${day(-300)}&to=${day(-290)}`)
    expect([old.status, old.body.code]).toEqual([400, 300])
  })

  it('answers the account’s own ID like me, and no other account (the sandbox has no sub accounts)', async () => {
    const own = await get(`/accounts/${zoom.accountId}/recordings?from=${day(-7)}&to=${day(0)}`)
    const me = await get(`/accounts/me/recordings?from=${day(-7)}&to=${day(0)}`)
    expect(own.body.total_records).toBe(me.body.total_records)
    const other = await get('/accounts/AnotherAccount123/recordings')
    expect([other.status, other.body.code]).toEqual([404, 2001])
  })

  it('needs an account-wide listing scope: a user-level token or recording:read:admin alone gets 4711', async () => {
    const user = (await userTokens(zoom, 'userOAuth')).access_token
    const refused = await get('/accounts/me/recordings', user)
    expect([refused.status, refused.body.code]).toEqual([400, 4711])
    expect(refused.body.message).toContain('cloud_recording:read:list_account_recordings:admin')
    // recording:read:admin lists a sub account (by its ID), not the token's own account.
    const classic = (await userTokens(zoom, 'adminOAuth', { scopes: ['recording:read:admin'] })).access_token
    expect((await get('/accounts/me/recordings', classic)).body.code).toBe(4711)
    const owner = (await userTokens(zoom, 'adminOAuth', { scopes: ['account:read:admin'] })).access_token
    expect((await get('/accounts/me/recordings', owner)).status).toBe(200)
  })
})
