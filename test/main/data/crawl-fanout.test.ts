import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox'
import { DAY_MS, isoDate } from '../../sandbox/clock'
import { jobHarness, storedRows } from './harness'
import { apiRequests, builtIn, listAll, sandboxZoom, spyZoom } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)

/** Every user id of the account, and each user's meeting uuids, fetched directly. */
async function reference(sandbox: Sandbox) {
  const zoom = sandboxZoom(sandbox)
  const users = (await listAll<{ id: string }>(zoom, builtIn('/users'))).map((u) => u.id)
  const meetings = new Map<string, string[]>()
  for (const id of users) meetings.set(id, (await listAll<{ uuid: string }>(zoom, builtIn('/users/{userId}/meetings'), { userId: id })).map((m) => m.uuid))
  return { users, meetings }
}

describe('fan-out crawls against the sandbox', () => {
  let sandbox: Sandbox
  let expected: Awaited<ReturnType<typeof reference>>

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 5, users: 300, plan: 'unlimited', now: () => NOW })
    expected = await reference(sandbox)
    expect(expected.users.length).toBeGreaterThan(100)
  })
  afterAll(() => sandbox.close())

  it('crawls the meetings of all users, collecting one failing user without stopping the rest', async () => {
    const broken = expected.users.find((id) => (expected.meetings.get(id)?.length ?? 0) > 0)!
    sandbox.setFaults([
      { kind: 'status', status: 500, pathPrefix: `/v2/users/${broken}/meetings` },
      { kind: 'status', status: 503, pathPrefix: '/v2/users/', probability: 0.05 },
      { kind: 'truncate', pathPrefix: '/v2/users/', probability: 0.05 },
    ])
    let inFlight = 0
    let maxInFlight = 0
    const counting = spyZoom(sandboxZoom(sandbox, { retry: { limit: 3 } }), async function* (_request, pages) {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        yield* pages
      } finally {
        inFlight--
      }
    })
    const { jobs, finished, events } = jobHarness(counting, { concurrency: 5 })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' }))
    sandbox.setFaults([])

    expect(done.state).toBe('done')
    expect(done.unitsTotal).toBe(expected.users.length)
    expect(done.unitNoun).toBe('users')
    expect(done.unitsDone).toBe(expected.users.length)
    expect(done.errors).toHaveLength(1)
    expect(done.errors[0]!.unit).toMatch(/@/)
    expect(done.errors[0]!.error.code).toBe('ZOOM_SERVER_ERROR')

    const want = expected.users.filter((id) => id !== broken).flatMap((id) => expected.meetings.get(id) ?? [])
    const rows = await storedRows<{ uuid: string; host_id: string }>(jobs.get(done.jobId).dataset)
    expect(rows.map((m) => m.uuid).sort()).toEqual([...want].sort())
    expect(rows.some((m) => m.host_id === broken)).toBe(false)
    expect(done.rows).toBe(want.length)
    expect(maxInFlight).toBeLessThanOrEqual(1 + 5)
    expect(maxInFlight).toBeGreaterThan(1)

    const progress = events.jobEvents()
    expect(progress.some((p) => p.state === 'running' && (p.unitsDone ?? 0) > 0 && (p.unitsDone ?? 0) < expected.users.length)).toBe(true)
    expect(progress.at(-1)!.state).toBe('done')
  })

  it('crawls named users and "me"; an unknown user is one error, the others complete', async () => {
    const { jobs, finished } = jobHarness(sandboxZoom(sandbox))
    const named = expected.users.slice(0, 3)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: [...named, 'no-such-user'] }))
    expect(done.state).toBe('done')
    expect(done.errors).toEqual([{ unit: 'no-such-user', error: expect.objectContaining({ code: 'ZOOM_NOT_FOUND' }) }])
    const uuids = (await storedRows<{ uuid: string }>(jobs.get(done.jobId).dataset)).map((m) => m.uuid)
    expect(uuids.sort()).toEqual(named.flatMap((id) => expected.meetings.get(id) ?? []).sort())

    const onlyBad = await finished(jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: ['nobody-1', 'nobody-2'] }))
    expect(onlyBad.state).toBe('failed')
    expect(onlyBad.error?.code).toBe('ZOOM_NOT_FOUND')
    expect(onlyBad.errors).toHaveLength(2)
  })

  it('splits a recordings range longer than a month into windows Zoom accepts', async () => {
    sandbox.resetStats()
    const windows: string[] = []
    const recording = spyZoom(sandboxZoom(sandbox), (request, pages) => {
      if (request.path.endsWith('/recordings')) windows.push(`${String(request.searchParams?.from)}..${String(request.searchParams?.to)}`)
      return pages
    })
    const { jobs, finished } = jobHarness(recording)
    // 101 days, inclusive: 30 + 30 + 30 + 11.
    const from = isoDate(NOW - 100 * DAY_MS)
    const to = isoDate(NOW)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'recordings', params: { from, to }, users: 'all' }))
    expect(done.state).toBe('done')
    expect(done.errors).toEqual([])
    const perUser = [...new Set(windows)].sort()
    expect(perUser).toHaveLength(4)
    expect(perUser[0]!.startsWith(from)).toBe(true)
    expect(perUser.at(-1)!.endsWith(to)).toBe(true)
    expect(windows).toHaveLength(4 * expected.users.length)
    expect(sandbox.stats().api['GET /v2/users/{userId}/recordings']?.['400']).toBeUndefined()

    const rows = await storedRows<{ uuid: string; start_time: string }>(jobs.get(done.jobId).dataset)
    expect(rows.length).toBeGreaterThan(0)
    expect(done.rows).toBe(done.totalRecords)
    expect(new Set(rows.map((r) => r.uuid)).size).toBe(rows.length)
    for (const row of rows) expect(row.start_time >= from && row.start_time <= `${to}T23:59:59Z`).toBe(true)
  })

  it('cancel during a fan-out keeps the rows and stops sending requests', async () => {
    let jobId = ''
    let pagesSeen = 0
    let requestsAtCancel = -1
    const zoom = spyZoom(sandboxZoom(sandbox), async function* (request, pages) {
      for await (const page of pages) {
        yield page
        if (request.path.endsWith('/meetings') && ++pagesSeen === 40) {
          requestsAtCancel = apiRequests(sandbox)
          jobs.cancel(jobId)
        }
      }
    })
    const { jobs, finished } = jobHarness(zoom, { concurrency: 4 })
    jobId = (await jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })).jobId
    const done = await finished(jobId)
    expect(done.state).toBe('cancelled')
    expect(done.rows).toBe(jobs.get(jobId).dataset.rowCount)
    expect(done.rows).toBeGreaterThan(0)
    expect(done.unitsDone).toBeLessThan(expected.users.length)
    expect(apiRequests(sandbox)).toBe(requestsAtCancel)
    const after = apiRequests(sandbox)
    await finished(jobId)
    expect(apiRequests(sandbox)).toBe(after)
  })
})
