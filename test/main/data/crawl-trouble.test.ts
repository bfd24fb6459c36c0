// Crawls that survive trouble, with the real Zoom client against the sandbox: transient failures
// retried with backoff, an outage paused and resumed without losing a user, "Retry N failed",
// Resume after Cancel and after a rate-limit stop, and the dataset saying what it is missing. The
// trouble is the sandbox's own fault rules (5xx, 400, reset connections, stalled bodies, a daily
// 429), and the client does not retry (limit 0), so each fault reaches the crawl as the client
// reports it. The crawl's waits (unit backoff, outage pauses) run on a ManualTime that only this
// test moves: nothing here depends on how fast the machine is.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../common/contract/data'
import type { Sandbox } from '../../sandbox'
import { ManualTime } from '../../fakes/manual-time'
import { jobHarness, type JobHarnessOptions, storedRows } from './harness'
import { startMeetingHosts } from './meeting-hosts'
import { sandboxZoom, spyZoom } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)
/** Long enough that only a Cancel ends a stalled response, however loaded the machine is. */
const PATIENT = { connect: 60_000, response: 60_000, read: 60_000, idle: 60_000 }

let sandbox: Sandbox
/** The account's users in the order Zoom lists them, and each one's meeting uuids. */
let USERS: { id: string; email: string }[]
let meetings: Map<string, string[]>
/** Every user's id: each one hosts meetings, so each one's rows must be there (host_id). */
let everyone: string[]

beforeAll(async () => {
  ;({ sandbox, users: USERS, meetings } = await startMeetingHosts(NOW))
  everyone = USERS.map((u) => u.id).sort()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.setFaults([]))

const user = (n: number) => USERS[n] as { id: string; email: string }
/** Where one user's meetings are listed, as the sandbox sees the path. */
const meetingsOf = (n: number) => `/v2/users/${user(n).id}/meetings`
const meetingCount = () => [...meetings.values()].reduce((sum, list) => sum + list.length, 0)

/** The real client against the sandbox, counting each user's listings (a crawl's attempts). */
function countedSource(options: { timeouts?: typeof PATIENT } = {}) {
  const calls = new Map<string, number>()
  const zoom = spyZoom(sandboxZoom(sandbox, { retry: { limit: 0 }, ...options }), (request, pages) => {
    const userId = /^\/users\/([^/]+)\/meetings$/.exec(request.path)?.[1]
    if (userId !== undefined) calls.set(decodeURIComponent(userId), (calls.get(decodeURIComponent(userId)) ?? 0) + 1)
    return pages
  })
  return { calls, forProfile: zoom.forProfile }
}

/** A job harness whose crawl waits on `time`; progress goes out on every change, so no timer but the crawl's own. */
function troubleHarness(source: ReturnType<typeof countedSource>, time: ManualTime, options: JobHarnessOptions = {}) {
  return jobHarness(source, { ...options, time, progressIntervalMs: 0 })
}

/** Runs the crawl's waits one by one as it starts them, until `until` settles: time moves only here. */
async function runWaits<T>(time: ManualTime, until: Promise<T>): Promise<T> {
  let settled = false
  const result = until.finally(() => (settled = true))
  for (;;) {
    await Promise.race([result, time.whenPending()])
    if (settled) return result
    time.advanceToNext()
  }
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

const hostIds = async (harness: ReturnType<typeof jobHarness>, datasetId: string) => [...new Set((await storedRows<{ host_id: string }>(harness.datasets.get(datasetId))).map((r) => r.host_id))].sort()
const uuids = async (harness: ReturnType<typeof jobHarness>, datasetId: string) => (await storedRows<{ uuid: string }>(harness.datasets.get(datasetId))).map((r) => r.uuid).sort()
const allMeetings = () => [...meetings.values()].flat().sort()

describe('crawls that survive trouble', () => {
  it('retries a unit that fails transiently and loses nothing', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, pathPrefix: meetingsOf(3), count: 2 }])
    const source = countedSource()
    const time = new ManualTime(NOW)
    const harness = troubleHarness(source, time, { concurrency: 3 })
    const done = await runWaits(time, harness.finished(harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })))
    expect(done).toMatchObject({ state: 'done', errors: [], unitsDone: 12, failedUnits: 0, resumable: false, totalRecords: meetingCount() })
    expect(source.calls.get(user(3).id)).toBe(3)
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
    expect(await uuids(harness, done.datasetId)).toEqual(allMeetings())
    // The host's e-mail from the users list is on every row.
    const emails = new Map(USERS.map((u) => [u.id, u.email]))
    expect((await storedRows<{ host_id: string; host_email?: string }>(harness.datasets.get(done.datasetId))).every((r) => r.host_email === emails.get(r.host_id))).toBe(true)
  })

  it('pauses while Zoom is unreachable, says so, and goes on when it is back, skipping nobody', async () => {
    // The first user's list gets through, then every connection to Zoom is cut.
    sandbox.setFaults([{ kind: 'reset', pathPrefix: '/v2/users/', skip: 1 }])
    const source = countedSource()
    const time = new ManualTime(NOW)
    // One unit at a time, so the first user's success is counted before the next one's failures: a
    // success counted between them (its page still being stored by the dataset worker) would reset
    // the run of network errors, and that user would use up its attempts before the outage is seen.
    const harness = troubleHarness(source, time, { concurrency: 1, retry: { outageAfterErrors: 3, outageDelaysMs: [30] } })
    const paused = nextEvent(harness, (p) => p.paused !== undefined)
    const { jobId } = await harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })
    const first = await runWaits(time, paused)
    expect(first.paused).toMatchObject({ reason: 'unreachable', message: expect.stringMatching(/^Zoom is unreachable — retrying in \d+ s$/) })
    expect(first.state).toBe('running')
    expect(first.errors).toEqual([])
    sandbox.setFaults([])
    const done = await runWaits(time, harness.finished(jobId))
    expect(done).toMatchObject({ state: 'done', errors: [], unitsDone: 12 })
    expect(done.paused).toBeUndefined()
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
    expect(await uuids(harness, done.datasetId)).toEqual(allMeetings())
  })

  it('lists units that failed for good, and "Retry N failed" fetches them into the same dataset', async () => {
    sandbox.setFaults([4, 7].map((n) => ({ kind: 'status' as const, status: 400, pathPrefix: meetingsOf(n) })))
    const source = countedSource()
    const time = new ManualTime(NOW)
    const harness = troubleHarness(source, time, { concurrency: 3 })
    const first = await runWaits(time, harness.finished(harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })))
    expect(first).toMatchObject({ state: 'done', failedUnits: 2, resumable: true, unitsDone: 12 })
    expect(first.errors.map((e) => e.unit).sort()).toEqual([user(4).email, user(7).email].sort())
    expect(first.errors.map((e) => e.error.code)).toEqual(['ZOOM_BAD_REQUEST', 'ZOOM_BAD_REQUEST'])
    expect(source.calls.get(user(4).id)).toBe(1) // not transient: not retried by itself
    const info = await harness.datasets.get(first.datasetId).info()
    expect(info.complete).toBe(false)
    expect(info.missing?.join(' ')).toContain('2 users failed: ')

    sandbox.setFaults([])
    harness.jobs.retryFailed(first.jobId)
    const second = await runWaits(time, harness.finished(first.jobId))
    expect(second).toMatchObject({ state: 'done', errors: [], failedUnits: 0, resumable: false, unitsDone: 12, totalRecords: meetingCount() })
    expect(second.datasetId).toBe(first.datasetId)
    expect(await hostIds(harness, second.datasetId)).toEqual(everyone)
    expect(await uuids(harness, second.datasetId)).toEqual(allMeetings())
    expect(source.calls.get(user(1).id)).toBe(1) // units that succeeded are not fetched again
    expect(await harness.datasets.get(second.datasetId).info()).toMatchObject({ complete: true })
    expect(() => harness.jobs.retryFailed(first.jobId)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })

  it('resumes after Cancel where it stopped', async () => {
    // The first two users' lists arrive; every later response stalls half-way until the person cancels.
    sandbox.setFaults([{ kind: 'stall', pathPrefix: '/v2/users/', skip: 2 }])
    const source = countedSource({ timeouts: PATIENT })
    const time = new ManualTime(NOW)
    const harness = troubleHarness(source, time, { concurrency: 2 })
    const twoDone = nextEvent(harness, (p) => p.unitsDone === 2)
    const { jobId } = await harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })
    await runWaits(time, twoDone)
    const cancelled = harness.jobs.cancel(jobId)
    sandbox.setFaults([])
    expect(cancelled).toMatchObject({ state: 'cancelled', resumable: true, pendingUnits: 10 })
    expect((await harness.datasets.get(cancelled.datasetId).info()).missing).toEqual(['Cancelled with 10 of 12 users not loaded.'])

    harness.jobs.resume(jobId)
    const done = await runWaits(time, harness.finished(jobId))
    expect(done).toMatchObject({ state: 'done', unitsDone: 12, pendingUnits: 0, resumable: false, errors: [] })
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
    expect(await uuids(harness, done.datasetId)).toEqual(allMeetings())
    expect(source.calls.get(user(0).id)).toBe(1)
  })

  it('stops on a rate limit it cannot wait out, keeps the rest pending, and resumes', async () => {
    // Zoom's daily cap: 429 with Retry-After at the next midnight UTC, hours away.
    sandbox.setFaults([{ kind: 'rate-limit', rateLimitType: 'daily', pathPrefix: meetingsOf(5) }])
    const source = countedSource()
    const time = new ManualTime(NOW)
    const harness = troubleHarness(source, time, { concurrency: 1 })
    const stopped = await runWaits(time, harness.finished(harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })))
    expect(stopped).toMatchObject({ state: 'failed', error: { code: 'ZOOM_RATE_LIMITED' }, resumable: true, pendingUnits: 7, unitsDone: 5 })
    expect(stopped.error?.message).toContain('maximum daily rate limit')
    expect(source.calls.has(user(6).id)).toBe(false)

    sandbox.setFaults([])
    harness.jobs.resume(stopped.jobId)
    const done = await runWaits(time, harness.finished(stopped.jobId))
    expect(done).toMatchObject({ state: 'done', unitsDone: 12, pendingUnits: 0 })
    expect(done.error).toBeUndefined()
    expect(await hostIds(harness, done.datasetId)).toEqual(everyone)
    expect(await uuids(harness, done.datasetId)).toEqual(allMeetings())
  })
})
