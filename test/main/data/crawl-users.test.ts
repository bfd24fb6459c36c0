import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { type Sandbox, startSandbox } from '../../sandbox'
import { jobHarness, storedRows } from './harness'
import { apiRequests, builtIn, listAll, sandboxZoom, spyZoom } from './sandbox-zoom'

const USERS = 2500

describe('crawl of a single list against the sandbox', () => {
  let sandbox: Sandbox
  let expectedIds: string[]

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11, users: USERS, plan: 'unlimited' })
    expectedIds = (await listAll<{ id: string }>(sandboxZoom(sandbox), builtIn('/users'))).map((user) => user.id)
    expect(expectedIds.length).toBeGreaterThan(1000)
  })
  afterAll(() => sandbox.close())

  it('gets every user exactly once despite 5xx, resets, truncated JSON and 429s', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 502, pathPrefix: '/v2/users', probability: 0.15 },
      { kind: 'reset', pathPrefix: '/v2/users', probability: 0.1 },
      { kind: 'truncate', pathPrefix: '/v2/users', probability: 0.1 },
      { kind: 'html', pathPrefix: '/v2/users', probability: 0.05 },
      { kind: 'rate-limit', pathPrefix: '/v2/users', probability: 0.05 },
    ])
    sandbox.resetStats()
    const { jobs, finished, events } = jobHarness(spyZoom(sandboxZoom(sandbox, { retry: { limit: 8 } }), undefined, { pageSize: 100 }))
    const first = await jobs.crawl({ profileId: 'p1', resource: 'users', params: {} })
    expect(first).toMatchObject({ state: 'running', rows: 0, pages: 0, profileId: 'p1', resource: '/users' })

    const done = await finished(first.jobId)
    sandbox.setFaults([])
    expect(done.state).toBe('done')
    expect(done.errors).toEqual([])
    expect(done.totalRecords).toBe(expectedIds.length)
    expect(done.rows).toBe(expectedIds.length)
    expect(Object.values(sandbox.stats().faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(5)

    const rows = await storedRows<{ id: string }>(jobs.get(first.jobId).dataset)
    expect(rows.map((u) => u.id)).toEqual(expectedIds)

    const progress = events.jobEvents()
    expect(progress.at(-1)).toMatchObject({ state: 'done', rows: expectedIds.length })
    expect(progress.length).toBeLessThan(done.pages + 2)
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows)
  })

  it('drops rows seen again when the list restarts after an expired page token', async () => {
    // Zoom's page tokens expire after 15 minutes; the sandbox's clock jumps past that after the
    // third page, so the client starts the list again and hands over only rows it has not yet.
    let served = 0
    const zoom = spyZoom(
      sandboxZoom(sandbox),
      async function* (_request, pages) {
        for await (const page of pages) {
          yield page
          if (++served === 3) sandbox.advanceClock(16 * 60_000)
        }
      },
      { pageSize: 500 },
    )
    const { jobs, finished } = jobHarness(zoom)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: {} }))
    expect(done.state).toBe('done')
    const ids = (await storedRows<{ id: string }>(jobs.get(done.jobId).dataset)).map((u) => u.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expectedIds)
  })

  it('cancel keeps the rows fetched so far and stops sending requests', async () => {
    sandbox.resetStats()
    let cancelAt = -1
    let jobId = ''
    let pages = 0
    const zoom = spyZoom(
      sandboxZoom(sandbox),
      async function* (_request, listing) {
        for await (const page of listing) {
          yield page
          if (++pages === 5) {
            cancelAt = apiRequests(sandbox)
            const cancelled = jobs.cancel(jobId)
            expect(cancelled.state).toBe('cancelled')
          }
        }
      },
      { pageSize: 100 },
    )
    const { jobs, finished, events } = jobHarness(zoom)
    jobId = (await jobs.crawl({ profileId: 'p1', resource: 'users', params: {} })).jobId
    const done = await finished(jobId)
    expect(done.state).toBe('cancelled')
    expect(done.finishedAt).toBeDefined()
    expect(done.rows).toBe(500)
    // The fifth page was being stored when Cancel came: the job's last word counts it too.
    expect(events.jobEvents().filter((e) => e.jobId === jobId).at(-1)).toMatchObject({ state: 'cancelled', rows: 500 })
    expect(jobs.get(jobId).dataset.rowCount).toBe(500)
    expect(cancelAt).toBe(5)
    expect(apiRequests(sandbox)).toBe(cancelAt)
    expect(jobs.list('p1').find((j) => j.jobId === jobId)?.state).toBe('cancelled')
  })

  it('asks again for a page whose store failed: the resumed crawl has every user once', async () => {
    // Each page is stored while the next is fetched, so the listing has moved past a page before
    // its store ends; the failed one must be asked for again, not skipped.
    const { jobs, finished } = jobHarness(spyZoom(sandboxZoom(sandbox), undefined, { pageSize: 100 }))
    const { jobId } = await jobs.crawl({ profileId: 'p1', resource: 'users', params: {} })
    const job = jobs.get(jobId)
    // Users have ids, so their pages go to the dataset as Zoom's bytes.
    const addPage = job.dataset.addPage.bind(job.dataset)
    let stores = 0
    job.dataset.addPage = (page, context) => (++stores === 3 ? Promise.reject(new AppError('FILE_IO', 'The disk is full.')) : addPage(page, context))
    const failed = await finished(jobId)
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'FILE_IO' }, rows: 200 })
    await job.resume()
    expect(job.snapshot()).toMatchObject({ state: 'done', rows: expectedIds.length })
    const ids = (await storedRows<{ id: string }>(job.dataset)).map((u) => u.id)
    expect(ids).toEqual(expectedIds)
  })

  it('cancelled as a page arrives and resumed at once: every user once, in order', async () => {
    // The listing sees the Cancel between its pages and ends without an error: the list is not
    // complete, and Resume must go on with it from the page not stored.
    // The job, once the crawl has started it (the spy below runs after).
    const crawl: { job?: ReturnType<ReturnType<typeof jobHarness>['jobs']['get']> } = {}
    let resumed: Promise<void> | undefined
    let pages = 0
    const zoom = spyZoom(
      sandboxZoom(sandbox),
      async function* (_request, listing) {
        for await (const page of listing) {
          if (++pages === 5) {
            crawl.job!.cancel()
            resumed = crawl.job!.resume()
          }
          yield page
        }
      },
      { pageSize: 100 },
    )
    const { jobs } = jobHarness(zoom)
    const job = (crawl.job = jobs.get((await jobs.crawl({ profileId: 'p1', resource: 'users', params: {} })).jobId))
    await job.start()
    expect(resumed, 'cancelled at the fifth page').toBeDefined()
    await resumed
    expect(job.snapshot()).toMatchObject({ state: 'done', rows: expectedIds.length })
    expect((await storedRows<{ id: string }>(job.dataset)).map((u) => u.id)).toEqual(expectedIds)
  })

  it('a list that cannot be loaded fails the job with the error, keeping earlier rows', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: '/v2/users', skip: 2 }])
    const { jobs, finished } = jobHarness(spyZoom(sandboxZoom(sandbox, { retry: { limit: 2 } }), undefined, { pageSize: 100 }))
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: {} }))
    sandbox.setFaults([])
    expect(done.state).toBe('failed')
    expect(done.error?.code).toBe('ZOOM_SERVER_ERROR')
    expect(done.rows).toBe(200)
  })

  it('rejects parameters the catalog does not accept before sending anything', async () => {
    sandbox.resetStats()
    const { jobs } = jobHarness(sandboxZoom(sandbox))
    await expect(jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'sleeping' } })).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    await expect(jobs.crawl({ profileId: 'p1', resource: 'users', params: {}, users: 'all' })).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(apiRequests(sandbox)).toBe(0)
  })
})
