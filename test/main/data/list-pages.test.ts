// A crawl's listings through the real client against the sandbox: every built-in list at its
// page size, date ranges longer than Zoom allows fetched window by window (as planned by
// crawl-plan.ts), parameter checks before anything is sent, details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import got from 'got'
import { LIST_RESOURCES, splitDateWindows } from '../../../common/zoom/catalog'
import { formatIsoDate } from '../../../common/zoom/date-windows'
import { createZoomClients, getDetail, type ZoomClient, type ZoomPage } from '../../../main/zoom'
import { listPages as listingPages } from '../../../main/data/jobs/list-pages'
import { planCrawl } from '../../../main/data/jobs/crawl-plan'
import { withWindow } from '../../../main/data/jobs/crawl-units'
import { startSandbox, type Sandbox } from '../../sandbox'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'
import { caught } from '../../support/caught'

let sandbox: Sandbox
let client: ZoomClient
let token: string
const DAY = 86_400_000

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, users: 60, plan: 'unlimited' })
  const tokens = sandboxTokens(sandbox)
  token = (await tokens.getAccessToken('p1')).accessToken
  client = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS }).forProfile('p1')
})
afterAll(() => sandbox.close())

/** The pages a crawl of `resource` asks for (one user's list when `userId` is given), window by window. */
async function* listPages<T = unknown>(client: ZoomClient, resource: string, options: { userId?: string; params?: Record<string, string | number> } = {}): AsyncGenerator<ZoomPage<T>> {
  const plan = planCrawl({ resource, params: options.params ?? {}, ...(options.userId ? { users: [options.userId] } : {}) }, undefined, sandbox.now())
  const pathValues = { ...plan.pathValues, ...(options.userId ? { userId: options.userId } : {}) }
  let index = 0
  for (const window of plan.queries.windows) {
    for (const list of plan.queries.lists) {
      const query = withWindow(plan.spec, { ...plan.queries.params, ...list }, window)
      for await (const page of listingPages(client, plan.spec, { pathValues, query, signal: new AbortController().signal })) yield { ...(page as ZoomPage<T>), index: index++ }
    }
  }
}

async function collect<T>(pages: AsyncIterable<{ items: T[] }>): Promise<T[]> {
  const out: T[] = []
  for await (const page of pages) out.push(...page.items)
  return out
}

/** The reference: bare got, page by page, at the endpoint's maximum. */
async function reference(path: string, listKey: string, query: Record<string, string>, pageSize: number): Promise<unknown[]> {
  const out: unknown[] = []
  let next = ''
  do {
    const body = await got(`${sandbox.url}/v2${path}`, { searchParams: { ...query, page_size: pageSize, ...(next ? { next_page_token: next } : {}) }, headers: { authorization: `Bearer ${token}` } }).json<Record<string, unknown>>()
    out.push(...(body[listKey] as unknown[]))
    next = (body.next_page_token as string) ?? ''
  } while (next)
  return out
}


const today = () => formatIsoDate(sandbox.now())
const daysAgo = (n: number) => formatIsoDate(sandbox.now() - n * DAY)

describe('listPages', () => {
  it('lists users at the catalog’s page size, identical to the reference', async () => {
    const rows = await collect(listPages<{ id: string }>(client, 'users'))
    expect(rows).toEqual(await reference('/users', 'users', {}, 2000))
  })

  it('lists one user’s meetings (per-user path)', async () => {
    const rows = await collect(listPages(client, 'meetings', { userId: 'me', params: { type: 'scheduled' } }))
    expect(rows).toEqual(await reference('/users/me/meetings', 'meetings', { type: 'scheduled' }, 300))
  })

  it('fetches a long recordings range month by month: the union of the windows, nothing twice', async () => {
    const from = daysAgo(100)
    const to = today()
    const rows = await collect(listPages<{ uuid: string; start_time: string }>(client, 'recordings', { userId: 'me', params: { from, to } }))
    const windows = splitDateWindows(from, to, LIST_RESOURCES.recordings.dateWindow!.maxDays)
    expect(windows.length).toBeGreaterThan(3)
    const expected: unknown[] = []
    for (const w of windows) expected.push(...(await reference('/users/me/recordings', 'meetings', { from: w.from, to: w.to }, 300)))
    expect(rows).toEqual(expected)
    expect(new Set(rows.map((r) => r.uuid)).size).toBe(rows.length)
  })

  it('reads the daily report (one page, list key “dates”)', async () => {
    const now = new Date(sandbox.now())
    const rows = await collect(listPages<{ date: string }>(client, 'report.daily', { params: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 } }))
    expect(rows.length).toBe(now.getUTCDate())
    expect(rows[0]?.date).toMatch(/^\d{4}-\d{2}-01$/)
  })

  it('reads the call history and restarts cleanly after an expired Phone page token (code 400)', async () => {
    const params = { from: daysAgo(20), to: daysAgo(2) }
    const expected = await reference('/phone/call_history', 'call_logs', params, 300)
    expect(expected.length).toBeGreaterThan(600)
    const ids: string[] = []
    let restarted = 0
    for await (const page of listPages<{ id: string }>(client, 'phone.callHistory', { params })) {
      ids.push(...page.items.map((c) => c.id))
      if (page.restarted) restarted++
      if (page.index === 1) sandbox.advanceClock(16 * 60_000)
    }
    expect(restarted).toBe(1)
    expect(ids).toEqual(expected.map((c) => (c as { id: string }).id))
  })

  it('refuses parameters the catalog does not allow, before sending', async () => {
    const before = sandbox.stats().apiTotal
    const bad = await caught(collect(listPages(client, 'users', { params: { status: 'sleeping' } })))
    expect(bad.code).toBe('VALIDATION')
    expect(bad.details?.issues?.[0]?.path).toBe('status')
    expect((await caught(collect(listPages(client, '/no/such/list')))).code).toBe('VALIDATION')
    expect(sandbox.stats().apiTotal).toBe(before)
  })
})

describe('getDetail', () => {
  it('reads a user and a meeting by id', async () => {
    const me = await getDetail<{ id: string; email: string }>(client, 'user', 'me')
    expect(me.email).toBe(sandbox.login.email)
    const [meeting] = await collect(listPages<{ id: number }>(client, 'meetings', { userId: me.id }))
    expect(meeting).toBeDefined()
    const detail = await getDetail<{ id: number }>(client, 'meeting', String(meeting!.id))
    expect(detail.id).toBe(meeting!.id)
  })

  it('maps an unknown user to ZOOM_NOT_FOUND with Zoom’s code', async () => {
    const error = await caught(getDetail(client, 'user', 'nobody@example.invalid'))
    expect(error.code).toBe('ZOOM_NOT_FOUND')
    expect(error.details?.zoomCode).toBe(1001)
  })
})

describe('a token without the scope', () => {
  it('fails with ZOOM_SCOPE_MISSING naming the scopes Zoom would accept', async () => {
    const narrow = await startSandbox({ seed: 2, users: 10, plan: 'unlimited', apps: { s2s: { scopes: ['user:read:admin'] } } })
    try {
      const c = createZoomClients({ tokens: sandboxTokens(narrow), profiles: profileLookup(sandboxProfile(narrow)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS }).forProfile('p1')
      const error = await caught(collect(listPages(c, 'meetings', { userId: 'someone-else@example.invalid' })))
      expect(error.code).toBe('ZOOM_SCOPE_MISSING')
      expect(error.details?.zoomCode).toBe(4711)
      expect(error.details?.acceptedScopes).toEqual(expect.arrayContaining(['meeting:read:admin', 'meeting:read:list_meetings:admin']))
    } finally {
      await narrow.close()
    }
  })
})

describe('expanded parameters', () => {
  it('never sends status=all: it stands for one listing per status', async () => {
    const plan = planCrawl({ resource: 'users', params: { status: 'all' } }, undefined, sandbox.now())
    expect(plan.queries.params).toEqual({})
    expect(plan.queries.lists).toEqual([{ status: 'active' }, { status: 'inactive' }, { status: 'pending' }])
  })
})
