// Meetings, webinars, recordings, reports and phone endpoints: data, filters, windows, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS, isoDate } from './clock'
import { ACCOUNT_CALL_RESULTS, USER_CALL_RESULTS } from './api/handlers/call-filters'
import { startSandbox, type Sandbox } from './index'
import { findOperation } from './openapi'
import { getJson, s2sToken, userTokens } from './testing'

const NOW = Date.UTC(2026, 4, 13, 15, 30) // a Wednesday
let zoom: Sandbox
let admin: string
let userIds: string[]

beforeAll(async () => {
  zoom = await startSandbox({ seed: 21, users: 400, plan: 'unlimited', now: () => NOW })
  admin = (await s2sToken(zoom)).access_token
  const body = (await (await getJson(`${zoom.url}/v2/users?page_size=300`, admin)).json()) as { users: { id: string }[] }
  userIds = body.users.map((u) => u.id)
})
afterAll(() => zoom.close())

async function get<T = Record<string, unknown>>(path: string, token = admin): Promise<{ status: number; body: T }> {
  const res = await getJson(`${zoom.url}/v2${path}`, token)
  return { status: res.status, body: (await res.json()) as T }
}

const day = (offset: number) => isoDate(NOW + offset * DAY_MS)

describe('meetings', () => {
  it('lists a user\'s meetings with type filters and gets one meeting by id', async () => {
    let found: { id: number; start_time?: string; type: number; host_id: string }[] = []
    for (const id of userIds) {
      found = (await get<{ meetings: typeof found }>(`/users/${id}/meetings`)).body.meetings
      if (found.length >= 3) break
    }
    expect(found.length).toBeGreaterThanOrEqual(3)
    expect(found.every((m) => [2, 3, 8].includes(m.type))).toBe(true)
    const host = found[0]!.host_id
    const upcoming = (await get<{ meetings: typeof found }>(`/users/${host}/meetings?type=upcoming`)).body.meetings
    const previous = (await get<{ meetings: typeof found }>(`/users/${host}/meetings?type=previous_meetings`)).body.meetings
    expect(upcoming.length + previous.length).toBe(found.length)
    for (const m of upcoming) if (m.start_time) expect(Date.parse(m.start_time)).toBeGreaterThanOrEqual(NOW)
    const one = await get<{ id: number; host_id: string; settings: object }>(`/meetings/${found[0]!.id}`)
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ id: found[0]!.id, host_id: host })
    expect(one.body.settings).toBeTypeOf('object')
  })

  it('answers 404/3001 for an unknown meeting and 404/1001 for an unknown user', async () => {
    expect(await get('/meetings/123')).toEqual({ status: 404, body: { code: 3001, message: 'Meeting does not exist: 123.' } })
    expect((await get('/users/nobody@example.com/meetings')).body).toMatchObject({ code: 1001 })
  })

  it('rejects an unknown type with 400/300', async () => {
    expect((await get(`/users/me/meetings?type=soon`)).body).toMatchObject({ code: 300 })
  })
})

describe('webinars', () => {
  it('lists webinars for users with the plan and answers 400/200 for the others', async () => {
    const outcomes = await Promise.all(userIds.slice(0, 100).map((id) => get<{ code?: number; webinars?: unknown[] }>(`/users/${id}/webinars`)))
    expect(outcomes.some((o) => o.status === 200)).toBe(true)
    const refused = outcomes.find((o) => o.status === 400)!
    expect(refused.body.code).toBe(200)
  })
})

describe('recordings', () => {
  it('returns recordings inside a window of at most one month, newest first, with download URLs', async () => {
    let meetings: { start_time: string; recording_files: { download_url: string; file_size: number }[] }[] = []
    for (const id of userIds) {
      const page = await get<{ from: string; to: string; meetings: typeof meetings }>(`/users/${id}/recordings?from=${day(-30)}&to=${day(0)}`)
      expect(page.body).toMatchObject({ from: day(-30), to: day(0) })
      if (page.body.meetings.length >= 2) {
        meetings = page.body.meetings
        break
      }
    }
    expect(meetings.length).toBeGreaterThanOrEqual(2)
    const starts = meetings.map((m) => Date.parse(m.start_time))
    expect([...starts].sort((a, b) => b - a)).toEqual(starts)
    for (const s of starts) expect(s).toBeGreaterThanOrEqual(NOW - 31 * DAY_MS)
    for (const file of meetings.flatMap((m) => m.recording_files)) {
      expect(file.download_url.startsWith(`${zoom.url}/rec/download/`)).toBe(true)
      expect(file.file_size).toBeGreaterThanOrEqual(10_000)
      expect(file.file_size).toBeLessThanOrEqual(2_000_000)
    }
  })

  it('cuts a window longer than one month to one month, and defaults to today', async () => {
    const long = await get(`/users/me/recordings?from=2026-03-20&to=${day(0)}`)
    expect(long.status).toBe(200)
    expect(long.body).toMatchObject({ from: '2026-03-20', to: '2026-04-20' })
    expect((await get('/users/me/recordings?from=2026-13-01')).body).toMatchObject({ code: 300 })
    const fallback = await get<{ from: string; to: string }>('/users/me/recordings')
    expect(fallback.body).toMatchObject({ from: day(0), to: day(1) })
  })
})

describe('reports', () => {
  it('daily report: one row per day of the month so far', async () => {
    const report = await get<{ year: number; month: number; dates: { date: string; meetings: number }[] }>('/report/daily')
    expect(report.body).toMatchObject({ year: 2026, month: 5 })
    expect(report.body.dates.map((d) => d.date)).toEqual(Array.from({ length: 13 }, (_, k) => `2026-05-${String(k + 1).padStart(2, '0')}`))
    expect((await get('/report/daily?year=2025&month=1')).body).toMatchObject({ code: 300 })
  })

  it('daily report needs a paid plan', async () => {
    zoom.setPlan('free')
    try {
      expect(await get('/report/daily')).toMatchObject({ status: 400, body: { code: 200 } })
    } finally {
      zoom.setPlan('unlimited')
    }
  })

  it('active and inactive hosts partition the non-pending users', async () => {
    const window = `from=${day(-20)}&to=${day(0)}&page_size=300`
    const active = await get<{ total_records: number; total_meetings: number; users: { meetings: number }[] }>(`/report/users?type=active&${window}`)
    const inactive = await get<{ total_records: number; users: { meetings: number }[] }>(`/report/users?type=inactive&${window}`)
    const pending = await get<{ total_records: number }>('/users?status=pending')
    expect(active.body.total_records + inactive.body.total_records + pending.body.total_records).toBe(400)
    expect(active.body.users.every((u) => u.meetings > 0)).toBe(true)
    expect(inactive.body.users.every((u) => u.meetings === 0)).toBe(true)
    expect(active.body.total_meetings).toBeGreaterThan(0)
    expect((await get(`/report/users?type=active`)).body).toMatchObject({ code: 300 })
    expect((await get(`/report/users?from=${day(-200)}&to=${day(-190)}`)).body).toMatchObject({ code: 300 })
  })
})

describe('phone', () => {
  it('lists phone users (max page size 100) with a status filter', async () => {
    const page = await get<{ page_size: number; total_records: number; users: { status: string; extension_number: number }[] }>('/phone/users?page_size=500')
    expect(page.body.page_size).toBe(100)
    expect(page.body.users).toHaveLength(100)
    const deactivated = await get<{ users: { status: string }[] }>('/phone/users?status=deactivate&page_size=100')
    expect(deactivated.body.users.length).toBeGreaterThan(0)
    expect(deactivated.body.users.every((u) => u.status === 'deactivate')).toBe(true)
  })

  it('pages through call history in time order and answers a bad token with code 400', async () => {
    const seen: string[] = []
    let token = ''
    do {
      const page = await get<{ next_page_token: string; total_records: number; call_logs: { start_time: string }[] }>(`/phone/call_history?from=${day(-2)}&to=${day(0)}&page_size=300&next_page_token=${token}`)
      seen.push(...page.body.call_logs.map((c) => c.start_time))
      token = page.body.next_page_token
    } while (token !== '')
    expect(seen.length).toBeGreaterThan(100)
    expect([...seen].sort()).toEqual(seen)
    for (const t of seen) expect(Date.parse(t)).toBeLessThanOrEqual(NOW)
    expect((await get('/phone/call_history?next_page_token=junk')).body).toMatchObject({ code: 400 })
  })

  it('applies the call-history filters directions, call_results and recording_status, repeated values meaning either', async () => {
    type Calls = { total_records: number; call_logs: { direction: string; call_result: string; recording_status: string }[] }
    const window = `from=${day(-3)}&to=${day(-1)}&page_size=300`
    const all = (await get<Calls>(`/phone/call_history?${window}`)).body
    const missed = (await get<Calls>(`/phone/call_history?${window}&call_results=no_answer`)).body
    expect(missed.total_records).toBeGreaterThan(0)
    expect(missed.total_records).toBeLessThan(all.total_records)
    expect(missed.call_logs.every((c) => c.call_result === 'no_answer')).toBe(true)
    const missedIn = (await get<Calls>(`/phone/call_history?${window}&call_results=no_answer&directions=inbound`)).body
    expect(missedIn.call_logs.length).toBeGreaterThan(0)
    expect(missedIn.call_logs.every((c) => c.call_result === 'no_answer' && c.direction === 'inbound')).toBe(true)
    const either = (await get<Calls>(`/phone/call_history?${window}&directions=inbound&directions=outbound`)).body
    expect(either.total_records).toBe(all.total_records)
    const recorded = (await get<Calls>(`/phone/call_history?${window}&recording_status=recorded`)).body
    expect(recorded.call_logs.length).toBeGreaterThan(0)
    expect(recorded.call_logs.every((c) => c.recording_status === 'recorded')).toBe(true)
    expect((await get(`/phone/call_history?${window}&directions=sideways`)).body).toMatchObject({ code: 400 })
    expect((await get(`/phone/call_history?${window}&directions=inbound,outbound`)).body).toMatchObject({ code: 400 })
    // One user's history filters its own calls the same way; its record names the result `result`.
    type UserCalls = { total_records: number; call_logs: { direction: string; result: string }[] }
    let mine: UserCalls | undefined
    for (const id of userIds) {
      const res = await get<UserCalls>(`/phone/users/${id}/call_history?from=${day(-28)}&to=${day(-1)}&page_size=300`)
      if (res.status === 200 && res.body.call_logs.some((c) => c.direction === 'outbound') && res.body.call_logs.some((c) => c.direction === 'inbound')) {
        const out = (await get<UserCalls>(`/phone/users/${id}/call_history?from=${day(-28)}&to=${day(-1)}&page_size=300&directions=outbound`)).body
        expect(out.call_logs.length).toBe(res.body.call_logs.filter((c) => c.direction === 'outbound').length)
        expect(out.call_logs.every((c) => c.direction === 'outbound')).toBe(true)
        mine = res.body
        break
      }
    }
    expect(mine).toBeDefined()
  })

  it('refuses the call-history filters it does not apply as not emulated, and takes their no-filter values', async () => {
    const window = `from=${day(-3)}&to=${day(-1)}`
    const all = (await get<{ total_records: number }>(`/phone/call_history?${window}`)).body
    for (const asked of ['keyword=zzz', 'department=Sales', 'site_ids=s1', 'time_type=end_time', 'with_voicemail=true']) {
      const refused = await get<{ code: number; message: string }>(`/phone/call_history?${window}&${asked}`)
      expect(refused.status).toBe(400)
      expect(refused.body.message).toContain('not emulated')
    }
    expect((await get(`/phone/users/${userIds[0]}/call_history?${window}&keyword=zzz`)).body).toMatchObject({ message: expect.stringContaining('not emulated') })
    // What Zoom's file gives as the default asks for nothing more: answered as without it.
    expect((await get<{ total_records: number }>(`/phone/call_history?${window}&time_type=start_time&with_voicemail=false&keyword=`)).body.total_records).toBe(all.total_records)
  })

  it('knows the call_results values Phone.json documents for each call history', () => {
    const enumOf = (path: string) => (findOperation('Phone', path)?.parameters?.find((p) => p.name === 'call_results')?.schema?.items as { enum?: string[] } | undefined)?.enum
    expect(ACCOUNT_CALL_RESULTS).toEqual(enumOf('/phone/call_history'))
    expect(USER_CALL_RESULTS).toEqual(enumOf('/phone/users/{userId}/call_history'))
  })

  it('serves a user\'s own call history to a user-level token', async () => {
    const user = (await userTokens(zoom, 'userOAuth')).access_token
    expect((await get(`/phone/users/me/call_history?from=${day(-7)}&to=${day(0)}`, user)).status).toBe(200)
    expect((await get('/phone/call_history', user)).body).toMatchObject({ code: 4711 })
  })
})
