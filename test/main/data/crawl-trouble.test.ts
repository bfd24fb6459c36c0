// Crawls that survive trouble, on scripted listings: transient failures retried with backoff, an
// outage paused and resumed without losing a user, "Retry N failed", Resume after Cancel and after
// a rate-limit stop, and the dataset saying what it is missing. The listings are scripted at the
// client's paginate() (what the crawl calls) so each user's n-th attempt can fail exactly as the
// client reports it after its own retries; the client itself is tested against the sandbox.
import { describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { PaginateRequest, ZoomClient, ZoomClients, ZoomPage } from '../../../main/zoom'
import { jobHarness, storedRows } from './harness'

const USERS = Array.from({ length: 12 }, (_, i) => ({ id: `u${i}`, email: `user${i}@example.com` }))

/** Users list, then one meeting per user; `fail(userId, call)` may throw for a user's n-th call. */
function scriptedSource(fail: (userId: string, call: number) => AppError | undefined, gate?: (userId: string) => Promise<void>): Pick<ZoomClients, 'forProfile'> & { calls: Map<string, number> } {
  const calls = new Map<string, number>()
  const page = (items: unknown[], totalRecords?: number): ZoomPage => ({ items, index: 0, rateLimitWaits: 0, restarted: false, skipped: 0, ...(totalRecords !== undefined ? { totalRecords } : {}) })
  async function* paginate(request: PaginateRequest): AsyncGenerator<ZoomPage> {
    if (request.path === '/users') {
      yield page(USERS)
      return
    }
    const userId = decodeURIComponent(/^\/users\/([^/]+)\/meetings$/.exec(request.path)?.[1] ?? 'me')
    const call = (calls.get(userId) ?? 0) + 1
    calls.set(userId, call)
    await gate?.(userId)
    request.signal?.throwIfAborted()
    const error = fail(userId, call)
    if (error) throw error
    yield page([{ uuid: `m-${userId}`, host_id: userId }], 1)
  }
  return { calls, forProfile: () => ({ paginate }) as unknown as ZoomClient }
}

/** Resolves with the first job event that passes `test`. */
function nextEvent(harness: ReturnType<typeof jobHarness>, test: (p: JobProgress) => boolean): Promise<JobProgress> {
  return new Promise((resolve) => {
    const { events } = harness
    const emit = events.emit.bind(events)
    events.emit = (name, payload) => {
      emit(name, payload)
      if (name === 'data.job' && test(payload as JobProgress)) resolve(structuredClone(payload as JobProgress))
    }
  })
}

const hostIds = async (harness: ReturnType<typeof jobHarness>, datasetId: string) => (await storedRows<{ host_id: string }>(harness.datasets.get(datasetId))).map((r) => r.host_id).sort()
const everyone = USERS.map((u) => u.id).sort()

describe('crawls that survive trouble', () => {
  it('retries a unit that fails transiently and loses nothing', async () => {
    const source = scriptedSource((userId, call) => (userId === 'u3' && call <= 2 ? new AppError('ZOOM_SERVER_ERROR', 'Zoom answered 503') : undefined))
    const harness = jobHarness(source, { concurrency: 3 })
    const done = await harness.finished(harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' }))
    expect(done).toMatchObject({ state: 'done', errors: [], unitsDone: 12, failedUnits: 0, resumable: false, totalRecords: 12 })
    expect(source.calls.get('u3')).toBe(3)
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
    // The host's e-mail from the users list is on every row.
    expect((await storedRows(harness.datasets.get(done.datasetId))).every((r) => (r as { host_email?: string }).host_email === `user${(r as { host_id: string }).host_id.slice(1)}@example.com`)).toBe(true)
  })

  it('pauses while Zoom is unreachable, says so, and goes on when it is back, skipping nobody', async () => {
    let down = false
    const source = scriptedSource((userId) => (down && userId !== 'u0' ? new AppError('NETWORK', 'The connection to Zoom failed (ECONNREFUSED).') : undefined), async (userId) => {
      // u0 succeeds first, then the outage starts.
      if (userId === 'u0') down = true
    })
    // One unit at a time, so u0's success is counted before u1's failures: a success counted
    // between them (its page still being stored while u1 retries) would reset the run of network
    // errors, and u1 would use up its attempts and fail for good before the outage is seen.
    const harness = jobHarness(source, { concurrency: 1, retry: { outageAfterErrors: 3, outageDelaysMs: [30] } })
    const paused = nextEvent(harness, (p) => p.paused !== undefined)
    const { jobId } = await harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })
    const first = await paused
    expect(first.paused).toMatchObject({ reason: 'unreachable', message: expect.stringMatching(/^Zoom is unreachable — retrying in \d+ s$/) })
    expect(first.state).toBe('running')
    expect(first.errors).toEqual([])
    down = false
    const done = await harness.finished(jobId)
    expect(done).toMatchObject({ state: 'done', errors: [], unitsDone: 12 })
    expect(done.paused).toBeUndefined()
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
  })

  it('lists units that failed for good, and "Retry N failed" fetches them into the same dataset', async () => {
    let broken = true
    const source = scriptedSource((userId) => (broken && (userId === 'u4' || userId === 'u7') ? new AppError('ZOOM_BAD_REQUEST', 'Not today') : undefined))
    const harness = jobHarness(source, { concurrency: 3 })
    const first = await harness.finished(harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' }))
    expect(first).toMatchObject({ state: 'done', failedUnits: 2, resumable: true, unitsDone: 12 })
    expect(first.errors.map((e) => e.unit).sort()).toEqual(['user4@example.com', 'user7@example.com'])
    expect(source.calls.get('u4')).toBe(1) // not transient: not retried by itself
    const info = await harness.datasets.get(first.datasetId).info()
    expect(info.complete).toBe(false)
    expect(info.missing?.join(' ')).toContain('2 users failed: ')

    broken = false
    harness.jobs.retryFailed(first.jobId)
    const second = await harness.finished(first.jobId)
    expect(second).toMatchObject({ state: 'done', errors: [], failedUnits: 0, resumable: false, unitsDone: 12, totalRecords: 12 })
    expect(second.datasetId).toBe(first.datasetId)
    expect(await hostIds(harness, second.datasetId)).toEqual(everyone)
    expect(source.calls.get('u1')).toBe(1) // units that succeeded are not fetched again
    expect(await harness.datasets.get(second.datasetId).info()).toMatchObject({ complete: true })
    expect(() => harness.jobs.retryFailed(first.jobId)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })

  it('resumes after Cancel where it stopped', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    let holding = true
    const source = scriptedSource(() => undefined, async (userId) => {
      if (holding && userId !== 'u0' && userId !== 'u1') await held
    })
    const harness = jobHarness(source, { concurrency: 2 })
    const twoDone = nextEvent(harness, (p) => p.unitsDone === 2)
    const { jobId } = await harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })
    await twoDone
    const cancelled = harness.jobs.cancel(jobId)
    holding = false
    release()
    expect(cancelled).toMatchObject({ state: 'cancelled', resumable: true, pendingUnits: 10 })
    expect((await harness.datasets.get(cancelled.datasetId).info()).missing).toEqual(['Cancelled with 10 of 12 users not loaded.'])

    harness.jobs.resume(jobId)
    const done = await harness.finished(jobId)
    expect(done).toMatchObject({ state: 'done', unitsDone: 12, pendingUnits: 0, resumable: false, errors: [] })
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
    expect(source.calls.get('u0')).toBe(1)
  })

  it('stops on a rate limit it cannot wait out, keeps the rest pending, and resumes', async () => {
    let limited = true
    const source = scriptedSource((userId) => (limited && userId === 'u5' ? new AppError('ZOOM_RATE_LIMITED', 'Zoom’s daily rate limit was reached') : undefined))
    const harness = jobHarness(source, { concurrency: 1 })
    const stopped = await harness.finished(harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' }))
    expect(stopped).toMatchObject({ state: 'failed', error: { code: 'ZOOM_RATE_LIMITED' }, resumable: true, pendingUnits: 7, unitsDone: 5 })
    expect(source.calls.has('u6')).toBe(false)

    limited = false
    harness.jobs.resume(stopped.jobId)
    const done = await harness.finished(stopped.jobId)
    expect(done).toMatchObject({ state: 'done', unitsDone: 12, pendingUnits: 0 })
    expect(done.error).toBeUndefined()
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
  })
})
