// Users of every status: Zoom lists one status at a time, so status "all" (a catalog expansion)
// crawls the active, inactive and pending lists into one dataset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import type { Query } from '../../../main/zoom'
import { type Sandbox, startSandbox } from '../../sandbox'
import { jobHarness, storedRows } from './harness'
import { apiRequests, builtIn, sandboxZoom, spyZoom } from './sandbox-zoom'
import { listPages } from '../../../main/data/jobs/list-pages'

const STATUSES = ['active', 'inactive', 'pending'] as const

describe('crawl of users with status "all" against the sandbox', () => {
  let sandbox: Sandbox
  const byStatus = new Map<string, { ids: string[]; total: number }>()

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 23, users: 2000, plan: 'unlimited' })
    const client = sandboxZoom(sandbox).forProfile('p1')
    for (const status of STATUSES) {
      const list = { ids: [] as string[], total: -1 }
      for await (const page of listPages(client, builtIn('/users'), { pathValues: {}, query: { status }, signal: new AbortController().signal })) {
        if (list.total < 0) list.total = page.totalRecords ?? -1
        for (const user of page.items as { id: string }[]) list.ids.push(user.id)
      }
      byStatus.set(status, list)
    }
    for (const status of STATUSES) expect(byStatus.get(status)!.ids.length, status).toBeGreaterThan(0)
  })
  afterAll(() => sandbox.close())

  it('returns exactly the union of the three lists, with their totals summed, never sending status=all', async () => {
    // The client, recording the parameters of every listing it is asked for.
    const requests: Query[] = []
    const zoom = spyZoom(
      sandboxZoom(sandbox),
      (request, pages) => {
        requests.push({ ...request.searchParams })
        return pages
      },
      { pageSize: 150 },
    )
    const source = { requests }
    const { jobs, finished, events } = jobHarness(zoom)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all', role_id: '' } }))

    expect(done.state).toBe('done')
    expect(done.errors).toEqual([])
    const expected = STATUSES.flatMap((s) => byStatus.get(s)!.ids)
    const ids = (await storedRows<{ id: string }>(jobs.get(done.jobId).dataset)).map((u) => u.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...expected].sort())
    expect(done.rows).toBe(expected.length)
    expect(done.totalRecords).toBe(STATUSES.reduce((sum, s) => sum + byStatus.get(s)!.total, 0))
    expect(done.pages).toBe(STATUSES.reduce((sum, s) => sum + Math.ceil(byStatus.get(s)!.ids.length / 150), 0))

    expect(source.requests.map((p) => p.status).sort()).toEqual([...STATUSES])
    expect(source.requests.every((p) => !('role_id' in p))).toBe(true)
    const progress = events.jobEvents()
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows)
    expect(progress.at(-1)).toMatchObject({ state: 'done', rows: expected.length })
  })

  it('drops a user two lists both return', async () => {
    // The inactive list also repeats the first active page (a user changing status mid-crawl).
    const overlapping = spyZoom(
      sandboxZoom(sandbox),
      async function* (request, pages, client) {
        if (request.searchParams?.status === 'inactive') for await (const page of client.paginate({ ...request, searchParams: { status: 'active' } })) { yield page; break }
        yield* pages
      },
      { pageSize: 500 },
    )
    const { jobs, finished } = jobHarness(overlapping)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all' } }))
    expect(done.state).toBe('done')
    const ids = (await storedRows<{ id: string }>(jobs.get(done.jobId).dataset)).map((u) => u.id)
    expect([...ids].sort()).toEqual(STATUSES.flatMap((s) => byStatus.get(s)!.ids).sort())
  })

  it('cancel mid-way keeps the rows fetched so far and stops every list', async () => {
    sandbox.resetStats()
    let jobId = ''
    let cancelledAt = -1
    const zoom = spyZoom(
      sandboxZoom(sandbox),
      async function* (_request, pages) {
        for await (const page of pages) {
          yield page
          if (apiRequests(sandbox) >= 6 && cancelledAt < 0) {
            cancelledAt = apiRequests(sandbox)
            expect(jobs.cancel(jobId).state).toBe('cancelled')
          }
        }
      },
      { pageSize: 100 },
    )
    const { jobs, finished } = jobHarness(zoom)
    jobId = (await jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all' } })).jobId
    const done = await finished(jobId)
    expect(done.state).toBe('cancelled')
    expect(done.rows).toBeGreaterThan(0)
    expect(done.rows).toBe(jobs.get(jobId).dataset.rowCount)
    expect(done.rows).toBeLessThan(STATUSES.reduce((sum, s) => sum + byStatus.get(s)!.ids.length, 0))
    // Requests in flight when cancel came are aborted; none is sent after it.
    expect(apiRequests(sandbox)).toBe(cancelledAt)
  })

  it('one list failing fails the crawl, keeping the rows of the others', async () => {
    const failing = spyZoom(
      sandboxZoom(sandbox),
      async function* (request, pages) {
        for await (const page of pages) {
          yield page
          if (request.searchParams?.status === 'pending') throw new AppError('ZOOM_SERVER_ERROR', 'Zoom answered 500.')
        }
      },
      { pageSize: 200 },
    )
    const { jobs, finished } = jobHarness(failing)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all' } }))
    expect(done.state).toBe('failed')
    expect(done.error?.code).toBe('ZOOM_SERVER_ERROR')
    expect(done.rows).toBeGreaterThanOrEqual(Math.min(200, byStatus.get('pending')!.ids.length))
    expect(done.rows).toBe(jobs.get(done.jobId).dataset.rowCount)
  })
})
