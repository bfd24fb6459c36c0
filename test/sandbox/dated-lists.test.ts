// The generated lists whose from/to are dates answer only the rows of the window asked for
// (dated-list.ts): disjoint windows share no row and together give the wider window's rows,
// every row is dated inside its window, paging stays within the window, and windows are checked
// as the operation's file documents (or refused as not emulated where it does not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { availableProducts, OPENAPI_DIR } from './api/generic/zoom-files'
import { startSandbox, type Sandbox } from './index'
import { getJson, s2sToken } from './testing'

const NOW = Date.UTC(2026, 2, 4, 12)
const AVAILABLE = availableProducts().length === 31

type Json = Record<string, unknown>

describe.skipIf(!AVAILABLE)(AVAILABLE ? 'generated lists with date windows' : `generated lists with date windows skipped: Zoom's files are not in ${OPENAPI_DIR}`, () => {
  let zoom: Sandbox
  let admin: string

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 12, users: 20, plan: 'unlimited', now: () => NOW })
    admin = (await s2sToken(zoom)).access_token
  })
  afterAll(() => zoom?.close())

  async function get(path: string): Promise<{ status: number; body: Json }> {
    const res = await getJson(`${zoom.url}/v2${path}`, admin)
    return { status: res.status, body: (await res.json()) as Json }
  }

  /** Every row of a window, page by page (5 a page), checking each page's envelope. */
  async function rows(path: string, from: string, to: string, listKey: string): Promise<Json[]> {
    const out: Json[] = []
    let token = ''
    let total: unknown
    do {
      const page = await get(`${path}?from=${from}&to=${to}&page_size=5&next_page_token=${token}`)
      expect(page.status, JSON.stringify(page.body)).toBe(200)
      // A few envelopes (the chat metrics) declare no total_records.
      total ??= page.body.total_records ?? 'none'
      expect(page.body.total_records ?? 'none').toBe(total)
      out.push(...(page.body[listKey] as Json[]))
      token = String(page.body.next_page_token ?? '')
    } while (token !== '')
    if (total !== 'none') expect(out.length).toBe(total)
    return out
  }

  const ids = (list: Json[], key: string) => list.map((row) => String(row[key]))

  it('answers disjoint rows for disjoint windows, each dated inside its window, and their union for the wider window', async () => {
    // No length limit in this file: two months at once are allowed.
    const path = '/metrics/client/satisfaction'
    const january = await rows(path, '2026-01-01', '2026-01-31', 'client_satisfaction')
    const february = await rows(path, '2026-02-01', '2026-02-28', 'client_satisfaction')
    const both = await rows(path, '2026-01-01', '2026-02-28', 'client_satisfaction')
    for (const row of january) expect(String(row.date)).toMatch(/^2026-01-/)
    for (const row of february) expect(String(row.date)).toMatch(/^2026-02-/)
    expect(january.length).toBeGreaterThan(0)
    expect(february.length).toBeGreaterThan(0)
    expect(both.length).toBe(january.length + february.length)
    expect(new Set(both.map((r) => JSON.stringify(r)))).toEqual(new Set([...january, ...february].map((r) => JSON.stringify(r))))
  })

  it('splits a one-month list the same way, inclusive at both ends, with the same ids and dates on every request', async () => {
    const path = '/report/telephone'
    const whole = await rows(path, '2026-02-01', '2026-02-28', 'telephony_usage')
    const first = await rows(path, '2026-02-01', '2026-02-14', 'telephony_usage')
    const second = await rows(path, '2026-02-15', '2026-02-28', 'telephony_usage')
    expect(whole.length).toBeGreaterThan(0)
    for (const row of whole) expect(Date.parse(String(row.start_time))).toBeGreaterThanOrEqual(Date.UTC(2026, 1, 1))
    for (const row of whole) expect(Date.parse(String(row.start_time))).toBeLessThan(Date.UTC(2026, 2, 1))
    expect(new Set([...first, ...second].map((r) => JSON.stringify(r)))).toEqual(new Set(whole.map((r) => JSON.stringify(r))))
    expect(first.length + second.length).toBe(whole.length)
    // One day: exactly the rows dated that day.
    const lastDay = await rows(path, '2026-02-28', '2026-02-28', 'telephony_usage')
    expect(lastDay.map((r) => JSON.stringify(r))).toEqual(whole.filter((r) => String(r.start_time).startsWith('2026-02-28')).map((r) => JSON.stringify(r)))
    expect(await rows(path, '2026-02-01', '2026-02-28', 'telephony_usage')).toEqual(whole)
  })

  it('keeps a row of a list without a date field in every window (a total over the window)', async () => {
    const path = '/metrics/chat'
    const a = await rows(path, '2026-01-01', '2026-01-28', 'users')
    const b = await rows(path, '2026-02-01', '2026-02-28', 'users')
    expect(a.length).toBeGreaterThan(0)
    expect(ids(b, 'email')).toEqual(ids(a, 'email'))
  })

  it('answers the default window its file states when from and to are left out', async () => {
    // "If unspecified, it returns data from the past 30 days."
    // Today and the 29 days before: longer than a month in February, which only Zoom's default may be.
    const page = await get('/phone/recordings?page_size=300')
    expect(page.status, JSON.stringify(page.body)).toBe(200)
    const explicit = [...(await rows('/phone/recordings', '2026-02-03', '2026-02-28', 'recordings')), ...(await rows('/phone/recordings', '2026-03-01', '2026-03-04', 'recordings'))]
    expect(explicit.length).toBeGreaterThan(0)
    expect(new Set((page.body.recordings as Json[]).map((r) => JSON.stringify(r)))).toEqual(new Set(explicit.map((r) => JSON.stringify(r))))
    expect((await get('/phone/recordings?page_size=300&from=2026-02-03&to=2026-03-04')).status).toBe(400)
    // A file that states no default: the sandbox cannot know which rows Zoom would answer.
    const unknown = await get('/report/activities')
    expect(unknown).toMatchObject({ status: 400, body: { code: 300 } })
    expect(String(unknown.body.message)).toContain('not emulated')
  })

  it('refuses a window as the file documents it, and as not emulated where it documents nothing', async () => {
    // Contact Center's operation logs document 6002 (from after to) and 6003 (over a month).
    expect(await get('/contact_center/reports/operation_logs?from=2026-02-10&to=2026-02-01')).toMatchObject({ status: 400, body: { code: 6002, message: 'The query time from cannot be greater than to.' } })
    expect(await get('/contact_center/reports/operation_logs?from=2026-01-01&to=2026-02-28')).toMatchObject({ status: 400, body: { code: 6003, message: 'The time range of the query from and to exceeds one month.' } })
    // Video SDK reports document their six-month limit.
    expect(await get('/videosdk/report/telephone?from=2025-08-01&to=2025-08-20')).toMatchObject({ status: 400, body: { code: 300, message: 'Daily report can only be provided within 6 months prior to the current date.' } })
    // The telephone report documents none of these: each refusal says it is not emulated.
    for (const query of ['from=2026-02-10&to=2026-02-01', 'from=2026-01-01&to=2026-02-28', 'from=2026-02-30&to=2026-03-01', 'from=20260201&to=2026-02-10']) {
      const refused = await get(`/report/telephone?${query}`)
      expect(refused, query).toMatchObject({ status: 400, body: { code: 300 } })
      expect(String(refused.body.message), query).toContain('not emulated')
    }
    // One month exactly is within the limit; without the file's six-month rule, older is fine.
    expect((await get('/report/telephone?from=2026-01-31&to=2026-02-28')).status).toBe(200)
    expect((await get('/report/telephone?from=2025-01-01&to=2025-01-31')).status).toBe(200)
  })
})
