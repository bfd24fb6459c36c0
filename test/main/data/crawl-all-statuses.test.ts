// Users of every status: Zoom lists one status at a time, so status "all" (a catalog expansion)
// crawls the active, inactive and pending lists into one dataset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import type { PageRequest, PageSource } from '../../../main/data/ports'
import { type Sandbox, startSandbox } from '../../sandbox'
import { jobHarness, storedRows } from './harness'
import { sandboxPorts } from './sandbox-ports'

const STATUSES = ['active', 'inactive', 'pending'] as const

describe('crawl of users with status "all" against the sandbox', () => {
  let sandbox: Sandbox
  const byStatus = new Map<string, { ids: string[]; total: number }>()

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 23, users: 2000, plan: 'unlimited' })
    const reference = sandboxPorts(sandbox)
    for (const status of STATUSES) {
      const list = { ids: [] as string[], total: -1 }
      for await (const page of reference.pages({ profileId: 'p', resource: 'users', params: { status }, signal: new AbortController().signal })) {
        if (list.total < 0) list.total = page.totalRecords ?? -1
        for (const user of page.items as { id: string }[]) list.ids.push(user.id)
      }
      byStatus.set(status, list)
    }
    for (const status of STATUSES) expect(byStatus.get(status)!.ids.length, status).toBeGreaterThan(0)
  })
  afterAll(() => sandbox.close())

  /** A page source that records the parameters of every listing it is asked for. */
  function recording(source: PageSource): PageSource & { requests: PageRequest['params'][] } {
    const requests: PageRequest['params'][] = []
    return {
      requests,
      pages(request) {
        requests.push({ ...request.params })
        return source.pages(request)
      },
    }
  }

  it('returns exactly the union of the three lists, with their totals summed, never sending status=all', async () => {
    const source = recording(sandboxPorts(sandbox, { pageSize: 150 }))
    const { jobs, finished, events } = jobHarness(source)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all', role_id: '' } }).jobId)

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
    const ports = sandboxPorts(sandbox, { pageSize: 500 })
    // A source whose inactive list also repeats the first active page (a user changing status mid-crawl).
    const overlapping: PageSource = {
      async *pages(request) {
        if (request.params.status === 'inactive') for await (const page of ports.pages({ ...request, params: { status: 'active' } })) { yield { items: page.items }; break }
        yield* ports.pages(request)
      },
    }
    const { jobs, finished } = jobHarness(overlapping)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all' } }).jobId)
    expect(done.state).toBe('done')
    const ids = (await storedRows<{ id: string }>(jobs.get(done.jobId).dataset)).map((u) => u.id)
    expect([...ids].sort()).toEqual(STATUSES.flatMap((s) => byStatus.get(s)!.ids).sort())
  })

  it('cancel mid-way keeps the rows fetched so far and stops every list', async () => {
    const ports = sandboxPorts(sandbox, { pageSize: 100 })
    let jobId = ''
    let cancelledAt = -1
    const { jobs, finished } = jobHarness({
      async *pages(request) {
        for await (const page of ports.pages(request)) {
          yield page
          if (ports.requests >= 6 && cancelledAt < 0) {
            cancelledAt = ports.requests
            expect(jobs.cancel(jobId).state).toBe('cancelled')
          }
        }
      },
    })
    jobId = jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all' } }).jobId
    const done = await finished(jobId)
    expect(done.state).toBe('cancelled')
    expect(done.rows).toBeGreaterThan(0)
    expect(done.rows).toBe(jobs.get(jobId).dataset.rowCount)
    expect(done.rows).toBeLessThan(STATUSES.reduce((sum, s) => sum + byStatus.get(s)!.ids.length, 0))
    // Requests in flight when cancel came are aborted; none is sent after it.
    expect(ports.requests).toBe(cancelledAt)
  })

  it('one list failing fails the crawl, keeping the rows of the others', async () => {
    const ports = sandboxPorts(sandbox, { pageSize: 200 })
    const failing: PageSource = {
      async *pages(request) {
        for await (const page of ports.pages(request)) {
          yield page
          if (request.params.status === 'pending') throw new AppError('ZOOM_SERVER_ERROR', 'Zoom answered 500.')
        }
      },
    }
    const { jobs, finished } = jobHarness(failing)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'all' } }).jobId)
    expect(done.state).toBe('failed')
    expect(done.error?.code).toBe('ZOOM_SERVER_ERROR')
    expect(done.rows).toBeGreaterThanOrEqual(Math.min(200, byStatus.get('pending')!.ids.length))
    expect(done.rows).toBe(jobs.get(done.jobId).dataset.rowCount)
  })
})
