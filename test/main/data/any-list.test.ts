// Any GET list of Zoom's files by its path template: planned from the files (parameters checked
// once, fan-out over parent lists derived from the path templates, refusals that name what to
// type or which scopes to add), and crawled through the real client against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PAGING_PARAMS } from '../../../common/zoom/api/list-params'
import type { ApiCatalog, ApiOperation } from '../../../common/zoom/api/types'
import { browsableLists, planFanOut } from '../../../common/zoom/browse/fan-out'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import { scopesForApp } from '../../../common/zoom/scopes'
import { planCrawl } from '../../../main/data/jobs/crawl-plan'
import type { CatalogSource } from '../../../main/data/jobs/job-manager'
import type { Sandbox } from '../../sandbox'
import { createRandom } from '../../sandbox/hash'
import { systemScheduler } from '../../../main/ports'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiTitle } from '../../support/zoom-openapi'
import { jobHarness, storedRows } from './harness'
import { apiRequests, listAll, sandboxZoom, spyZoom, startCatalogSandbox } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)

/** `count` items of `items`, picked with a seeded PRNG (the same ones every run). */
function pick<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = createRandom(seed)
  const pool = [...items]
  const out: T[] = []
  while (out.length < count && pool.length > 0) out.push(...pool.splice(Math.floor(random() * pool.length), 1))
  return out
}

/** A value Zoom's file offers for a required query parameter: its default or first enum value (free text, like a sync token, has none). */
function sampleValue(operation: ApiOperation, name: string): string | undefined {
  const param = operation.params.find((p) => p.name === name)
  const schema = param?.schema ?? {}
  const value = param?.default ?? param?.enum?.[0]
  if (value !== undefined && ['string', 'number', 'boolean'].includes(typeof value)) return String(value)
  if (schema.format === 'date') return '2026-03-01'
  return undefined
}

function requiredQuery(operation: ApiOperation): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  for (const param of operation.params.filter((p) => p.in === 'query' && p.required && !PAGING_PARAMS.has(p.name))) {
    const value = sampleValue(operation, param.name)
    if (value === undefined) return undefined
    out[param.name] = value
  }
  return out
}

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('any list of Zoom’s files by path template'), () => {
  let catalog: ApiCatalog
  let source: CatalogSource
  let sandbox: Sandbox

  beforeAll(async () => {
    ;({ catalog, source, sandbox } = await startCatalogSandbox({ seed: 41, users: 30, plan: 'unlimited', now: () => NOW }))
  })
  afterAll(() => sandbox.close())

  it('plans 80 lists picked at random: every path parameter typed or filled from a parent list that exists', () => {
    const browsable = browsableLists(catalog)
    expect(browsable.length).toBeGreaterThan(400)
    for (const spec of pick(browsable, 80, 7)) {
      const query = requiredQuery(spec.operation!)
      // A required parameter with no default nor choices (a date, a keyword) is for the person to type.
      if (query === undefined) continue
      const plan = planCrawl({ resource: spec.path, params: query }, catalog, NOW)
      expect(plan.spec.path).toBe(spec.path)
      const filled = new Set([...plan.fanOut.map((step) => step.param), ...(plan.users ? ['userId'] : [])])
      expect([...filled].sort(), spec.path).toEqual([...spec.pathParams].sort())
      for (const step of plan.fanOut) {
        expect(catalog.gets.get(step.parent)?.listKey ?? listSpecFor(step.parent, undefined)?.listKey, step.parent).toBeDefined()
        expect(spec.path.startsWith(`${step.parent}/{${step.param}}`) || step.parent === '/users', spec.path).toBe(true)
      }
    }
  })

  it('takes a built-in list’s page size, rate-limit category and scopes from Zoom’s file once read, our copies only before', () => {
    const users = catalog.gets.get('/users')!
    const changed: ApiOperation = { ...users, maxPageSize: 77, rateCategory: 'heavy', scopes: { classic: ['user:read:admin'], granular: ['user:read:list_users:master'] } }
    const spec = listSpecFor('/users', { gets: new Map([['/users', changed]]) })!
    expect(spec).toMatchObject({ maxPageSize: 77, category: 'heavy', scopes: changed.scopes, title: 'Users' })
    expect(spec.defaultColumns[0]).toEqual({ path: 'email', label: 'Email' })
    expect(listSpecFor('/users', undefined)).toMatchObject({ maxPageSize: 2000, category: 'medium' })
  })

  it('fans out over the parent list the path names: call queue members over call queues, room devices over rooms, channels over users', () => {
    expect(planCrawl({ resource: '/phone/call_queues/{callQueueId}/members', params: {} }, catalog, NOW).fanOut.map(({ param, parent, field }) => ({ param, parent, field }))).toEqual([{ param: 'callQueueId', parent: '/phone/call_queues', field: 'id' }])
    expect(planCrawl({ resource: '/rooms/{roomId}/devices', params: {} }, catalog, NOW).fanOut.map((s) => s.parent)).toEqual(['/rooms'])
    // A given value is used as it is: one list, no fan-out.
    const one = planCrawl({ resource: '/phone/call_queues/{callQueueId}/members', params: { callQueueId: 'abc' } }, catalog, NOW)
    expect(one.fanOut).toEqual([])
    expect(one.pathValues).toEqual({ callQueueId: 'abc' })
    // A Zoom user's lists take `users` (the token's owner by default), as /users/{userId}/… do.
    const channels = planCrawl({ resource: '/chat/users/{userId}/channels', params: {}, users: 'all' }, catalog, NOW)
    expect(channels.users).toEqual({ kind: 'all' })
    expect(channels.fanOut).toEqual([])
    // Nested parents are filled outermost first.
    const nested = browsableLists(catalog).find((spec) => planFanOut(spec, new Set(), catalog).ok && spec.pathParams.length > 1 && !spec.pathParams.includes('userId'))
    // Asserted, not assumed: without such a list the ordering below would go unchecked.
    expect(nested, 'Zoom’s files have a list under two path parameters, neither userId').toBeDefined()
    expect(planCrawl({ resource: nested!.path, params: requiredQuery(nested!.operation!) ?? {} }, catalog, NOW).fanOut.map((s) => s.param)).toEqual(nested!.pathParams)
  })

  it('takes a user parameter whose prefix list needs a query to answer (a report needs dates) as any of the account’s users', () => {
    // /report/users is the active/inactive hosts report: it answers only for a from/to range, so
    // it cannot give values; the userId of /report/users/{userId}/meetings is a Zoom user.
    const dates = { from: '2026-02-01', to: '2026-02-28' }
    const mine = planCrawl({ resource: '/report/users/{userId}/meetings', params: dates }, catalog, NOW)
    expect(mine.users).toMatchObject({ kind: 'listed', users: [{ userId: 'me' }] })
    expect(mine.fanOut).toEqual([])
    expect(planCrawl({ resource: '/report/users/{userId}/meetings', params: dates, users: 'all' }, catalog, NOW).users).toEqual({ kind: 'all' })
    expect(browsableLists(catalog).map((spec) => spec.path)).toContain('/report/users/{userId}/meetings')
  })

  it('splits a long range into one-month windows for a list of Zoom’s files that answers one month at a time', () => {
    // Zoom's file says the meeting report's from/to "should only be one month": three months are
    // asked for a month at a time, as for the built-in reports, instead of being refused by Zoom.
    const plan = planCrawl({ resource: '/report/users/{userId}/meetings', params: { from: '2026-01-01', to: '2026-03-31' } }, catalog, NOW)
    const windows = plan.queries.windows
    expect(windows.length).toBeGreaterThan(2)
    expect(windows[0]).toMatchObject({ from: '2026-01-01' })
    expect(windows.at(-1)).toMatchObject({ to: '2026-03-31' })
    for (const window of windows) expect((Date.parse(window!.to) - Date.parse(window!.from)) / 86_400_000).toBeLessThan(31)
    // A list whose file names no such limit is asked as given.
    expect(planCrawl({ resource: '/metrics/client/satisfaction', params: { from: '2026-01-01', to: '2026-03-31' } }, catalog, NOW).queries.windows).toEqual([undefined])
  })

  it('crawls such a list a month at a time through the real client, every request within one month', async () => {
    const asked: { from: string; to: string }[] = []
    const zoom = spyZoom(sandboxZoom(sandbox), (request, pages) => {
      const query = request.searchParams as Record<string, string>
      asked.push({ from: String(query.from), to: String(query.to) })
      return pages
    })
    const { jobs, finished } = jobHarness(zoom, { apiCatalog: source, time: { now: () => NOW, setTimeout: systemScheduler.setTimeout } })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: '/report/users/{userId}/meetings', params: { from: '2025-12-01', to: '2026-02-28' }, users: 'me' }))
    expect(done.state, done.error?.message).toBe('done')
    expect(asked.length).toBeGreaterThan(2)
    expect(asked[0]!.from).toBe('2025-12-01')
    expect(asked.at(-1)!.to).toBe('2026-02-28')
    for (const window of asked) expect((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000).toBeLessThan(31)
  })

  it('stores each row of a dated list once over several months, the first and last day included', async () => {
    // The sandbox answers this report only the rows of the window asked for (one month at most),
    // so a window asked twice, or a day left out between windows, shows in the stored rows.
    const zoom = sandboxZoom(sandbox)
    const spec = listSpecFor('/report/telephone', catalog)!
    const months = [['2025-12-01', '2025-12-31'], ['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28']]
    const expected: unknown[] = []
    for (const [from, to] of months) expected.push(...(await listAll(zoom, spec, {}, { from: from!, to: to! })))
    expect(expected.length).toBeGreaterThan(0)
    const { jobs, finished } = jobHarness(zoom, { apiCatalog: source, time: { now: () => NOW, setTimeout: systemScheduler.setTimeout } })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: '/report/telephone', params: { from: '2025-12-01', to: '2026-02-28' } }))
    expect(done.state, done.error?.message).toBe('done')
    const stored = (await storedRows(jobs.get(done.jobId).dataset)).map((row) => JSON.stringify(row))
    expect(new Set(stored).size).toBe(stored.length)
    expect(stored.length).toBe(expected.length)
    expect(new Set(stored)).toEqual(new Set(expected.map((row) => JSON.stringify(row))))
  })

  it('refuses a path parameter no list gives, naming it, and anything that is not a list', () => {
    const refused = (() => {
      try {
        planCrawl({ resource: '/meetings/{meetingId}/registrants', params: {} }, catalog, NOW)
      } catch (error) {
        return error as { code: string; message: string; details?: { issues?: { path: string }[] } }
      }
      return undefined
    })()
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'meetingId' }] } })
    expect(refused?.message).toContain('meetingId')
    expect(planCrawl({ resource: '/meetings/{meetingId}/registrants', params: { meetingId: '123' } }, catalog, NOW).pathValues).toEqual({ meetingId: '123' })
    expect(() => planCrawl({ resource: '/users/{userId}', params: {} }, catalog, NOW)).toThrow(/answers one object/)
    expect(() => planCrawl({ resource: '/no/such/list', params: {} }, catalog, NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => planCrawl({ resource: '/phone/call_queues', params: { page_size: 5 } }, catalog, NOW)).toThrow(/set by the app/)
    expect(() => planCrawl({ resource: '/phone/call_queues', params: { bogus: 1 } }, catalog, NOW)).toThrow(/no parameter/)
    expect(() => planCrawl({ resource: '/phone/call_queues/{callQueueId}/members', params: { callQueueId: '..' } }, catalog, NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })

  it('crawls a list of Zoom’s files that has no built-in tab, one user’s phone call history, through the real client', async () => {
    const zoom = sandboxZoom(sandbox)
    const spec = listSpecFor('/phone/users/{userId}/call_history', catalog)!
    expect(spec.curated).toBeUndefined()
    const expected = (await listAll<{ id: string }>(zoom, spec, { userId: 'me' }, { from: '2026-02-10', to: '2026-03-01' })).map((c) => c.id)
    expect(expected.length).toBeGreaterThan(0)
    const { jobs, finished } = jobHarness(zoom, { apiCatalog: source })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: '/phone/users/{userId}/call_history', params: { userId: 'me', from: '2026-02-10', to: '2026-03-01' } }))
    expect(done).toMatchObject({ state: 'done', errors: [], resource: '/phone/users/{userId}/call_history', rows: expected.length })
    expect((await storedRows<{ id: string }>(jobs.get(done.jobId).dataset)).map((r) => r.id)).toEqual(expected)
    // Columns from the item's schema, nested objects flattened.
    expect((await jobs.get(done.jobId).dataset.info()).defaultColumns.length).toBeGreaterThan(3)
  })

  /** Whether the sandbox answers the GETs of Zoom's files beyond its hand-written endpoints. */
  const servesEveryGet = async () => (await fetch(`${sandbox.url}/v2/phone/call_queues`)).status !== 404

  it('crawls call queue members over every call queue, and lists picked at random, when the sandbox answers every GET of the files', async (context) => {
    if (!(await servesEveryGet())) return context.skip('the sandbox answers only its hand-written endpoints')
    const zoom = sandboxZoom(sandbox)
    const queues = await listAll<{ id: string }>(zoom, listSpecFor('/phone/call_queues', catalog)!)
    // The crawl's clock is the test's NOW, as the sample dates are: a report's age limit (six
    // months) is then judged against the day they were picked for, not the machine's date.
    const { jobs, finished } = jobHarness(zoom, { apiCatalog: source, time: { now: () => NOW, setTimeout: systemScheduler.setTimeout } })
    const members = await finished(jobs.crawl({ profileId: 'p1', resource: '/phone/call_queues/{callQueueId}/members', params: {} }))
    expect(members).toMatchObject({ state: 'done', errors: [], unitsTotal: queues.length, unitNoun: 'call queues' })
    expect((await storedRows<{ callQueueId?: string }>(jobs.get(members.jobId).dataset)).every((row) => queues.some((q) => q.id === row.callQueueId))).toBe(true)
    for (const spec of pick(browsableLists(catalog), 25, 11)) {
      const query = requiredQuery(spec.operation!)
      if (query === undefined) continue
      const done = await finished(jobs.crawl({ profileId: 'p1', resource: spec.path, params: query, ...(spec.pathParams.includes('userId') && planCrawl({ resource: spec.path, params: query }, catalog, NOW).users ? { users: 'me' as const } : {}) }))
      expect(done.state, `${spec.path}: ${done.error?.message ?? ''}`).toBe('done')
    }
    // About 25 crawls, each into its own dataset file through the dataset worker: on a loaded
    // 2-core machine more than the default 20 s.
  }, 60_000)

  it('refuses before sending anything when the grant has none of the scopes the list accepts, naming them', async () => {
    sandbox.resetStats()
    const { jobs } = jobHarness(sandboxZoom(sandbox), { apiCatalog: source, grant: () => ({ level: 'admin', granted: ['user:read:admin'] }) })
    const queues = catalog.gets.get('/phone/call_queues')!
    await expect(jobs.crawl({ profileId: 'p1', resource: '/phone/call_queues', params: {} })).rejects.toMatchObject({ code: 'ZOOM_SCOPE_MISSING', details: { acceptedScopes: scopesForApp(queues, 'admin') } })
    // The fan-out's parent list counts too: the users list is granted, the users' recordings are not.
    await expect(jobs.crawl({ profileId: 'p1', resource: '/users/{userId}/recordings', params: {}, users: 'all' })).rejects.toMatchObject({ code: 'ZOOM_SCOPE_MISSING' })
    expect(apiRequests(sandbox)).toBe(0)
    const granted = jobHarness(sandboxZoom(sandbox), { apiCatalog: source, grant: () => ({ level: 'admin', granted: ['user:read:admin'] }) })
    await expect(granted.finished(granted.jobs.crawl({ profileId: 'p1', resource: '/users', params: {} }))).resolves.toMatchObject({ state: 'done' })
  })
})
